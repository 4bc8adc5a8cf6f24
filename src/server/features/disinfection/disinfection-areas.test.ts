import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { countRows } from '../medicine/medicine.test-support.ts';
import {
  createArea,
  type DisinfectionScene,
  disinfectionScene,
  tasksOf,
} from './disinfection.test-support.ts';

const HOUR = 3_600_000;

describe('disinfection areas', () => {
  let t: TestApp;
  let d: DisinfectionScene;
  const written = async () =>
    [
      await countRows(t, 'disinfection_areas'),
      await countRows(t, 'disinfection_tasks'),
      await countRows(t, 'audit_log'),
    ].join();

  beforeAll(async () => {
    t = await createTestApp();
    d = await disinfectionScene(t);
  });
  afterAll(() => t.close());

  it('are placed at a building, a gate or x/y, and listed building by building with the place resolved', async () => {
    await createArea(t, d, {
      name: '东门',
      kind: 'gate',
      gateId: d.registry.gate.id,
      times: ['08:00', '20:00'],
    });
    await createArea(
      t,
      d,
      { name: '12号楼电梯', kind: 'lift', buildingId: d.registry.b12.id },
      'coordinator',
    );
    await createArea(t, d, { name: '2号楼大堂', kind: 'lobby', buildingId: d.registry.b2.id }, 'staff');
    await createArea(t, d, {
      name: '垃圾房',
      kind: 'rubbish',
      x: 60,
      y: 90,
      schedule: 'weekly',
      weekday: 5,
      times: ['16:00', '10:00', '10:00'],
    });
    const list = (await call(t.app, d.s.member!, 'GET', d.url('/areas'))).json().areas;
    expect(list.map((a: { name: string }) => a.name)).toEqual(['2号楼大堂', '12号楼电梯', '东门', '垃圾房']);
    expect(list[2]).toMatchObject({
      gateName: '东门',
      schedule: 'daily',
      times: ['08:00', '20:00'],
      graceMinutes: 120,
    });
    expect(list[3]).toMatchObject({
      x: 60,
      y: 90,
      schedule: 'weekly',
      weekday: 5,
      times: ['10:00', '16:00'],
    });
    expect(await countRows(t, 'audit_log', `action = 'disinfection.area.create'`)).toBe(4);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await written();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '无名楼', kind: 'lobby', buildingId: randomUUID() }, 'UNKNOWN_BUILDING'],
      [{ name: '无名门', kind: 'gate', gateId: randomUUID() }, 'DISINFECTION_UNKNOWN_GATE'],
      [{ name: '错时', kind: 'lobby', times: ['9:00'] }, 'VALIDATION_FAILED'],
      [{ name: '错时2', kind: 'lobby', times: ['24:00'] }, 'VALIDATION_FAILED'],
      [{ name: '每周', kind: 'rubbish', schedule: 'weekly' }, 'DISINFECTION_WEEKDAY_REQUIRED'],
      [{ name: '无时', kind: 'rubbish', times: [] }, 'DISINFECTION_TIMES_REQUIRED'],
      [{ name: '两处', kind: 'lobby', buildingId: d.registry.b2.id, x: 1, y: 2 }, 'DISINFECTION_ONE_PLACE'],
      [{ name: '半个坐标', kind: 'rubbish', x: 1 }, 'DISINFECTION_ONE_PLACE'],
      [{ name: '东门', kind: 'gate' }, 'DISINFECTION_AREA_NAME_TAKEN'],
      [{ name: '怪', kind: 'pool' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await call(t.app, d.s.leader!, 'POST', d.url('/areas'), body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([
        code === 'DISINFECTION_AREA_NAME_TAKEN' ? 409 : 400,
        code,
      ]);
    }
    expect(await written()).toBe(before);
  });

  it('lets only coordinators, staff and the group’s leaders manage; members, residents and other groups get 403', async () => {
    const body = { name: '新点位', kind: 'other' };
    for (const who of ['member', 'volunteer', 'resident', 'parcelsVolunteer', 'viewer']) {
      expect((await call(t.app, d.s[who]!, 'POST', d.url('/areas'), body)).statusCode, who).toBe(403);
    }
    expect((await call(t.app, d.s.resident!, 'GET', d.url('/areas'))).statusCode).toBe(403);
    expect((await call(t.app, d.s['b-coordinator']!, 'POST', d.url('/areas'), body)).statusCode).toBe(404);
  });

  it('reschedules rounds not yet due on a change, and calls off open rounds when taken out of use', async () => {
    const area = await createArea(t, d, {
      name: '12号楼大堂',
      kind: 'lobby',
      buildingId: d.registry.b12.id,
      times: ['09:00'],
    });
    const ofArea = async (date: string) =>
      (await tasksOf(t, d, `?date=${date}`)).tasks.filter((x) => x.areaName === '12号楼大堂');
    expect((await ofArea('2026-04-10')).map((x) => x.dueAt)).toEqual(['2026-04-10T01:00:00.000Z']);
    t.clock.advance(2 * HOUR); // 10:00 Shanghai: today's 09:00 round is due, not overdue
    const changed = await call(t.app, d.s.leader!, 'PUT', d.url(`/areas/${area.id}`), {
      name: '12号楼大堂',
      kind: 'lobby',
      buildingId: d.registry.b12.id,
      times: ['07:00', '15:00'],
    });
    expect(changed.statusCode).toBe(200);
    // 09:00 today was due already and stays; 07:00 today is past its grace and is not made
    expect((await ofArea('2026-04-09')).map((x) => x.dueAt)).toEqual([
      '2026-04-09T01:00:00.000Z',
      '2026-04-09T07:00:00.000Z',
    ]);
    expect((await ofArea('2026-04-10')).map((x) => x.dueAt)).toEqual([
      '2026-04-09T23:00:00.000Z',
      '2026-04-10T07:00:00.000Z',
    ]);
    const off = await call(t.app, d.s.coordinator!, 'PUT', d.url(`/areas/${area.id}`), {
      name: '12号楼大堂',
      kind: 'lobby',
      buildingId: d.registry.b12.id,
      times: ['07:00', '15:00'],
      active: false,
    });
    expect(off.json()).toMatchObject({ active: false });
    expect((await ofArea('2026-04-09')).map((x) => x.status)).toEqual(['skipped', 'skipped']);
    expect(
      (await call(t.app, d.s.member!, 'GET', d.url('/areas')))
        .json()
        .areas.map((a: { name: string }) => a.name),
    ).not.toContain('12号楼大堂');
    expect(
      (await call(t.app, d.s.member!, 'GET', d.url('/areas?all=1')))
        .json()
        .areas.map((a: { name: string }) => a.name),
    ).toContain('12号楼大堂');
    const [skipped] = await ofArea('2026-04-09');
    const log = await call(t.app, d.s.member!, 'POST', d.url(`/tasks/${skipped!.id}/log`), {});
    expect([log.statusCode, log.json().error.code]).toEqual([409, 'DISINFECTION_TASK_SKIPPED']);
    expect(
      await countRows(
        t,
        'audit_log',
        `action in ('disinfection.area.update', 'disinfection.area.deactivate')`,
      ),
    ).toBe(2);
    const missing = await call(t.app, d.s.leader!, 'PUT', d.url(`/areas/${randomUUID()}`), {
      name: 'x',
      kind: 'other',
    });
    expect(missing.statusCode).toBe(404);
  });
});
