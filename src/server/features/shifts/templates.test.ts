import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNotice } from '../../../shared/i18n/notice-messages.ts';
import { outbox, shiftSignups } from '../../db/schema/index.ts';
import { databaseFingerprint, seedGroupVolunteers, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

// The clock starts at 2026-04-09T00:00Z, 08:00 in Shanghai (the community's default zone).
const STORY_ROLES = [
  { role: '分拣', capacity: 1 },
  { role: '骑车配送', capacity: 2 },
];

describe('shift templates, generating shifts and cancelling one', () => {
  let t: TestApp;
  let a: string;
  let coordinator: Session;
  let parcels: string;
  let testing: string;
  let parcelsLeader: Session;
  let testingLeader: Session;
  const url = (path: string) => `/api/communities/${a}${path}`;
  const createTemplate = async (body: Record<string, unknown>, who = coordinator) => {
    const res = await call(t.app, who, 'POST', url('/shift-templates'), { groupId: parcels, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const generate = (templateId: string, body: unknown, who = coordinator) =>
    call(t.app, who, 'POST', url(`/shift-templates/${templateId}/generate`), body);
  /** Tables a template or a generation writes, beside the shared fingerprint. */
  const fingerprint = async () => {
    const counts = await t.deps.db.execute(
      sql`select (select count(*) from shift_templates) as templates, (select count(*) from shifts) as shifts,
        (select count(*) from shift_roles) as roles`,
    );
    return `${await databaseFingerprint(t.deps.db)} ${JSON.stringify((counts as unknown as { rows: unknown[] }).rows)}`;
  };
  /** A volunteer leading one group, made through the API as a coordinator would. */
  const leaderOf = async (groupId: string, prefix: string) => {
    const [v] = await seedGroupVolunteers(t.deps, a, groupId, 1, prefix);
    const res = await call(t.app, coordinator, 'PUT', url(`/volunteers/${v!.volunteerId}/groups`), {
      groups: [{ groupId, leader: true }],
    });
    expect(res.statusCode).toBe(200);
    return v!.session;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await seedTwoCommunities(t.deps.db));
    coordinator = await signIn(t.app, 'coordinator');
    const groups = (await call(t.app, coordinator, 'GET', url('/groups'))).json().items;
    parcels = groups.find((g: { key: string }) => g.key === 'parcels').id;
    testing = groups.find((g: { key: string }) => g.key === 'testing').id;
    parcelsLeader = await leaderOf(parcels, 'parcels-lead');
    testingLeader = await leaderOf(testing, 'testing-lead');
  });
  afterAll(() => t.close());

  it('generates the story’s three parcel shifts a day for a week, on Shanghai time, once', async () => {
    const made = [];
    for (const [startTime, endTime] of [
      ['08:00', '12:00'],
      ['12:00', '17:00'],
      ['17:00', '21:00'],
    ]) {
      made.push(await createTemplate({ startTime, endTime, roles: STORY_ROLES, opensAt: '20:00' }));
    }
    expect(made[0]).toMatchObject({
      groupKey: 'parcels',
      startTime: '08:00',
      roles: STORY_ROLES,
      opensDaysBefore: 1,
      closesMinutesBefore: 60,
      mode: 'first_come',
    });
    const week = { from: '2026-04-13', to: '2026-04-19' };
    const results = [];
    for (const template of made) results.push((await generate(template.id, week)).json());
    expect(results.map((r) => [r.created, r.skipped])).toEqual([
      [7, 0],
      [7, 0],
      [7, 0],
    ]);
    const monday = results[0].shifts[0];
    expect(monday).toMatchObject({
      startsAt: '2026-04-13T00:00:00.000Z', // 08:00 in Shanghai
      endsAt: '2026-04-13T04:00:00.000Z',
      signupOpensAt: '2026-04-12T12:00:00.000Z', // 20:00 the evening before
      signupClosesAt: '2026-04-12T23:00:00.000Z', // an hour before the start
      status: 'open',
      roles: [
        { role: '分拣', capacity: 1, taken: 0, waiting: 0 },
        { role: '骑车配送', capacity: 2, taken: 0, waiting: 0 },
      ],
    });
    expect(results[2].shifts[6]).toMatchObject({
      startsAt: '2026-04-19T09:00:00.000Z',
      endsAt: '2026-04-19T13:00:00.000Z',
    });
    const listed = await call(
      t.app,
      coordinator,
      'GET',
      url(`/shifts?from=2026-04-12T16:00:00Z&to=2026-04-19T15:59:59Z&limit=500`),
    );
    expect(listed.json().items).toHaveLength(21);

    const before = await fingerprint();
    const again = await generate(made[0].id, week);
    expect(again.json()).toMatchObject({ created: 0, skipped: 7, past: 0, shifts: [] });
    expect(await fingerprint()).toBe(before);
    // Overlapping ranges add only the new days; days already started are not made.
    const wider = (await generate(made[0].id, { from: '2026-04-08', to: '2026-04-14' })).json();
    expect([wider.created, wider.skipped, wider.past]).toEqual([3, 2, 2]);

    const log = (await call(t.app, coordinator, 'GET', url('/audit?action=shift_template.generate'))).json();
    expect(log.items.map((e: { summary: string }) => e.summary)).toContain(
      '按模板“快递组 08:00–12:00”生成 2026-04-13 至 2026-04-19 的班次 7 个',
    );
  });

  it('lets a group’s leader plan its shifts, and no one else’s', async () => {
    const mine = await createTemplate(
      { startTime: '21:00', endTime: '06:00', roles: [{ role: '值夜', capacity: 2 }] },
      parcelsLeader,
    );
    const night = (await generate(mine.id, { from: '2026-04-20', to: '2026-04-20' }, parcelsLeader)).json();
    expect(night.shifts[0]).toMatchObject({
      startsAt: '2026-04-20T13:00:00.000Z',
      endsAt: '2026-04-20T22:00:00.000Z', // 06:00 the next morning
    });

    const before = await fingerprint();
    const body = { groupId: parcels, startTime: '08:00', endTime: '12:00', roles: STORY_ROLES };
    const refusals = [
      await call(t.app, testingLeader, 'POST', url('/shift-templates'), body),
      await generate(mine.id, { from: '2026-04-21', to: '2026-04-21' }, testingLeader),
      await call(t.app, testingLeader, 'DELETE', url(`/shift-templates/${mine.id}`)),
      await call(t.app, await signIn(t.app, 'volunteer'), 'POST', url('/shift-templates'), body),
    ];
    expect(refusals.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [403, 'FORBIDDEN'],
      [403, 'FORBIDDEN'],
      [403, 'FORBIDDEN'],
      [403, 'FORBIDDEN'],
    ]);
    // Another community's coordinator learns nothing of this one.
    const other = await signIn(t.app, 'b-coordinator');
    expect((await call(t.app, other, 'GET', url('/shift-templates'))).statusCode).toBe(404);
    expect(await fingerprint()).toBe(before);

    // The testing leader may plan for testing, and sees the parcels templates without changing them.
    await createTemplate(
      { groupId: testing, startTime: '07:00', endTime: '11:00', roles: [{ role: '扫码', capacity: 2 }] },
      testingLeader,
    );
    const listed = (
      await call(t.app, testingLeader, 'GET', url(`/shift-templates?groupId=${parcels}`))
    ).json();
    expect(listed.items.every((x: { groupId: string }) => x.groupId === parcels)).toBe(true);
  });

  it('refuses bad templates and ranges with field paths in the caller’s language, writing nothing', async () => {
    const template = await createTemplate({ startTime: '12:00', endTime: '13:00', roles: STORY_ROLES });
    const before = await fingerprint();
    const bad = async (path: string, body: unknown, lang = 'zh-CN') => {
      const res = await call(t.app, coordinator, 'POST', url(path), body, { 'accept-language': lang });
      expect(res.statusCode).toBe(400);
      return res.json().error.details as { path: string; message: string }[];
    };
    const base = { groupId: parcels, startTime: '08:00', endTime: '12:00', roles: STORY_ROLES };
    expect(await bad('/shift-templates', { ...base, startTime: '25:00' })).toEqual([
      { path: 'body.startTime', message: '请按“时:分”填写时间，如 08:00' },
    ]);
    expect(await bad('/shift-templates', { ...base, endTime: '8:00' }, 'en')).toEqual([
      { path: 'body.endTime', message: 'a time as HH:MM, e.g. 08:00' },
    ]);
    const twice = [
      { role: '分拣', capacity: 1 },
      { role: '分拣', capacity: 2 },
    ];
    expect(await bad('/shift-templates', { ...base, roles: twice })).toEqual([
      { path: 'body.roles.1.role', message: '岗位名称不能重复' },
    ]);
    const tooMany = await bad('/shift-templates', { ...base, roles: [{ role: '分拣', capacity: 501 }] });
    expect(tooMany.map((d) => d.path)).toEqual(['body.roles.0.capacity']);
    // Opening at 20:00 on the day of an 08:00 shift would open after it closed.
    expect(await bad('/shift-templates', { ...base, opensDaysBefore: 0 }, 'en')).toEqual([
      { path: 'body.opensAt', message: 'sign-up must open before it closes' },
    ]);
    const generatePath = `/shift-templates/${template.id}/generate`;
    expect(await bad(generatePath, { from: '2026-04-20', to: '2026-04-19' })).toEqual([
      { path: 'body.to', message: '结束日期不能早于开始日期' },
    ]);
    expect(await bad(generatePath, { from: '2026-04-01', to: '2026-06-02' }, 'en')).toEqual([
      { path: 'body.to', message: 'at most 62 days at a time' },
    ]);
    expect((await bad(generatePath, { from: '2026-02-30', to: '2026-03-01' })).map((d) => d.path)).toEqual([
      'body.from',
    ]);
    expect(await fingerprint()).toBe(before);

    // Archived: gone from the list, and it makes no more shifts.
    expect(
      (await call(t.app, coordinator, 'DELETE', url(`/shift-templates/${template.id}`))).statusCode,
    ).toBe(204);
    const listed = (await call(t.app, coordinator, 'GET', url('/shift-templates'))).json().items;
    expect(listed.map((x: { id: string }) => x.id)).not.toContain(template.id);
    const late = await generate(template.id, { from: '2026-04-20', to: '2026-04-20' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'TEMPLATE_ARCHIVED']);
  });

  it('cancels a shift: every sign-up and waitlist place, each volunteer told, no sign-up after', async () => {
    // Opens three days before, so sign-up is open now for tomorrow's shift.
    const template = await createTemplate({
      startTime: '14:00',
      endTime: '18:00',
      roles: [{ role: 'volunteer', capacity: 2 }],
      opensDaysBefore: 3,
    });
    const [shift] = (await generate(template.id, { from: '2026-04-10', to: '2026-04-10' })).json().shifts;
    const crowd = await seedGroupVolunteers(t.deps, a, parcels, 4, 'cancel-crowd');
    const signUp = (i: number, body = {}) =>
      call(t.app, crowd[i]!.session, 'POST', url(`/shifts/${shift.id}/signups`), body);
    expect((await signUp(0)).statusCode).toBe(201);
    expect((await signUp(1)).statusCode).toBe(201);
    expect((await signUp(2, { waitlist: true })).json().status).toBe('waitlisted');

    const res = await call(t.app, coordinator, 'POST', url(`/shifts/${shift.id}/cancel`), {
      reason: '暴雨',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      told: 3,
      shift: { status: 'cancelled', roles: [{ role: 'volunteer', capacity: 2, taken: 0, waiting: 0 }] },
    });
    const signups = await t.deps.db
      .select({ status: shiftSignups.status })
      .from(shiftSignups)
      .where(eq(shiftSignups.shiftId, shift.id));
    expect(signups.map((s) => s.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const notices = await t.deps.db
      .select({ accountId: outbox.accountId, params: outbox.params })
      .from(outbox)
      .where(and(eq(outbox.communityId, a), eq(outbox.kind, 'shift.cancelled_reason')));
    expect(notices.map((n) => n.accountId).sort()).toEqual(
      crowd
        .slice(0, 3)
        .map((c) => c.accountId)
        .sort(),
    );
    expect(notices[0]!.params).toMatchObject({ title: '快递组', startsAt: shift.startsAt, reason: '暴雨' });
    const told = renderNotice(
      'zh-CN',
      'shift.cancelled_reason',
      notices[0]!.params as Record<string, string>,
    );
    expect(told.body).toContain('原因：暴雨');

    const late = await signUp(3);
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'SHIFT_CANCELLED']);
    const twice = await call(t.app, coordinator, 'POST', url(`/shifts/${shift.id}/cancel`));
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'SHIFT_CANCELLED']);
    const mine = (await call(t.app, crowd[0]!.session, 'GET', url('/my/signups'))).json().items;
    expect(mine).toEqual([]);
    const log = (await call(t.app, coordinator, 'GET', url('/audit?action=shift.cancel_reason'))).json();
    expect(log.items[0].summary).toBe('取消班次“快递组”（暴雨），通知了 3 位志愿者');
    // Only the group's managers may call a shift off.
    const refused = await call(t.app, testingLeader, 'POST', url(`/shifts/${shift.id}/cancel`), {});
    expect(refused.statusCode).toBe(403);
  });

  it('takes createShift with the issue’s fields: group, role, times, capacity, window and mode', async () => {
    const res = await call(t.app, coordinator, 'POST', url('/shifts'), {
      groupId: parcels,
      role: '分拣',
      startsAt: '2026-04-25T00:00:00Z',
      endsAt: '2026-04-25T04:00:00Z',
      capacity: 3,
      signupOpensAt: '2026-04-24T12:00:00Z',
      signupClosesAt: '2026-04-24T23:00:00Z',
      mode: 'draw',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mode: 'draw', roles: [{ role: '分拣', capacity: 3, taken: 0 }] });
  });
});
