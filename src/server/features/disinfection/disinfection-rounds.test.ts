import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISINFECTION_CHANGED } from '../../../shared/api/disinfection.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import type { LiveEvent } from '../../platform/live-events.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { countRows, multipartPhotos } from '../medicine/medicine.test-support.ts';
import { CLEAN_PNG, containsText, pngWithLocation, SECRET_PLACE } from '../medicine/photo-fixtures.ts';
import {
  createArea,
  type DisinfectionScene,
  disinfectionScene,
  finishedRound,
  tasksOf,
} from './disinfection.test-support.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('disinfection rounds: generation, overdue, logging and coverage', () => {
  let t: TestApp;
  let d: DisinfectionScene;
  let lobby: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    d = await disinfectionScene(t);
    // 08:00 in Shanghai: a daily 09:00 lobby round is still to come today
    lobby = await createArea(t, d, {
      name: '12号楼大堂',
      kind: 'lobby',
      buildingId: d.registry.b12.id,
      schedule: 'daily',
      times: ['09:00'],
      graceMinutes: 120,
    });
  });
  afterAll(() => t.close());

  it('makes today’s and tomorrow’s rounds at once, local 09:00 being 01:00 UTC', async () => {
    const today = await tasksOf(t, d);
    expect(today.date).toBe('2026-04-09');
    expect(today.tasks.map((x) => [x.areaName, x.dueAt, x.status, x.overdue])).toEqual([
      ['12号楼大堂', '2026-04-09T01:00:00.000Z', 'due', false],
    ]);
    const tomorrow = await tasksOf(t, d, '?date=2026-04-10');
    expect(tomorrow.tasks.map((x) => x.dueAt)).toEqual(['2026-04-10T01:00:00.000Z']);
  });

  it('generates idempotently: running again adds nothing, the next day adds the day after', async () => {
    const before = await countRows(t, 'disinfection_tasks');
    await runBackgroundTasksOnce(t.deps);
    await runBackgroundTasksOnce(t.deps);
    expect(await countRows(t, 'disinfection_tasks')).toBe(before);
    t.clock.advance(24 * HOUR); // 2026-04-10 08:00 Shanghai
    await runBackgroundTasksOnce(t.deps);
    await runBackgroundTasksOnce(t.deps);
    expect(await countRows(t, 'disinfection_tasks')).toBe(before + 1);
    expect((await tasksOf(t, d, '?date=2026-04-11')).tasks.map((x) => x.dueAt)).toEqual([
      '2026-04-11T01:00:00.000Z',
    ]);
  });

  it('calls a round overdue only after its grace; today’s list carries the overdue one of yesterday', async () => {
    // yesterday's 09:00 round was never done: overdue since 11:00 yesterday
    const yesterday = await tasksOf(t, d, '?date=2026-04-09&status=overdue');
    expect(yesterday.tasks).toHaveLength(1);
    t.clock.advance(3 * HOUR); // 11:00 exactly: today's round is at due + grace, not past it
    const overdueNow = async () =>
      (await tasksOf(t, d, '?status=overdue')).tasks.map((x) => [x.dueAt, x.overdue]);
    expect(await overdueNow()).toEqual([['2026-04-09T01:00:00.000Z', true]]);
    t.clock.advance(1000);
    expect(await overdueNow()).toEqual([
      ['2026-04-09T01:00:00.000Z', true],
      ['2026-04-10T01:00:00.000Z', true],
    ]);
  });

  it('logs a round once; a second log is 409 naming who did it; tomorrow’s waits for its day', async () => {
    const today = (await tasksOf(t, d)).tasks.find((x) => x.dueAt === '2026-04-10T01:00:00.000Z');
    const heard: LiveEvent[] = [];
    const stop = t.app.liveHub.observe((event) => heard.push(event));
    const log = await call(t.app, d.s.member!, 'POST', d.url(`/tasks/${today!.id}/log`), {
      note: '含氯消毒液 500mg/L',
    });
    expect(log.statusCode).toBe(200);
    expect(log.json()).toMatchObject({
      status: 'done',
      overdue: false,
      note: '含氯消毒液 500mg/L',
      doneBy: { name: '志愿者0' },
    });
    expect(log.json().doneAt).toBe(t.clock.now().toISOString());
    // the coverage view hears of it without reloading
    await expect
      .poll(() => heard.some((e) => e.type === DISINFECTION_CHANGED && e.data.taskId === today!.id))
      .toBe(true);
    stop();
    const again = await call(
      t.app,
      d.s.volunteer!,
      'POST',
      d.url(`/tasks/${today!.id}/log`),
      {},
      { 'accept-language': 'en' },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DISINFECTION_ALREADY_LOGGED' });
    expect(again.json().error.message).toContain('志愿者0');
    const [tomorrow] = (await tasksOf(t, d, '?date=2026-04-11')).tasks;
    const early = await call(t.app, d.s.member!, 'POST', d.url(`/tasks/${tomorrow!.id}/log`), {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DISINFECTION_TOO_EARLY');
    expect(await countRows(t, 'audit_log', `action = 'disinfection.log'`)).toBe(1);
  });

  it('shows coverage: the building green once done today, red while a round is overdue', async () => {
    const coverage = (await call(t.app, d.s.member!, 'GET', d.url('/coverage'))).json();
    const area = coverage.areas.find((x: { areaId: string }) => x.areaId === lobby.id);
    expect(area).toMatchObject({
      state: 'overdue', // yesterday's round is still open and overdue
      overdue: true,
      overdueSince: '2026-04-09T01:00:00.000Z',
      doneToday: 1,
      lastDoneBy: '志愿者0',
      nextDueAt: '2026-04-11T01:00:00.000Z',
      buildingCode: '12',
      position: { x: d.registry.b12.x, y: d.registry.b12.y },
    });
    const [late] = (await tasksOf(t, d, '?date=2026-04-09')).tasks;
    expect((await call(t.app, d.s.leader!, 'POST', d.url(`/tasks/${late!.id}/log`), {})).statusCode).toBe(
      200,
    );
    // logged today, yesterday's round is among today's done ones
    const done = (await tasksOf(t, d, '?status=done')).tasks.map((x) => x.dueAt);
    expect(done).toEqual(['2026-04-09T01:00:00.000Z', '2026-04-10T01:00:00.000Z']);
    const after = (await call(t.app, d.s.member!, 'GET', d.url('/coverage'))).json();
    expect(after.areas.find((x: { areaId: string }) => x.areaId === lobby.id)).toMatchObject({
      state: 'done',
      overdue: false,
    });
    expect(after.totals).toMatchObject({ done: 1, overdue: 0 });
  });

  it('gives an after-testing area one task per testing round that ends, due at its end', async () => {
    const square = await createArea(t, d, {
      name: '核酸采样点',
      kind: 'testing_square',
      x: 100,
      y: 80,
      schedule: 'after_testing',
    });
    const endedAt = new Date(t.clock.now().getTime() + 30 * MINUTE);
    await finishedRound(t, d.a, endedAt, 'running');
    const round = await finishedRound(t, d.a, endedAt);
    await finishedRound(t, d.b, endedAt); // another community's round
    await runBackgroundTasksOnce(t.deps); // the round ends later than now: not yet
    const count = () => countRows(t, 'disinfection_tasks', `area_id = '${square.id}'`);
    expect(await count()).toBe(0);
    t.clock.advance(30 * MINUTE);
    await runBackgroundTasksOnce(t.deps);
    await runBackgroundTasksOnce(t.deps);
    expect(await count()).toBe(1);
    const task = (await tasksOf(t, d)).tasks.find((x) => x.areaName === '核酸采样点');
    expect(task).toMatchObject({ dueAt: endedAt.toISOString(), status: 'due' });
    expect(await countRows(t, 'disinfection_tasks', `round_id = '${round}'`)).toBe(1);
  });

  it('keeps a photo of a logged round without its location, once the round is logged', async () => {
    const square = (await tasksOf(t, d)).tasks.find((x) => x.areaName === '核酸采样点')!;
    const upload = (data: Uint8Array) => {
      const body = multipartPhotos([{ data, name: 'p.png', type: 'image/png' }]);
      return t.app.inject({
        method: 'POST',
        url: d.url(`/tasks/${square.id}/photo`),
        payload: body.payload,
        headers: { ...body.headers, cookie: d.s.member!.cookie, 'x-csrf-token': d.s.member!.csrf },
      });
    };
    expect((await upload(CLEAN_PNG)).json().error.code).toBe('DISINFECTION_NOT_LOGGED');
    await call(t.app, d.s.member!, 'POST', d.url(`/tasks/${square.id}/log`), {});
    const stored = await upload(pngWithLocation());
    expect(stored.statusCode).toBe(201);
    const photo = await call(t.app, d.s.viewer!, 'GET', stored.json().path);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(containsText(photo.rawPayload, SECRET_PLACE)).toBe(false);
    expect((await tasksOf(t, d)).tasks.find((x) => x.id === square.id)).toMatchObject({
      photoPath: stored.json().path,
    });
  });

  it('lets only the group and the committee see and log rounds; another community gets 404', async () => {
    const [task] = (await tasksOf(t, d, '?date=2026-04-11')).tasks;
    for (const who of ['resident', 'parcelsVolunteer'])
      for (const [method, path] of [
        ['GET', '/tasks'],
        ['GET', '/coverage'],
        ['POST', `/tasks/${task!.id}/log`],
      ] as const)
        expect(
          (await call(t.app, d.s[who]!, method, d.url(path), method === 'POST' ? {} : undefined)).statusCode,
        ).toBe(403);
    expect((await call(t.app, d.s.viewer!, 'POST', d.url(`/tasks/${task!.id}/log`), {})).statusCode).toBe(
      403,
    );
    expect((await call(t.app, d.s.viewer!, 'GET', d.url('/coverage'))).statusCode).toBe(200);
    expect((await call(t.app, d.s['b-coordinator']!, 'GET', d.url('/tasks'))).statusCode).toBe(404);
    const otherId = `/api/communities/${d.b}/disinfection/tasks/${task!.id}/log`;
    expect((await call(t.app, d.s['b-coordinator']!, 'POST', otherId, {})).statusCode).toBe(404);
  });
});
