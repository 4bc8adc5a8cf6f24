import { randomUUID } from 'node:crypto';
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

/** Every registry table plus the testing tables: a refused request must leave them all as they were. */
export async function testingFingerprint(db: Db) {
  const parts = [await databaseFingerprint(db)];
  for (const table of [
    'testing_rounds',
    'testing_round_gates',
    'testing_round_zones',
    'testing_home_visits',
    'testing_samples',
  ]) {
    const result = await db.execute(
      sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`),
    );
    parts.push(`${table}:${(result as unknown as { rows: { h: string }[] }).rows[0]!.h}`);
  }
  return parts.join(',');
}

/**
 * Community A with two gates: the small registry's east gate (zone east: buildings 12 and 2, five
 * residents) and a west gate (zone west: building 7 with 赵奶奶 (mobility impaired), 钱军 and 孙丽
 * (chronic medication)). Sessions: coordinator, staff, resident, b-coordinator, testingLeader (leads
 * the testing group), testingVolunteer, parcelsVolunteer, parcelsLeader (the `leader` role, of the
 * parcels group). A testing shift and a parcels shift.
 */
export async function seedTestingSite(t: TestApp) {
  const s = {} as Record<string, Session>;
  const { a, b } = await seedTwoCommunities(t.deps.db);
  const url = (path: string) => `/api/communities/${a}${path}`;
  const registry = await seedSmallRegistry(t.deps.db, a);
  const [west] = await t.deps.db
    .insert(schema.gates)
    .values({ communityId: a, code: 'west', name: '西门', x: 0, y: 50 })
    .returning();
  const [westZone] = await t.deps.db
    .insert(schema.zones)
    .values({ communityId: a, code: 'west', name: '西区', gateId: west!.id })
    .returning();
  const [b7] = await t.deps.db
    .insert(schema.buildings)
    .values({ communityId: a, code: '7', zoneId: westZone!.id, x: 10, y: 80 })
    .returning();
  const [h7] = await t.deps.db
    .insert(schema.households)
    .values({ communityId: a, buildingId: b7!.id, room: '301', size: 3 })
    .returning();
  const west7 = await t.deps.db
    .insert(schema.residents)
    .values([
      { communityId: a, householdId: h7!.id, name: '赵奶奶', birthYear: 1944, flags: ['mobility_impaired'] },
      { communityId: a, householdId: h7!.id, name: '钱军', birthYear: 1970 },
      { communityId: a, householdId: h7!.id, name: '孙丽', birthYear: 1968, flags: ['chronic_medication'] },
    ])
    .returning();
  const people = Object.fromEntries([...registry.residents, ...west7].map((r) => [r.name, r.id]));

  for (const who of ['coordinator', 'staff', 'resident', 'b-coordinator']) s[who] = await signIn(t.app, who);
  const groups = (await call(t.app, s.coordinator!, 'GET', url('/groups'))).json().items;
  const groupId = (key: string) => groups.find((g: { key: string }) => g.key === key).id as string;
  const testers = await seedGroupVolunteers(t.deps, a, groupId('testing'), 2, 'swab');
  const couriers = await seedGroupVolunteers(t.deps, a, groupId('parcels'), 2, 'crew');
  for (const leader of [testers[0]!, couriers[0]!]) {
    await t.deps.db
      .update(schema.groupMembers)
      .set({ isLeader: true })
      .where(
        and(eq(schema.groupMembers.communityId, a), eq(schema.groupMembers.volunteerId, leader.volunteerId)),
      );
    await t.deps.db
      .insert(schema.memberships)
      .values({ communityId: a, accountId: leader.accountId, role: 'leader' });
  }
  s.testingLeader = testers[0]!.session;
  s.testingVolunteer = testers[1]!.session;
  s.parcelsLeader = couriers[0]!.session;
  s.parcelsVolunteer = couriers[1]!.session;

  const shiftOf = async (key: string) => {
    const [row] = await t.deps.db
      .insert(schema.shifts)
      .values({
        communityId: a,
        groupId: groupId(key),
        startsAt: new Date('2026-04-10T00:00:00Z'),
        endsAt: new Date('2026-04-10T04:00:00Z'),
        signupOpensAt: new Date('2026-04-08T12:00:00Z'),
        signupClosesAt: new Date('2026-04-09T23:00:00Z'),
      })
      .returning();
    return row!.id;
  };
  return {
    a,
    b,
    s,
    url,
    people,
    gates: { east: registry.gate.id, west: west!.id },
    zones: { east: registry.zone.id, west: westZone!.id },
    buildings: { '12': registry.b12.id, '2': registry.b2.id, '7': b7!.id },
    shifts: { testing: await shiftOf('testing'), parcels: await shiftOf('parcels') },
  };
}

/** Samples written straight into the database, as scanning would: one tube, one row per resident. */
export async function insertSamples(
  db: Db,
  communityId: string,
  roundId: string,
  residentIds: string[],
  place: 'lane' | 'home' = 'lane',
  at = new Date('2026-04-10T00:30:00Z'),
) {
  const [tube] = await db
    .insert(schema.testingTubes)
    .values({
      communityId,
      roundId,
      barcode: `T-${randomUUID()}`,
      capacity: 10,
      samples: residentIds.length,
      openedAt: at,
    })
    .returning();
  await db.insert(schema.testingSamples).values(
    residentIds.map((residentId) => ({
      communityId,
      roundId,
      tubeId: tube!.id,
      residentId,
      place,
      sampledAt: at,
    })),
  );
}
