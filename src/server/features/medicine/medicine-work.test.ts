import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import {
  countRows,
  insertRequest,
  type MedicineWorkScene,
  medicineWorkScene,
} from './medicine.test-support.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('medicine work: assignment, trips and the care follow-up', () => {
  let t: TestApp;
  let m: MedicineWorkScene;
  const statusOf = async (id: string) =>
    (
      (await t.deps.db.execute(
        `select status, assigned_to, trip_id from medicine_requests where id = '${id}'` as never,
      )) as unknown as { rows: { status: string; assigned_to: string | null; trip_id: string | null }[] }
    ).rows[0]!;

  beforeAll(async () => {
    t = await createTestApp();
    m = await medicineWorkScene(t);
  });
  afterAll(() => t.close());

  it('lists assignable volunteers: vehicles first, then the least busy', async () => {
    const res = await call(t.app, m.s.leader!, 'GET', m.url('/medicine-assignees'));
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res.json().assignees.map((a: { accountId: string; vehicles: string[] }) => [a.accountId, a.vehicles]),
    ).toEqual([
      [m.ids.leader, ['car']],
      [m.ids.driver, ['ebike']],
      [m.ids.volunteer, []],
    ]);
    for (const who of ['volunteer', 'resident', 'parcelsVolunteer'])
      expect([who, (await call(t.app, m.s[who]!, 'GET', m.url('/medicine-assignees'))).statusCode]).toEqual([
        who,
        403,
      ]);
  });

  it('assigns triaged requests in one go, or none of them', async () => {
    const r1 = await insertRequest(t, m.a, m.residents.lu, { drugName: '胰岛素', urgency: 'critical' });
    const r2 = await insertRequest(t, m.a, m.residents.wang);
    const fresh = await insertRequest(t, m.a, m.residents.li, { status: 'requested', drugName: '华法林' });
    const assign = (who: string, requestIds: string[], assigneeAccountId: string) =>
      call(t.app, m.s[who]!, 'POST', m.url('/medicine-requests/assign'), { requestIds, assigneeAccountId });
    const before = await countRows(t, 'medicine_request_events');

    const outside = await assign('leader', [r1.id, r2.id], m.ids.parcelsVolunteer!);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('MEDICINE_ASSIGNEE_NOT_IN_GROUP');
    expect(outside.json().error.message).toContain('志愿者0');
    const notTriaged = await assign('coordinator', [r1.id, fresh.id], m.ids.driver!);
    expect(notTriaged.statusCode).toBe(409);
    expect(notTriaged.json().error).toMatchObject({ code: 'MEDICINE_REQUEST_NOT_TRIAGED' });
    expect(notTriaged.json().error.message).toContain('12号楼 1203 的“华法林”');
    expect((await assign('volunteer', [r1.id], m.ids.driver!)).statusCode).toBe(403);
    expect((await statusOf(r1.id)).status).toBe('triaged');
    expect(await countRows(t, 'medicine_request_events')).toBe(before);
    expect(await countRows(t, 'outbox', `kind = 'medicine.assigned'`)).toBe(0);

    const ok = await assign('leader', [r1.id, r2.id], m.ids.driver!);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().assignee).toMatchObject({
      accountId: m.ids.driver,
      vehicles: ['ebike'],
      openRequests: 2,
    });
    for (const r of [r1, r2])
      expect(await statusOf(r.id)).toMatchObject({ status: 'assigned', assigned_to: m.ids.driver });
    expect(
      await countRows(t, 'medicine_request_events', `to_status = 'assigned' and from_status = 'triaged'`),
    ).toBe(2);
    expect(await countRows(t, 'audit_log', `action = 'medicine.assign'`)).toBe(2);
    expect(
      await countRows(t, 'outbox', `kind = 'medicine.assigned' and account_id = '${m.ids.driver}'`),
    ).toBe(1);
    // assigned ones cannot be assigned again
    expect((await assign('leader', [r1.id], m.ids.volunteer!)).statusCode).toBe(409);
  });

  it('groups open requests by hospital or pharmacy into trips, for the driver and leaders', async () => {
    await insertRequest(t, m.a, m.residents.li, {
      source: '瑞金医院',
      sourceKey: null,
      drugName: '阿司匹林',
    });
    await insertRequest(t, m.a, m.residents.zhang, {
      source: '瑞金 医院',
      drugName: '二甲双胍',
      quantity: '3盒',
    });
    await insertRequest(t, m.a, m.residents.lu, { source: '老百姓大药房', status: 'purchasing' }); // not open for a trip
    const plan = await call(t.app, m.s.leader!, 'POST', m.url('/medicine-trips/plan'), {
      driverAccountId: m.ids.leader,
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const trips = plan.json().trips as {
      kind: string;
      sourceKey: string | null;
      driver: string;
      requests: { drugName: string; quantity: string; recipient: { buildingCode: string; room: string } }[];
    }[];
    const ruijin = trips.find((x) => x.kind === 'source')!;
    expect(ruijin.requests.map((r) => r.drugName).sort()).toEqual(['二甲双胍', '阿司匹林']);
    expect(ruijin.requests.find((r) => r.drugName === '二甲双胍')).toMatchObject({
      quantity: '3盒',
      recipient: { buildingCode: '12', room: '1203' },
    });
    expect(trips.find((x) => x.kind === 'any')!.requests).toHaveLength(2); // the two assigned ones, no source
    expect(trips).toHaveLength(2);
    expect(trips.every((x) => x.driver === m.ids.leader)).toBe(true);
    expect(await countRows(t, 'medicine_requests', `trip_id is not null`)).toBe(4);
    expect(
      await countRows(t, 'outbox', `kind = 'medicine.trip_driver' and account_id = '${m.ids.leader}'`),
    ).toBe(1);
    expect(await countRows(t, 'audit_log', `action = 'medicine.trips.plan'`)).toBe(1);

    const again = await call(t.app, m.s.coordinator!, 'POST', m.url('/medicine-trips/plan'), {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('MEDICINE_NOTHING_TO_PLAN');

    const seen = await call(t.app, m.s.driver!, 'GET', m.url('/medicine-trips'));
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().trips).toHaveLength(2);
    expect(await countRows(t, 'audit_log', `action = 'medicine.trips.view'`)).toBe(1);
    for (const who of ['resident', 'parcelsVolunteer', 'viewer'])
      expect([who, (await call(t.app, m.s[who]!, 'GET', m.url('/medicine-trips'))).statusCode]).toEqual([
        who,
        403,
      ]);
    expect((await call(t.app, m.s.volunteer!, 'POST', m.url('/medicine-trips/plan'), {})).statusCode).toBe(
      403,
    );
    expect((await call(t.app, m.s['b-coordinator']!, 'GET', m.url('/medicine-trips'))).statusCode).toBe(404);
  });

  it('keeps a care list of vulnerable residents, and reminds the group once before a chronic medicine runs out', async () => {
    const now = t.clock.now();
    const chronic = await insertRequest(t, m.a, m.residents.lu, {
      drugName: '硝苯地平控释片',
      chronic: true,
      status: 'confirmed',
      createdAt: new Date(now.getTime() - 5 * DAY),
      deliveredAt: now,
      daysSupplied: 5,
      nextRunsOutAt: new Date(now.getTime() + 5 * DAY),
    });
    const contact = await call(t.app, m.s.volunteer!, 'POST', m.url('/care-contacts'), {
      residentId: m.residents.li.id,
      kind: 'call',
      note: '电话确认孕检药够用',
    });
    expect(contact.statusCode, contact.body).toBe(201);
    t.clock.advance(HOUR);

    const list = await call(t.app, m.s.leader!, 'GET', m.url('/care-follow-ups?days=7'));
    expect(list.statusCode, list.body).toBe(200);
    const rows = list.json().residents as {
      resident: { name: string };
      lastContact: { kind: string; byName: string | null } | null;
      runningOut: { requestId: string }[];
      openRequests: unknown[];
    }[];
    expect(rows.map((r) => r.resident.name)).toEqual(['陆伯伯', '李芳']); // running out first; flagged residents only
    expect(rows[0]!.runningOut).toEqual([
      expect.objectContaining({ requestId: chronic.id, reminded: false }),
    ]);
    expect(rows[0]!.lastContact?.kind).toBe('delivery');
    expect(rows[1]!.lastContact).toMatchObject({ kind: 'call', byName: 'volunteer 测试' });
    expect(rows[1]!.openRequests).toHaveLength(2); // 华法林 (requested), 阿司匹林 (on a trip)
    expect(await countRows(t, 'audit_log', `action in ('medicine.care.view', 'medicine.care.contact')`)).toBe(
      2,
    );
    for (const who of ['resident', 'parcelsVolunteer'])
      expect([who, (await call(t.app, m.s[who]!, 'GET', m.url('/care-follow-ups'))).statusCode]).toEqual([
        who,
        403,
      ]);
    expect(
      (
        await call(t.app, m.s.resident!, 'POST', m.url('/care-contacts'), {
          residentId: m.residents.lu.id,
          kind: 'visit',
        })
      ).statusCode,
    ).toBe(403);

    const reminders = () => countRows(t, 'outbox', `kind = 'medicine.follow_up'`);
    await runBackgroundTasksOnce(t.deps);
    expect(await reminders()).toBe(0); // five days left: not yet
    t.clock.advance(2 * DAY + HOUR); // now under three days left
    await runBackgroundTasksOnce(t.deps);
    expect(await reminders()).toBe(3); // the medicine group: leader, volunteer, driver0
    await runBackgroundTasksOnce(t.deps);
    expect(await reminders()).toBe(3);
    expect(await countRows(t, 'audit_log', `action = 'medicine.follow_up_reminder'`)).toBe(1);
  });
});
