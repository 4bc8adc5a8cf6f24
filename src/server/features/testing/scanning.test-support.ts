import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { households, residents, testingRoundGates, testingRounds } from '../../db/schema/index.ts';

/**
 * A round written straight into the database (round creation is another feature's): `status`
 * running by default, the given gates with all lanes split between them.
 */
export async function insertRound(
  db: Db,
  communityId: string,
  opts: { gateIds: string[]; status?: string; pooling?: number; title?: string; lanes?: number },
) {
  const lanes = opts.lanes ?? 2 * opts.gateIds.length;
  const [round] = await db
    .insert(testingRounds)
    .values({
      communityId,
      title: opts.title ?? '第1轮核酸',
      startsAt: new Date('2026-04-09T00:00:00Z'),
      status: opts.status ?? 'running',
      pooling: opts.pooling ?? 10,
      lanes,
      createdAt: new Date('2026-04-08T12:00:00Z'),
    })
    .returning({ id: testingRounds.id });
  await db.insert(testingRoundGates).values(
    opts.gateIds.map((gateId) => ({
      communityId,
      roundId: round!.id,
      gateId,
      lanes: lanes / opts.gateIds.length,
      crowdLimit: 60,
    })),
  );
  return round!.id;
}

/** `count` residents in one building, two per household in rooms 301, 302, …, with codes made up front. */
export async function insertResidents(db: Db, communityId: string, buildingId: string, count: number) {
  const rooms = Math.ceil(count / 2);
  const homes = await db
    .insert(households)
    .values(
      Array.from({ length: rooms }, (_, i) => ({ communityId, buildingId, room: String(301 + i), size: 2 })),
    )
    .returning({ id: households.id });
  const people = await db
    .insert(residents)
    .values(
      Array.from({ length: count }, (_, i) => ({
        communityId,
        householdId: homes[Math.floor(i / 2)]!.id,
        name: `居民${String(i).padStart(2, '0')}`,
        birthYear: 1950 + i,
        personalCode: `LLTEST${String(i).padStart(6, '0')}`.slice(0, 12),
      })),
    )
    .returning({ id: residents.id, personalCode: residents.personalCode });
  return people.map((p) => ({ id: p.id, code: p.personalCode! }));
}

/** What scanning writes; a refused request must leave all of it as it was. */
export async function scanningFingerprint(db: Db) {
  const result = await db.execute(sql`select
    (select count(*)::int from testing_samples) as samples,
    (select coalesce(sum(samples), 0)::int from testing_tubes) as tube_samples,
    (select count(*)::int from testing_tubes) as tubes,
    (select count(*)::int from testing_tubes where closed_at is not null) as closed,
    (select count(*)::int from audit_log) as audit`);
  return (result as unknown as { rows: unknown[] }).rows[0];
}
