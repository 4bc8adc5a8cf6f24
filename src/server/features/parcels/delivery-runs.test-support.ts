import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import * as schema from '../../db/schema/index.ts';
import {
  databaseFingerprint,
  seedGroupVolunteers,
  seedSmallRegistry,
  seedTwoCommunities,
} from '../../test-support/fixtures.ts';
import { call, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

/** Every table, parcels and runs included: a refused request must leave them all as they were. */
export async function runsFingerprint(db: Db) {
  const parts = [await databaseFingerprint(db)];
  for (const table of ['parcels', 'delivery_runs', 'delivery_run_stops']) {
    const result = await db.execute(
      sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`),
    );
    parts.push(`${table}:${(result as unknown as { rows: { h: string }[] }).rows[0]!.h}`);
  }
  return parts.join(',');
}

/**
 * Community A with six buildings around the east gate (200, 50); the parcels group led by `leader`
 * with riders[0..2] (riders[0] has a tricycle and a bicycle); riders[3] swabs for the testing group.
 * Today's morning parcel shift (08:00–12:00 Shanghai, on at the test clock's start) has riders[0] and
 * riders[1] signed up; an afternoon shift follows. Sessions: coordinator, resident, b-coordinator,
 * leader, crewVolunteer (riders[0]), testing, otherLeader (the `leader` role, of no parcels business).
 */
export async function seedDeliveryCrew(t: TestApp) {
  const s = {} as Record<string, Session>;
  const building: Record<string, string> = {};
  const riders: string[] = [];
  const { a } = await seedTwoCommunities(t.deps.db);
  const url = (path: string) => `/api/communities/${a}${path}`;
  const registry = await seedSmallRegistry(t.deps.db, a);
  const gateId = registry.gate.id;
  building['12'] = registry.b12.id;
  building['2'] = registry.b2.id;
  const more = await t.deps.db
    .insert(schema.buildings)
    .values(
      (
        [
          ['3', 60, 100],
          ['4', 150, 120],
          ['5', 200, 150],
          ['6', 30, 150],
        ] as const
      ).map(([code, x, y]) => ({ communityId: a, code, zoneId: registry.zone.id, x, y })),
    )
    .returning();
  for (const b of more) building[b.code] = b.id;
  for (const who of ['coordinator', 'resident', 'b-coordinator']) s[who] = await signIn(t.app, who);
  const groups = (await call(t.app, s.coordinator!, 'GET', url('/groups'))).json().items;
  const groupId = (key: string) => groups.find((g: { key: string }) => g.key === key).id;
  const crew = await seedGroupVolunteers(t.deps, a, groupId('parcels'), 4, 'crew');
  // crew0 leads the parcels group; crew1..3 ride.
  await t.deps.db
    .update(schema.groupMembers)
    .set({ isLeader: true })
    .where(
      and(eq(schema.groupMembers.communityId, a), eq(schema.groupMembers.volunteerId, crew[0]!.volunteerId)),
    );
  await t.deps.db
    .insert(schema.memberships)
    .values({ communityId: a, accountId: crew[0]!.accountId, role: 'leader' });
  s.leader = crew[0]!.session;
  s.crewVolunteer = crew[1]!.session;
  riders.push(...crew.slice(1).map((c) => c.volunteerId));
  await t.deps.db
    .update(schema.volunteers)
    .set({ vehicles: ['tricycle', 'bicycle'] })
    .where(eq(schema.volunteers.id, riders[0]!));
  s.testing = (await seedGroupVolunteers(t.deps, a, groupId('testing'), 1, 'swab'))[0]!.session;
  const swabber = await t.deps.db
    .select()
    .from(schema.groupMembers)
    .where(eq(schema.groupMembers.groupId, groupId('testing')));
  riders.push(swabber[0]!.volunteerId); // riders[3]: not of the parcels group
  // The morning shift (08:00–12:00 Shanghai) with two riders signed up, and the afternoon one.
  const [morning, afternoon] = await t.deps.db
    .insert(schema.shifts)
    .values(
      [
        ['2026-04-09T00:00:00Z', '2026-04-09T04:00:00Z'],
        ['2026-04-09T04:00:00Z', '2026-04-09T09:00:00Z'],
      ].map(([startsAt, endsAt]) => ({
        communityId: a,
        groupId: groupId('parcels'),
        startsAt: new Date(startsAt!),
        endsAt: new Date(endsAt!),
        signupOpensAt: new Date('2026-04-08T12:00:00Z'),
        signupClosesAt: new Date('2026-04-08T23:00:00Z'),
      })),
    )
    .returning();
  const shiftId = morning!.id;
  await t.deps.db
    .insert(schema.shiftRoles)
    .values({ communityId: a, shiftId, role: '骑车配送', capacity: 2, taken: 2 });
  await t.deps.db.insert(schema.shiftSignups).values(
    riders.slice(0, 2).map((volunteerId) => ({
      communityId: a,
      shiftId,
      role: '骑车配送',
      volunteerId,
      status: 'confirmed',
      createdAt: t.clock.now(),
    })),
  );
  if (!afternoon) throw new Error('the afternoon shift was not written');
  // A leader of no parcels business: the `leader` role, but not of the parcels group.
  s.otherLeader = await signIn(t.app, 'leader');
  return { a, gateId, shiftId, building, s, riders };
}
