import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../../db/schema/index.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import {
  assignDirectly,
  type MedicineScene,
  medicineFingerprint,
  medicineScene,
} from './medicine-requests.test-support.ts';

const HOUR = 3_600_000;

describe('medicine requests: asking, triage, the status flow, privacy', () => {
  let t: TestApp;
  let x: MedicineScene;
  const url = (path = '') => `/api/communities/${x.a}/medicine-requests${path}`;
  const ask = (who: Session, body: Record<string, unknown>) =>
    call(t.app, who, 'POST', url(), { quantity: '2盒', payment: 'yes', ...body });
  const move = (who: Session, id: string, body: Record<string, unknown>, lang = 'en') =>
    call(t.app, who, 'POST', url(`/${id}/status`), body, { 'accept-language': lang });
  const get = (who: Session, id: string) => call(t.app, who, 'GET', url(`/${id}`));
  const noticesFor = async (kind: string, id: string) =>
    (
      await t.deps.db
        .select({ accountId: outbox.accountId })
        .from(outbox)
        .where(and(eq(outbox.kind, kind), eq(outbox.link, `/medicine/requests/${id}`)))
    )
      .map((n) => n.accountId)
      .sort();
  const views = async (id: string) =>
    (await t.deps.db.select().from(auditLog).where(eq(auditLog.targetId, id))).filter(
      (e) => e.action === 'medicine.view',
    ).length;

  beforeAll(async () => {
    t = await createTestApp();
    x = await medicineScene(t);
  });
  afterAll(() => t.close());

  it('runs the whole flow from requested to confirmed, with a substitution the household accepts', async () => {
    const created = await ask(x.s.resident!, {
      residentId: x.residents.li.id,
      drugName: '胰岛素',
      strength: '300单位',
      source: '瑞金医院 ',
      supplyDaysLeft: 1,
      chronic: true,
    });
    expect(created.statusCode).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({
      status: 'triaged',
      urgency: 'critical',
      deadlineState: 'ok',
      sourceKey: '瑞金医院',
    });
    expect(r.deadlineAt).toBe(new Date(t.clock.now().getTime() + 12 * HOUR).toISOString());
    expect(r.runsOutAt).toBe(new Date(t.clock.now().getTime() + 24 * HOUR).toISOString());
    // critical: every member of the medicine group hears it, nobody else
    expect(await noticesFor('medicine.new_critical', r.id)).toEqual(
      [x.ids.leader, x.ids.volunteer, x.ids.otherMedicine].sort(),
    );

    const unassigned = await move(x.s.leader!, r.id, { status: 'assigned' });
    expect([unassigned.statusCode, unassigned.json().error.code]).toEqual([409, 'MEDICINE_NOT_ASSIGNED_YET']);
    await assignDirectly(t, x.a, r.id, x.ids.volunteer!);
    expect((await move(x.s.leader!, r.id, { status: 'assigned' })).statusCode).toBe(200);
    const notMine = await move(x.s.otherMedicine!, r.id, { status: 'purchasing' });
    expect([notMine.statusCode, notMine.json().error.code]).toEqual([403, 'MEDICINE_NOT_ASSIGNED_TO_YOU']);
    expect((await move(x.s.volunteer!, r.id, { status: 'purchasing' })).statusCode).toBe(200);
    t.clock.advance(2 * HOUR);
    const delivered = await move(x.s.volunteer!, r.id, {
      status: 'delivered',
      bought: '诺和灵 300单位 ×2',
      costCents: 12_800,
      substitution: '换成诺和灵（原为优泌林）',
      daysSupplied: 30,
    });
    expect(delivered.statusCode).toBe(200);
    expect(await noticesFor('medicine.delivered_substitution', r.id)).toEqual([x.ids.resident]);

    // the group cannot confirm a substitution for the household; the household accepts it
    const early = await move(x.s.leader!, r.id, { status: 'confirmed' });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'MEDICINE_SUBSTITUTION_NOT_CONFIRMED']);
    const seenByLeader = await call(
      t.app,
      x.s.leader!,
      'GET',
      `/api/communities/${x.a}/medicine-requests/${r.id}`,
    );
    expect(seenByLeader.json()).toMatchObject({
      allowedNext: [],
      deadlineState: 'ok',
      matchedCategory: 'insulin',
    });
    const unaccepted = await move(x.s.resident!, r.id, { status: 'confirmed' });
    expect(unaccepted.statusCode).toBe(409);
    const confirmed = await move(x.s.resident!, r.id, { status: 'confirmed', acceptSubstitution: true });
    expect([confirmed.statusCode, confirmed.json().status]).toEqual([200, 'confirmed']);

    const detail = (await get(x.s.resident!, r.id)).json();
    expect(detail).toMatchObject({
      intake: 'app',
      bought: '诺和灵 300单位 ×2',
      costCents: 12_800,
      daysSupplied: 30,
      nextRunsOutAt: new Date(t.clock.now().getTime() + 30 * 24 * HOUR).toISOString(),
      allowedNext: [],
      deadlineState: 'ok',
    });
    expect(detail.substitutionConfirmedAt).not.toBeNull();
    expect(
      detail.events.map((e: { fromStatus: string; toStatus: string }) => `${e.fromStatus}>${e.toStatus}`),
    ).toEqual([
      'requested>triaged',
      'triaged>assigned',
      'assigned>purchasing',
      'purchasing>delivered',
      'delivered>confirmed',
    ]);
  });

  it('refuses skipped and backward steps with 409 naming the allowed ones, in the reader’s language', async () => {
    const { id } = (
      await ask(x.s.volunteer!, { residentId: x.residents.wang.id, drugName: '阿莫西林' })
    ).json();
    const skip = await move(x.s.leader!, id, { status: 'purchasing' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({ code: 'MEDICINE_STATUS_NOT_ALLOWED' });
    expect(skip.json().error.message).toContain('can only be: assigned, cancelled');
    const zh = await move(x.s.leader!, id, { status: 'delivered' }, 'zh-CN');
    expect(zh.json().error.message).toContain('下一步只能是：已分配、已取消');
    await assignDirectly(t, x.a, id, x.ids.volunteer!);
    await move(x.s.leader!, id, { status: 'assigned' });
    const back = await move(x.s.leader!, id, { status: 'triaged' });
    expect(back.json().error.message).toContain(
      'assigned'.length ? 'purchasing, cancelled, unavailable' : '',
    );
  });

  it('needs a reason to cancel or give up, and a refused change writes nothing', async () => {
    const { id } = (
      await ask(x.s.resident!, { residentId: x.residents.zhang.id, drugName: '布洛芬' })
    ).json();
    const before = await medicineFingerprint(t);
    const bare = await move(x.s.resident!, id, { status: 'cancelled' });
    expect([bare.statusCode, bare.json().error.code]).toEqual([400, 'MEDICINE_REASON_REQUIRED']);
    const blank = await move(x.s.resident!, id, { status: 'cancelled', reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(await medicineFingerprint(t)).toBe(before);
    const cancelled = await move(x.s.resident!, id, { status: 'cancelled', reason: '家里找到了' });
    expect([cancelled.statusCode, cancelled.json().status]).toEqual([200, 'cancelled']);
    expect((await get(x.s.resident!, id)).json().statusReason).toBe('家里找到了');
  });

  it('rejects bad input before any write', async () => {
    const before = await medicineFingerprint(t);
    const cases = [
      { residentId: x.residents.li.id, drugName: '' },
      { residentId: x.residents.li.id, drugName: '二甲双胍', supplyDaysLeft: -1 },
      { residentId: x.residents.li.id, drugName: '二甲双胍', payment: 'later' },
      { residentId: 'not-a-uuid', drugName: '二甲双胍' },
    ];
    for (const body of cases) expect((await ask(x.s.resident!, body)).statusCode).toBe(400);
    const unknown = await ask(x.s.leader!, { residentId: crypto.randomUUID(), drugName: '二甲双胍' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'MEDICINE_UNKNOWN_RESIDENT']);
    const other = await ask(x.s.resident!, { residentId: x.residents.lu.id, drugName: '二甲双胍' });
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'MEDICINE_NOT_YOUR_HOUSEHOLD']);
    expect(await medicineFingerprint(t)).toBe(before);
  });

  it('shows a request only to its household, the medicine group and coordinators, and audits each view', async () => {
    const made = await ask(x.s.volunteer!, {
      residentId: x.residents.lu.id,
      drugName: '华法林',
      supplyDaysLeft: 5,
      written: true,
    });
    const { id } = made.json();
    expect(made.statusCode).toBe(201);
    for (const who of ['leader', 'volunteer', 'coordinator', 'staff'] as const) {
      const res = await get(x.s[who]!, id);
      expect([who, res.statusCode]).toEqual([who, 200]);
    }
    expect((await get(x.s.leader!, id)).json()).toMatchObject({ intake: 'written', drugName: '华法林' });
    expect(await views(id)).toBe(5);
    // another household: as if it did not exist; another community: not even the community
    expect((await get(x.s.resident!, id)).statusCode).toBe(404);
    expect((await get(x.s['b-coordinator']!, id)).statusCode).toBe(404);
    // a volunteer of another group, a viewer: not medicine work at all
    expect((await get(x.s.parcelsVolunteer!, id)).statusCode).toBe(403);
    expect((await call(t.app, x.s.parcelsVolunteer!, 'GET', url())).statusCode).toBe(403);
    expect((await get(x.s.viewer!, id)).statusCode).toBe(403);
    expect(await views(id)).toBe(5);
    const mine = (await call(t.app, x.s.resident!, 'GET', url('?status=all'))).json();
    expect(
      mine.requests.every((r: { householdId: string }) => r.householdId === x.registry.households[0]!.id),
    ).toBe(true);
    expect(mine.requests.length).toBeGreaterThan(0);
    const all = (await call(t.app, x.s.volunteer!, 'GET', url())).json();
    expect(all.requests.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('lets a medicine leader override the urgency with a reason, the deadline counted from creation', async () => {
    const { id, createdAt } = (
      await ask(x.s.leader!, { residentId: x.residents.wang.id, drugName: '维生素C', supplyDaysLeft: 20 })
    ).json();
    t.clock.advance(HOUR);
    const triage = (who: Session, body: unknown) => call(t.app, who, 'POST', url(`/${id}/triage`), body);
    expect((await triage(x.s.volunteer!, { urgency: 'critical', reason: '独居' })).statusCode).toBe(403);
    expect((await triage(x.s.leader!, { urgency: 'critical' })).statusCode).toBe(400);
    const res = await triage(x.s.leader!, { urgency: 'critical', reason: '独居老人，家里没人' });
    expect(res.json()).toMatchObject({
      urgency: 'critical',
      deadlineAt: new Date(new Date(createdAt).getTime() + 12 * HOUR).toISOString(),
    });
    const detail = (await get(x.s.leader!, id)).json();
    expect(detail).toMatchObject({ urgencyOverridden: true, urgencyReason: '独居老人，家里没人' });
  });

  it('lets at most one of two simultaneous identical moves through, and keeps the history one chain', async () => {
    const { id } = (
      await ask(x.s.leader!, { residentId: x.residents.zhang.id, drugName: '氨氯地平' })
    ).json();
    await assignDirectly(t, x.a, id, x.ids.volunteer!);
    await move(x.s.leader!, id, { status: 'assigned' });
    const moves = await Promise.all([
      move(x.s.volunteer!, id, { status: 'purchasing' }),
      move(x.s.leader!, id, { status: 'purchasing' }),
      move(x.s.leader!, id, { status: 'cancelled', reason: '重复' }),
    ]);
    const [byVolunteer, byLeader, cancel] = moves.map((r) => r.statusCode);
    // The same step twice: one of them at most, whichever came first (none if the cancellation did;
    // a cancellation after the step is allowed, from purchasing).
    const purchasing = [byVolunteer, byLeader].filter((s) => s === 200).length;
    expect(purchasing).toBeLessThanOrEqual(1);
    if (cancel !== 200) expect(purchasing).toBe(1);
    expect(
      moves.every((r) => r.statusCode === 200 || r.json().error.code === 'MEDICINE_STATUS_NOT_ALLOWED'),
    ).toBe(true);
    // However they interleaved, the history is one unbroken chain: each move starts where the last ended.
    const events: { fromStatus: string | null; toStatus: string }[] = (await get(x.s.leader!, id)).json()
      .events;
    expect(events).toHaveLength(2 + moves.filter((r) => r.statusCode === 200).length);
    for (let i = 1; i < events.length; i++) expect(events[i]!.fromStatus).toBe(events[i - 1]!.toStatus);
  });

  it('offers residents to ask for, vulnerable first, without phones or exact birth years', async () => {
    const path = `/api/communities/${x.a}/medicine-residents`;
    const res = (await call(t.app, x.s.volunteer!, 'GET', `${path}?building=12号楼`)).json();
    expect(res.residents.map((r: { name: string }) => r.name)).toEqual(['陆伯伯', '李芳', '张伟']);
    expect(res.residents[0]).toMatchObject({ room: '101', birthYear: '194*', openRequests: 1 });
    // The fixture's phones start 138; ids are left out, as a random UUID may hold "138" too.
    const shown = res.residents.map(({ residentId, householdId, ...rest }: Record<string, unknown>) => rest);
    expect(JSON.stringify(shown)).not.toMatch(/138|phone|mobile/i);
    expect((await call(t.app, x.s.parcelsVolunteer!, 'GET', path)).statusCode).toBe(403);
    // a resident (or a volunteer asking for themselves, ?mine=1) is offered only their own household
    const own = await call(t.app, x.s.resident!, 'GET', path);
    expect(own.statusCode, own.body).toBe(200);
    expect(
      own
        .json()
        .residents.map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(['张伟', '李芳'].sort());
  });
});

describe('medicine requests: escalation by the clock', () => {
  let t: TestApp;
  let x: MedicineScene;
  beforeAll(async () => {
    t = await createTestApp();
    x = await medicineScene(t);
  });
  afterAll(() => t.close());

  it('pushes the leaders once when near, the coordinators once when overdue, and lists overdue first', async () => {
    const url = `/api/communities/${x.a}/medicine-requests`;
    const made = await call(t.app, x.s.volunteer!, 'POST', url, {
      residentId: x.residents.wang.id,
      drugName: '钙片',
      quantity: '1瓶',
      payment: 'no',
    });
    const { id, urgency } = made.json();
    expect(urgency).toBe('normal');
    const told = async (kind: string) =>
      (
        await t.deps.db
          .select({ accountId: outbox.accountId })
          .from(outbox)
          .where(and(eq(outbox.kind, kind), eq(outbox.link, `/medicine/requests/${id}`)))
      ).map((n) => n.accountId);
    const row = async () =>
      (await call(t.app, x.s.leader!, 'GET', url)).json().requests.find((r: { id: string }) => r.id === id);

    t.clock.advance(53 * HOUR); // 72 h deadline: the last quarter starts at 54 h
    await runBackgroundTasksOnce(t.deps);
    expect(await told('medicine.near')).toEqual([]);
    expect((await row()).deadlineState).toBe('ok');

    t.clock.advance(HOUR);
    await runBackgroundTasksOnce(t.deps);
    await runBackgroundTasksOnce(t.deps);
    expect(await told('medicine.near')).toEqual([x.ids.leader]);
    expect(await row()).toMatchObject({ deadlineState: 'near', escalation: 1 });

    t.clock.advance(18 * HOUR);
    await runBackgroundTasksOnce(t.deps);
    await runBackgroundTasksOnce(t.deps);
    // a fresh critical request (deadline in 12 h) is listed after the overdue one
    await call(t.app, x.s.leader!, 'POST', url, {
      residentId: x.residents.lu.id,
      drugName: 'insulin',
      quantity: '1',
      payment: 'yes',
      supplyDaysLeft: 0,
    });
    expect(await told('medicine.overdue')).toEqual([x.ids.coordinator]);
    expect(await told('medicine.near')).toEqual([x.ids.leader]);
    expect(await row()).toMatchObject({ deadlineState: 'overdue', escalation: 2 });
    const list = (await call(t.app, x.s.leader!, 'GET', url)).json().requests;
    expect(list.map((r: { deadlineState: string }) => r.deadlineState)).toEqual(['overdue', 'ok']);
    expect(list[0].id).toBe(id);
  });
});
