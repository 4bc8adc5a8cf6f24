// The relays tests' scene: two buildings with relay contacts who can sign in, neighbours with and
// without accounts, a publicity group (leader and member), and someone from another group.
import { and, eq } from 'drizzle-orm';
import type { RelaySource } from '../../../shared/api/relay-tasks.ts';
import {
  accounts,
  buildings,
  groupMembers,
  memberships,
  relayTasks,
  residents,
  volunteerGroups,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { queueRelayTasks } from '../../platform/relay-tasks.ts';
import { createSession } from '../../platform/sessions.ts';
import { seedGroupVolunteers, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import type { Session, TestApp } from '../../test-support/test-app.ts';

async function sessionFor(deps: AppDeps, accountId: string): Promise<Session> {
  const { token, csrfToken } = await createSession(deps, accountId, '127.0.0.1', 'test');
  return { cookie: `linli_session=${token}`, csrf: csrfToken };
}

/**
 * Community A (seedSmallRegistry): building 12 with 12-1203 (张伟 = `resident`, 李芳 = `relay12`, the
 * building's relay contact) and 12-101 (陆伯伯 = `lu`); building 2 with 2-502 (王强 = `relay2`, its relay
 * contact; 王小明 without an account). The publicity group: `pubLeader` and `pubMember`; `parcels` is a
 * volunteer of another group. Sessions for every role of A and for `b-coordinator`.
 */
export async function relayScene(t: TestApp) {
  const db = t.deps.db;
  const { a, b, ids } = await seedTwoCommunities(db);
  const registry = await seedSmallRegistry(db, a, ids.resident);
  const person = (name: string) => registry.residents.find((r) => r.name === name)!;
  for (const [username, name] of [
    ['relay12', '李芳'],
    ['relay2', '王强'],
    ['lu', '陆伯伯'],
  ] as const) {
    const [row] = await db
      .insert(accounts)
      .values({ username, displayName: name, passwordHash: 'not-a-real-hash' })
      .returning({ id: accounts.id });
    ids[username] = row!.id;
    await db.insert(memberships).values({ communityId: a, accountId: row!.id, role: 'resident' });
    await db
      .update(residents)
      .set({ accountId: row!.id })
      .where(eq(residents.id, person(name).id));
  }
  await db
    .update(buildings)
    .set({ relayResidentId: person('李芳').id })
    .where(eq(buildings.id, registry.b12.id));
  await db
    .update(buildings)
    .set({ relayResidentId: person('王强').id })
    .where(eq(buildings.id, registry.b2.id));

  const groups = await db.select().from(volunteerGroups).where(eq(volunteerGroups.communityId, a));
  const groupId = (key: string) => groups.find((g) => g.key === key)!.id;
  const [pubLeader, pubMember] = await seedGroupVolunteers(t.deps, a, groupId('publicity'), 2, 'pub');
  const [parcels] = await seedGroupVolunteers(t.deps, a, groupId('parcels'), 1, 'pv');
  await db
    .update(groupMembers)
    .set({ isLeader: true })
    .where(and(eq(groupMembers.communityId, a), eq(groupMembers.volunteerId, pubLeader!.volunteerId)));
  await db.insert(memberships).values({ communityId: a, accountId: pubLeader!.accountId, role: 'leader' });
  ids.pubLeader = pubLeader!.accountId;
  ids.pubMember = pubMember!.accountId;
  ids.parcels = parcels!.accountId;

  const s: Record<string, Session> = {
    pubLeader: pubLeader!.session,
    pubMember: pubMember!.session,
    parcels: parcels!.session,
  };
  for (const who of [
    'coordinator',
    'staff',
    'resident',
    'viewer',
    'b-coordinator',
    'relay12',
    'relay2',
    'lu',
  ])
    s[who] = await sessionFor(t.deps, ids[who]!);
  return { a, b, b12: registry.b12.id, b2: registry.b2.id, ids, s };
}
export type RelayScene = Awaited<ReturnType<typeof relayScene>>;

/** Asks the relay contacts of some buildings to pass something on, as the features do, at the clock's now. */
export async function askRelay(
  t: TestApp,
  communityId: string,
  source: RelaySource,
  sourceId: string,
  buildingIds: string[],
  kind = 'testing.call_relay',
  params: Record<string, string | number> = { round: '第一轮全员核酸', building: '12', gate: '东门' },
  critical = false,
) {
  return t.deps.db.transaction((tx) =>
    queueRelayTasks(
      tx,
      { communityId, sourceType: source, sourceId, buildingIds, kind, params, critical },
      t.clock.now(),
    ),
  );
}

/** The relay_tasks rows, for proving a refusal changed nothing. */
export async function relayFingerprint(t: TestApp) {
  const rows = await t.deps.db.select().from(relayTasks).orderBy(relayTasks.id);
  return JSON.stringify(rows);
}
