// The committee's known week (committee.test-support.ts) brought to Saturday 2026-04-11 21:00 in
// Shanghai, with what the week leaves out and the street view and the day report need: a round under
// way, volunteers on shift right now, overdue disinfection, unconfirmed relays, the day's events, a
// second compound granted to the street viewer and a third that is not.
import { and, eq } from 'drizzle-orm';
import {
  accounts,
  announcements,
  auditLog,
  communities,
  disinfectionAreas,
  disinfectionTasks,
  groupBuys,
  memberships,
  relayTasks,
  testingRounds,
} from '../../db/schema/index.ts';
import { seedSmallRegistry } from '../../test-support/fixtures.ts';
import { call, type TestApp } from '../../test-support/test-app.ts';
import {
  type CommitteeScene,
  clockTo,
  committeeScene,
  seedKnownWeek,
  url,
} from '../committee/committee.test-support.ts';
import { addShift, setParcelState } from '../parcels/clearance.test-support.ts';
import { insertRound } from '../testing/scanning.test-support.ts';
import { insertSamples } from '../testing/testing-rounds.test-support.ts';

/** Saturday 2026-04-11 21:00 in Shanghai: the default day report time. */
export const REPORT_AT = new Date('2026-04-11T13:00:00Z');
export const REPORT_DAY = '2026-04-11';
const at = (iso: string) => new Date(iso);

async function seedDisinfection(t: TestApp, communityId: string) {
  const [lobby, gate] = await t.deps.db
    .insert(disinfectionAreas)
    .values([
      { communityId, name: '12号楼大堂', kind: 'lobby', createdAt: at('2026-04-01T00:00:00Z') },
      { communityId, name: '东门', kind: 'gate', createdAt: at('2026-04-01T00:00:00Z') },
    ])
    .returning({ id: disinfectionAreas.id });
  const task = (areaId: string, dueAt: string, status = 'due') => ({
    communityId,
    areaId,
    dueAt: at(dueAt),
    status,
    doneAt: status === 'done' ? at(dueAt) : null,
    createdAt: at('2026-04-01T00:00:00Z'),
  });
  await t.deps.db.insert(disinfectionTasks).values([
    task(lobby!.id, '2026-04-11T01:00:00Z'), // today 09:00, overdue at 11:00
    task(lobby!.id, '2026-04-10T01:00:00Z'), // yesterday's, still open: carried and overdue
    task(gate!.id, '2026-04-11T01:00:00Z', 'done'),
    task(gate!.id, '2026-04-11T14:00:00Z'), // tonight 22:00, not due yet
    task(gate!.id, '2026-03-20T01:00:00Z'), // weeks ago: no longer on the list
  ]);
}

async function seedRelays(t: TestApp, x: CommitteeScene) {
  const task = (buildingId: string, sourceId: string, fields: Partial<typeof relayTasks.$inferInsert>) => ({
    communityId: x.a,
    buildingId,
    sourceType: 'announcement',
    sourceId,
    kind: 'relay.announcement',
    params: {},
    createdAt: at('2026-04-11T02:00:00Z'),
    escalateAt: at('2026-04-11T04:00:00Z'),
    ...fields,
  });
  await t.deps.db.insert(relayTasks).values([
    task(x.registry.b12.id, 'n1', {}),
    task(x.registry.b2.id, 'n1', { escalatedAt: at('2026-04-11T04:00:00Z') }),
    task(x.registry.b12.id, 'n2', { confirmedAt: at('2026-04-11T03:00:00Z') }),
    // unconfirmed but made four days ago: the relay list no longer shows it
    task(x.registry.b2.id, 'n0', { createdAt: at('2026-04-07T02:00:00Z') }),
  ]);
}

/** The day's events: a round under way since 09:00, an announcement, rice arrived, a shift called off. */
async function seedDayEvents(t: TestApp, x: CommitteeScene, coordinator = x.s.coordinator!) {
  const people = x.registry.residents.map((r) => r.id);
  const round = await insertRound(t.deps.db, x.a, { gateIds: [x.registry.gate.id], title: '第5轮核酸' });
  await t.deps.db
    .update(testingRounds)
    .set({ startsAt: at('2026-04-11T01:00:00Z'), startedAt: at('2026-04-11T01:00:00Z') })
    .where(eq(testingRounds.id, round));
  await insertSamples(t.deps.db, x.a, round, people.slice(0, 2), 'lane', at('2026-04-11T01:30:00Z'));
  await t.deps.db.insert(announcements).values({
    communityId: x.a,
    title: '周六核酸通知',
    body: '请按叫号下楼。',
    audience: 'all',
    publishedAt: at('2026-04-11T00:30:00Z'),
  });
  await t.deps.db
    .update(groupBuys)
    .set({ status: 'arrived', arrivedAt: at('2026-04-11T04:00:00Z') })
    .where(and(eq(groupBuys.communityId, x.a), eq(groupBuys.title, '大米')));
  const tomorrow = await addShift(
    t.deps.db,
    x.a,
    x.groupId('parcels'),
    '2026-04-12T01:00:00Z',
    '2026-04-12T04:00:00Z',
    [],
  );
  clockTo(t, at('2026-04-11T06:00:00Z'));
  const res = await call(t.app, coordinator, 'POST', url(x.a, `/shifts/${tomorrow}/cancel`), {
    reason: '暴雨',
  });
  if (res.statusCode !== 200) throw new Error(`cancelShift: ${res.statusCode} ${res.body}`);
  // audit_log.at is the database's clock (defaultNow), not the test's manual one: put it on the test's day.
  await t.deps.db
    .update(auditLog)
    .set({ at: t.clock.now() })
    .where(and(eq(auditLog.communityId, x.a), eq(auditLog.action, 'shift.cancel_reason')));
}

/** Two volunteers of the parcels crew checked in to a shift running through 21:00, one checked out. */
async function seedOnShift(t: TestApp, x: CommitteeScene, crew: { volunteerId: string }[]) {
  await addShift(t.deps.db, x.a, x.groupId('parcels'), '2026-04-11T11:00:00Z', '2026-04-11T15:00:00Z', [
    { volunteerId: crew[0]!.volunteerId, checkedInAt: '2026-04-11T11:00:00Z' },
    { volunteerId: crew[1]!.volunteerId, checkedInAt: '2026-04-11T11:05:00Z' },
    {
      volunteerId: crew[2]!.volunteerId,
      checkedInAt: '2026-04-11T11:00:00Z',
      checkedOutAt: '2026-04-11T12:00:00Z',
    },
  ]);
}

/** A compound of its own, with the small registry. */
async function smallCompound(t: TestApp, slug: string, name: string) {
  const [c] = await t.deps.db.insert(communities).values({ slug, name }).returning({ id: communities.id });
  const registry = await seedSmallRegistry(t.deps.db, c!.id);
  return { id: c!.id, registry };
}

export async function streetScene(t: TestApp) {
  const x = await committeeScene(t);
  const week = await seedKnownWeek(t, x);
  await seedOnShift(t, x, week.crew);
  await seedDisinfection(t, x.a);
  await seedRelays(t, x);
  await seedDayEvents(t, x);
  // The street office's viewer is granted A and B; C is another street's.
  await t.deps.db.insert(memberships).values({ communityId: x.b, accountId: x.ids.viewer!, role: 'viewer' });
  const c = await smallCompound(t, 'community-c', '丙小区');
  await t.deps.db
    .update(communities)
    .set({ latitude: 31.2304, longitude: 121.4737, street: '虹桥街道' })
    .where(eq(communities.id, x.a));
  const [outsider] = await t.deps.db.select().from(accounts).where(eq(accounts.username, 'outsider'));
  await t.deps.db
    .insert(memberships)
    .values({ communityId: c.id, accountId: outsider!.id, role: 'coordinator' });
  // B has a registry, two parcels at its gate and one delivered today.
  const bRegistry = await seedSmallRegistry(t.deps.db, x.b);
  const bParcels = await call(t.app, x.s['b-coordinator']!, 'POST', url(x.b, '/parcels'), {
    batch: { buildingId: bRegistry.b2.id, count: 3 },
  });
  if (bParcels.statusCode !== 201) throw new Error(`B parcels: ${bParcels.statusCode} ${bParcels.body}`);
  await setParcelState(t.deps.db, x.b, [bParcels.json().parcels[0].id], {
    status: 'delivered',
    deliveredAt: '2026-04-11T07:00:00Z',
  });
  clockTo(t, REPORT_AT);
  return { ...x, week, c: c.id };
}
export type StreetScene = Awaited<ReturnType<typeof streetScene>>;
