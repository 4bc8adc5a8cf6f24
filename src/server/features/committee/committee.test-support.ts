// A known week (Mon 2026-04-06 … Sun 04-12, Shanghai) for the committee's figures: parcels, testing
// rounds, medicine requests, group buys and shifts, with some of each just before and after the week.
// The rows are written as the features would leave them (their own test helpers where they have them).
import { eq } from 'drizzle-orm';
import { groupBuyOrders, groupBuys, testingRounds } from '../../db/schema/index.ts';
import { seedGroupVolunteers, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import { insertRequest } from '../medicine/medicine.test-support.ts';
import { addShift, setParcelState } from '../parcels/clearance.test-support.ts';
import { insertRound } from '../testing/scanning.test-support.ts';
import { insertSamples } from '../testing/testing-rounds.test-support.ts';

export const WEEK = { start: '2026-04-06', end: '2026-04-12' };
/** Sunday 23:59 in Shanghai, the last minute of the week */
export const WEEK_LAST_MINUTE = new Date('2026-04-12T15:59:00Z');
/** Monday 19:00 in Shanghai: the meeting that looks back on the week */
export const MEETING_AT = new Date('2026-04-13T11:00:00Z');

export const url = (communityId: string, path: string) => `/api/communities/${communityId}${path}`;

/** Moves the manual clock (which only goes forward) to an instant. */
export function clockTo(t: TestApp, at: Date) {
  const ms = at.getTime() - t.clock.now().getTime();
  if (ms < 0) throw new Error(`the clock is past ${at.toISOString()} already`);
  t.clock.advance(ms);
}

/** Community A, its registry, sessions by role and group ids by key. */
export async function committeeScene(t: TestApp) {
  const { a, b, ids } = await seedTwoCommunities(t.deps.db);
  const registry = await seedSmallRegistry(t.deps.db, a);
  const s: Record<string, Session> = {};
  for (const who of ['coordinator', 'staff', 'leader', 'volunteer', 'resident', 'viewer', 'b-coordinator']) {
    s[who] = await signIn(t.app, who);
  }
  const groups = (await call(t.app, s.coordinator!, 'GET', url(a, '/groups'))).json().items;
  const groupId = (key: string) => groups.find((g: { key: string }) => g.key === key).id as string;
  return { a, b, ids, s, registry, groupId };
}
export type CommitteeScene = Awaited<ReturnType<typeof committeeScene>>;

const at = (iso: string) => new Date(iso);

/** Parcels: 6 received in the week (clock at Thu 04-09 08:00), 2 the week before. */
async function seedParcels(t: TestApp, x: CommitteeScene, crew: Session) {
  const receive = async (count: number): Promise<string[]> => {
    const res = await call(t.app, crew, 'POST', url(x.a, '/parcels'), {
      batch: { buildingId: x.registry.b12.id, count },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().parcels.map((p: { id: string }) => p.id);
  };
  const before = await receive(2);
  await setParcelState(t.deps.db, x.a, before, { day: '2026-04-03', receivedAt: '2026-04-03T02:00:00Z' });
  await setParcelState(t.deps.db, x.a, [before[0]!], {
    status: 'delivered',
    deliveredAt: '2026-04-03T05:00:00Z',
  });
  await setParcelState(t.deps.db, x.a, [before[1]!], {
    status: 'delivered',
    deliveredAt: '2026-04-06T03:00:00Z',
  });
  const week = await receive(6);
  await setParcelState(t.deps.db, x.a, [week[0]!], {
    status: 'picked_up',
    deliveredAt: '2026-04-09T01:00:00Z',
    pickedUpAt: '2026-04-10T02:00:00Z',
  });
  await setParcelState(t.deps.db, x.a, [week[1]!], {
    status: 'delivered',
    deliveredAt: '2026-04-11T03:00:00Z',
  });
  await setParcelState(t.deps.db, x.a, [week[2]!], { status: 'on_run' });
  return { week };
}

/** Rounds: one finished in the week (3 sampled), one still a draft in it, one finished the week before (5). */
async function seedRounds(t: TestApp, x: CommitteeScene) {
  const people = x.registry.residents.map((r) => r.id);
  const gateIds = [x.registry.gate.id];
  const run = await insertRound(t.deps.db, x.a, { gateIds, status: 'finished', title: '第3轮核酸' });
  await insertSamples(t.deps.db, x.a, run, people.slice(0, 3), 'lane', at('2026-04-09T01:00:00Z'));
  const draft = await insertRound(t.deps.db, x.a, { gateIds, status: 'draft', title: '第4轮核酸' });
  const earlier = await insertRound(t.deps.db, x.a, { gateIds, status: 'finished', title: '第2轮核酸' });
  await insertSamples(t.deps.db, x.a, earlier, people, 'lane', at('2026-04-02T01:00:00Z'));
  await t.deps.db
    .update(testingRounds)
    .set({ startsAt: at('2026-04-11T00:00:00Z') })
    .where(eq(testingRounds.id, draft));
  await t.deps.db
    .update(testingRounds)
    .set({ startsAt: at('2026-04-02T00:00:00Z') })
    .where(eq(testingRounds.id, earlier));
}

/** Medicine: 5 requests made in the week (1 critical, 1 high, 3 normal), 3 handed over in it, 2 late. */
async function seedMedicine(t: TestApp, x: CommitteeScene) {
  const [zhang, li, lu, wang] = x.registry.residents;
  const request = (who: typeof zhang, fields: Parameters<typeof insertRequest>[3]) =>
    insertRequest(t, x.a, { id: who!.id, householdId: who!.householdId }, fields);
  // in time
  await request(lu, {
    urgency: 'critical',
    createdAt: at('2026-04-07T02:00:00Z'),
    deadlineAt: at('2026-04-07T14:00:00Z'),
    status: 'delivered',
    deliveredAt: at('2026-04-07T10:00:00Z'),
  });
  // delivered late: overdue
  await request(li, {
    urgency: 'high',
    createdAt: at('2026-04-08T02:00:00Z'),
    deadlineAt: at('2026-04-09T02:00:00Z'),
    status: 'confirmed',
    deliveredAt: at('2026-04-09T06:00:00Z'),
    confirmedAt: at('2026-04-09T08:00:00Z'),
  });
  // still not bought, past its deadline: overdue
  await request(wang, { createdAt: at('2026-04-10T02:00:00Z'), deadlineAt: at('2026-04-11T02:00:00Z') });
  // due after the meeting
  await request(zhang, { createdAt: at('2026-04-11T02:00:00Z'), deadlineAt: at('2026-04-14T02:00:00Z') });
  // cancelled after its deadline: no longer needed, not overdue
  await request(zhang, {
    createdAt: at('2026-04-08T00:00:00Z'),
    deadlineAt: at('2026-04-08T06:00:00Z'),
    status: 'cancelled',
    updatedAt: at('2026-04-09T00:00:00Z'),
  });
  // asked the week before, handed over in the week
  await request(lu, {
    createdAt: at('2026-04-01T02:00:00Z'),
    deadlineAt: at('2026-04-06T02:00:00Z'),
    status: 'delivered',
    deliveredAt: at('2026-04-06T05:00:00Z'),
  });
}

/** Group buys: allocated (2 orders, 1 withdrawn), failed (1), still open (1); one done the week before. */
async function seedGroupBuys(t: TestApp, x: CommitteeScene) {
  const [h1, h2, h3] = x.registry.households;
  const campaign = async (
    title: string,
    status: string,
    opensAt: string,
    closesAt: string,
    closedAt?: string,
  ) => {
    const [row] = await t.deps.db
      .insert(groupBuys)
      .values({
        communityId: x.a,
        title,
        supplierName: '五常米业',
        opensAt: at(opensAt),
        closesAt: at(closesAt),
        status,
        closedAt: closedAt ? at(closedAt) : null,
        createdAt: at(opensAt),
      })
      .returning({ id: groupBuys.id });
    return row!.id;
  };
  const orders = (groupBuyId: string, rows: [string, 'active' | 'withdrawn'][]) =>
    t.deps.db.insert(groupBuyOrders).values(
      rows.map(([householdId, status]) => ({
        communityId: x.a,
        groupBuyId,
        householdId,
        status,
        createdAt: at('2026-04-06T03:00:00Z'),
        updatedAt: at('2026-04-06T03:00:00Z'),
      })),
    );
  const rice = await campaign(
    '大米',
    'allocated',
    '2026-04-06T02:00:00Z',
    '2026-04-08T02:00:00Z',
    '2026-04-08T02:00:00Z',
  );
  await orders(rice, [
    [h1!.id, 'active'],
    [h2!.id, 'active'],
    [h3!.id, 'withdrawn'],
  ]);
  const milk = await campaign(
    '牛奶',
    'failed',
    '2026-04-09T00:00:00Z',
    '2026-04-10T02:00:00Z',
    '2026-04-10T02:00:00Z',
  );
  await orders(milk, [[h1!.id, 'active']]);
  const veg = await campaign('蔬菜箱', 'open', '2026-04-11T00:00:00Z', '2026-04-16T00:00:00Z');
  await orders(veg, [[h3!.id, 'active']]);
  const oil = await campaign(
    '食用油',
    'done',
    '2026-03-28T00:00:00Z',
    '2026-03-30T00:00:00Z',
    '2026-03-30T00:00:00Z',
  );
  await orders(oil, [[h2!.id, 'active']]);
  return { inWeek: [rice, milk, veg] };
}

/** Shifts in the week: parcels (3 h + 2.5 h worked, one no-show) and testing (2 h, one never came in). */
async function seedShifts(
  t: TestApp,
  x: CommitteeScene,
  crew: { volunteerId: string }[],
  testers: { volunteerId: string }[],
) {
  await addShift(t.deps.db, x.a, x.groupId('parcels'), '2026-04-09T01:00:00Z', '2026-04-09T04:00:00Z', [
    {
      volunteerId: crew[0]!.volunteerId,
      checkedInAt: '2026-04-09T01:00:00Z',
      checkedOutAt: '2026-04-09T04:00:00Z',
    },
    { volunteerId: crew[1]!.volunteerId, checkedInAt: '2026-04-09T01:30:00Z' },
    { volunteerId: crew[2]!.volunteerId, noShow: true },
  ]);
  await addShift(t.deps.db, x.a, x.groupId('testing'), '2026-04-11T00:00:00Z', '2026-04-11T02:00:00Z', [
    {
      volunteerId: testers[0]!.volunteerId,
      checkedInAt: '2026-04-11T00:00:00Z',
      checkedOutAt: '2026-04-11T02:00:00Z',
    },
    { volunteerId: testers[1]!.volunteerId },
  ]);
}

/** The whole week, written while the clock reads Thursday 04-09 08:00 (the parcels' arrival). */
export async function seedKnownWeek(t: TestApp, x: CommitteeScene) {
  const crew = await seedGroupVolunteers(t.deps, x.a, x.groupId('parcels'), 3, 'crew');
  const testers = await seedGroupVolunteers(t.deps, x.a, x.groupId('testing'), 2, 'swab');
  const parcels = await seedParcels(t, x, crew[0]!.session);
  await seedRounds(t, x);
  await seedMedicine(t, x);
  const groupBuyIds = await seedGroupBuys(t, x);
  await seedShifts(t, x, crew, testers);
  return { crew, testers, parcels, groupBuyIds };
}
