// Test helpers for riding runs: a run as confirmDeliveryRuns leaves it, written directly, so these tests
// do not depend on the planner; and a fingerprint of the parcel tables to prove a refusal wrote nothing.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  buildings,
  deliveryRunStops,
  deliveryRuns,
  groupMembers,
  memberships,
  parcels,
  residents,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { createSession } from '../../platform/sessions.ts';
import {
  databaseFingerprint,
  seedGroupVolunteers,
  seedSmallRegistry,
  seedTwoCommunities,
} from '../../test-support/fixtures.ts';
import { call, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

export interface RunSpec {
  communityId: string;
  riderVolunteerId: string | null;
  gateId?: string | null;
  status?: 'planned' | 'confirmed';
  /** in riding order; each stop's parcels go on the run (status on_run) unless the run is only planned */
  stops: { buildingId: string; parcelIds: string[] }[];
  createdAt?: Date;
}

/** A delivery run with its stops (seq from 1, as the planner numbers them) and its parcels attached. */
export async function seedRun(db: Db, spec: RunSpec) {
  const id = randomUUID();
  const status = spec.status ?? 'confirmed';
  const load = spec.stops.reduce((sum, s) => sum + s.parcelIds.length, 0);
  await db.insert(deliveryRuns).values({
    communityId: spec.communityId,
    id,
    planId: randomUUID(),
    seq: 1,
    gateId: spec.gateId ?? null,
    vehicle: 'tricycle',
    capacity: 80,
    riderId: spec.riderVolunteerId,
    status,
    load,
    distanceM: 400,
    estimatedSeconds: 900,
    createdAt: spec.createdAt ?? new Date('2026-04-09T00:00:00Z'),
  });
  await db.insert(deliveryRunStops).values(
    spec.stops.map((s, i) => ({
      communityId: spec.communityId,
      runId: id,
      seq: i + 1,
      buildingId: s.buildingId,
      parcels: s.parcelIds.length,
    })),
  );
  const ids = spec.stops.flatMap((s) => s.parcelIds);
  if (status === 'confirmed' && ids.length > 0) {
    await db
      .update(parcels)
      .set({ status: 'on_run', runId: id })
      .where(and(eq(parcels.communityId, spec.communityId), inArray(parcels.id, ids)));
  }
  return id;
}

/** Makes an account a leader of the parcels group: a volunteer row, the group, the `leader` role. */
export async function makeParcelsLeader(db: Db, communityId: string, groupId: string, accountId: string) {
  const [volunteer] = await db
    .insert(volunteers)
    .values({ communityId, accountId, status: 'approved' })
    .onConflictDoNothing()
    .returning({ id: volunteers.id });
  const volunteerId =
    volunteer?.id ??
    (
      await db
        .select({ id: volunteers.id })
        .from(volunteers)
        .where(and(eq(volunteers.communityId, communityId), eq(volunteers.accountId, accountId)))
    )[0]!.id;
  await db.insert(groupMembers).values({ communityId, groupId, volunteerId, isLeader: true });
  await db.insert(memberships).values({ communityId, accountId, role: 'leader' }).onConflictDoNothing();
  return volunteerId;
}

/** Every table the riding and pickup use cases write, on top of the registry's fingerprint. */
export async function rideFingerprint(db: Db): Promise<string> {
  const parts: string[] = [await databaseFingerprint(db)];
  for (const table of ['parcels', 'delivery_runs', 'delivery_run_stops', 'outbox']) {
    const result = await db.execute(
      sql.raw(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h, count(*)::int as n from ${table} t`,
      ),
    );
    const row = (result as unknown as { rows: { h: string; n: number }[] }).rows[0]!;
    parts.push(`${table}:${row.n}:${row.h}`);
  }
  return parts.join(',');
}

/** A session for an account made directly (no password hashing, as seedGroupVolunteers does). */
async function sessionFor(deps: AppDeps, accountId: string): Promise<Session> {
  const { token, csrfToken } = await createSession(deps, accountId, '127.0.0.1', 'test');
  return { cookie: `linli_session=${token}`, csrf: csrfToken };
}

/**
 * The scene of the ride tests in community A (seedSmallRegistry): building 12 with rooms 1203 (the
 * `resident` account, and 李芳 who is also the building's relay contact `relay12`) and 101 (陆伯伯, no
 * account); building 2 with 502 (王强, no account, relay contact who cannot sign in). Six parcels go on
 * one confirmed run ridden by `rider`: 1203 ×2, 101, room 9999 (no household) and one with no room
 * for building 12 (stop 1), 502 for building 2 (stop 2).
 */
export async function rideScene(t: TestApp) {
  const db = t.deps.db;
  const { a, ids } = await seedTwoCommunities(db);
  const registry = await seedSmallRegistry(db, a, ids.resident);
  const [relay] = await db
    .insert(accounts)
    .values({ username: 'relay12', displayName: '李芳', passwordHash: 'not-a-real-hash' })
    .returning({ id: accounts.id });
  await db.insert(memberships).values({ communityId: a, accountId: relay!.id, role: 'resident' });
  const liFang = registry.residents.find((r) => r.name === '李芳')!;
  const wangQiang = registry.residents.find((r) => r.name === '王强')!;
  await db.update(residents).set({ accountId: relay!.id }).where(eq(residents.id, liFang.id));
  await db.update(buildings).set({ relayResidentId: liFang.id }).where(eq(buildings.id, registry.b12.id));
  await db.update(buildings).set({ relayResidentId: wangQiang.id }).where(eq(buildings.id, registry.b2.id));

  const groups = await db.select().from(volunteerGroups).where(eq(volunteerGroups.communityId, a));
  const groupId = (key: string) => groups.find((g) => g.key === key)!.id;
  const [rider, otherVolunteer] = await seedGroupVolunteers(t.deps, a, groupId('parcels'), 2, 'rider');
  const [swab] = await seedGroupVolunteers(t.deps, a, groupId('testing'), 1, 'swab');
  await makeParcelsLeader(db, a, groupId('parcels'), ids.leader!);

  const s: Record<string, Session> = {
    rider: rider!.session,
    otherVolunteer: otherVolunteer!.session,
    swab: swab!.session,
    relay: await sessionFor(t.deps, relay!.id),
  };
  for (const who of ['coordinator', 'leader', 'staff', 'resident', 'b-coordinator'])
    s[who] = await signIn(t.app, who);

  const b12 = registry.b12.id;
  const b2 = registry.b2.id;
  const received = await call(t.app, s.rider!, 'POST', `/api/communities/${a}/parcels`, {
    parcels: [
      { waybill: 'SF0000012031', buildingId: b12, room: '1203', source: 'scan' },
      { waybill: 'SF0000012032', buildingId: b12, room: '1203', source: 'scan' },
      { waybill: 'SF0000001011', buildingId: b12, room: '101', source: 'scan' },
      { waybill: 'SF0000099991', buildingId: b12, room: '9999', source: 'typed' },
      { waybill: 'SF0000000120', buildingId: b12, source: 'typed' },
      { waybill: 'SF0000005021', buildingId: b2, room: '502', source: 'scan' },
    ],
  });
  if (received.statusCode !== 201) throw new Error(received.body);
  const parcel = Object.fromEntries(
    received.json().parcels.map((p: { waybill: string; id: string }) => [p.waybill, p.id]),
  ) as Record<string, string>;
  const runId = await seedRun(db, {
    communityId: a,
    riderVolunteerId: rider!.volunteerId,
    gateId: registry.gate.id,
    stops: [
      {
        buildingId: b12,
        parcelIds: ['SF0000012031', 'SF0000012032', 'SF0000001011', 'SF0000099991', 'SF0000000120'].map(
          (w) => parcel[w]!,
        ),
      },
      { buildingId: b2, parcelIds: [parcel.SF0000005021!] },
    ],
  });
  return {
    a,
    ids: { ...ids, relay: relay!.id, rider: rider!.accountId } as Record<string, string>,
    registry,
    b12,
    b2,
    s,
    parcel,
    runId,
    groupId,
    riderVolunteerId: rider!.volunteerId,
  };
}
export type RideScene = Awaited<ReturnType<typeof rideScene>>;
