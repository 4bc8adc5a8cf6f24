import { and, asc, count, eq, ilike, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  buildings,
  gates,
  households,
  residents,
  testingRoundGates,
  testingRounds,
  testingSamples,
  testingTubes,
} from '../../db/schema/index.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'execute'>;

export type TubeRow = typeof testingTubes.$inferSelect;

export { communityTimeZone as timeZoneOf } from '../../platform/community-constants.ts';

export async function findRound(db: Executor, communityId: string, roundId: string) {
  const [row] = await db
    .select({
      id: testingRounds.id,
      title: testingRounds.title,
      status: testingRounds.status,
      pooling: testingRounds.pooling,
    })
    .from(testingRounds)
    .where(and(eq(testingRounds.communityId, communityId), eq(testingRounds.id, roundId)));
  return row;
}

export async function roundHasGate(db: Executor, communityId: string, roundId: string, gateId: string) {
  const rows = await db
    .select({ gateId: testingRoundGates.gateId })
    .from(testingRoundGates)
    .where(
      and(
        eq(testingRoundGates.communityId, communityId),
        eq(testingRoundGates.roundId, roundId),
        eq(testingRoundGates.gateId, gateId),
      ),
    );
  return rows.length > 0;
}

/** Rounds a lane may scan into (published or running), soonest first, with their gates. */
export async function laneRounds(db: Executor, communityId: string) {
  const rounds = await db
    .select({
      id: testingRounds.id,
      title: testingRounds.title,
      status: testingRounds.status,
      pooling: testingRounds.pooling,
      lanes: testingRounds.lanes,
      startsAt: testingRounds.startsAt,
    })
    .from(testingRounds)
    .where(
      and(
        eq(testingRounds.communityId, communityId),
        inArray(testingRounds.status, ['published', 'running']),
      ),
    )
    .orderBy(sql`${testingRounds.status} = 'running' desc`, asc(testingRounds.startsAt));
  const gateRows = rounds.length
    ? await db
        .select({
          roundId: testingRoundGates.roundId,
          gateId: testingRoundGates.gateId,
          name: gates.name,
          lanes: testingRoundGates.lanes,
        })
        .from(testingRoundGates)
        .innerJoin(
          gates,
          and(eq(gates.communityId, testingRoundGates.communityId), eq(gates.id, testingRoundGates.gateId)),
        )
        .where(
          and(
            eq(testingRoundGates.communityId, communityId),
            inArray(
              testingRoundGates.roundId,
              rounds.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(gates.code))
    : [];
  return rounds.map((r) => ({ ...r, gates: gateRows.filter((g) => g.roundId === r.id) }));
}

/** The tube that already carries this barcode in the community (in any round, ever). */
export async function tubeWithBarcode(db: Executor, communityId: string, barcode: string) {
  const [row] = await db
    .select({ openedAt: testingTubes.openedAt, roundTitle: testingRounds.title })
    .from(testingTubes)
    .innerJoin(
      testingRounds,
      and(
        eq(testingRounds.communityId, testingTubes.communityId),
        eq(testingRounds.id, testingTubes.roundId),
      ),
    )
    .where(and(eq(testingTubes.communityId, communityId), eq(testingTubes.barcode, barcode)));
  return row;
}

export async function findTube(db: Executor, communityId: string, roundId: string, tubeId: string) {
  const [row] = await db
    .select()
    .from(testingTubes)
    .where(
      and(
        eq(testingTubes.communityId, communityId),
        eq(testingTubes.roundId, roundId),
        eq(testingTubes.id, tubeId),
      ),
    );
  return row;
}

/**
 * Takes one place in an open tube that is not full, closing it when this place is its last. The
 * condition in the UPDATE is what keeps a tube within capacity when scans race: the row lock makes
 * them take turns, and each sees the count the one before left.
 */
export async function takeTubePlace(tx: Executor, communityId: string, tubeId: string, now: Date) {
  const [row] = await tx
    .update(testingTubes)
    .set({
      samples: sql`${testingTubes.samples} + 1`,
      closedAt: sql`case when ${testingTubes.samples} + 1 >= ${testingTubes.capacity} then ${now.toISOString()}::timestamptz else null end`,
    })
    .where(
      and(
        eq(testingTubes.communityId, communityId),
        eq(testingTubes.id, tubeId),
        isNull(testingTubes.closedAt),
        lt(testingTubes.samples, testingTubes.capacity),
      ),
    )
    .returning();
  return row;
}

/** Closes an open tube by hand; undefined when it was closed already. */
export async function closeOpenTube(tx: Executor, communityId: string, tubeId: string, now: Date) {
  const [row] = await tx
    .update(testingTubes)
    .set({ closedAt: now })
    .where(
      and(
        eq(testingTubes.communityId, communityId),
        eq(testingTubes.id, tubeId),
        isNull(testingTubes.closedAt),
      ),
    )
    .returning();
  return row;
}

const residentPlace = {
  id: residents.id,
  name: residents.name,
  buildingCode: buildings.code,
  room: households.room,
};

function residentsWithPlace(db: Executor, where: SQL) {
  return db
    .select(residentPlace)
    .from(residents)
    .innerJoin(
      households,
      and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
    )
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
    )
    .where(where);
}

/** A resident of this community by personal code or id; undefined for anyone else's. */
export async function findResident(
  db: Executor,
  communityId: string,
  by: { code?: string | undefined; residentId?: string | undefined },
) {
  const match = by.code ? eq(residents.personalCode, by.code) : eq(residents.id, by.residentId!);
  const [row] = await residentsWithPlace(db, and(eq(residents.communityId, communityId), match)!);
  return row;
}

/** When and into which tube a resident was sampled in the round, if they were. */
export async function sampleOfResident(
  db: Executor,
  communityId: string,
  roundId: string,
  residentId: string,
) {
  const [row] = await db
    .select({ sampledAt: testingSamples.sampledAt, barcode: testingTubes.barcode })
    .from(testingSamples)
    .innerJoin(
      testingTubes,
      and(
        eq(testingTubes.communityId, testingSamples.communityId),
        eq(testingTubes.id, testingSamples.tubeId),
      ),
    )
    .where(
      and(
        eq(testingSamples.communityId, communityId),
        eq(testingSamples.roundId, roundId),
        eq(testingSamples.residentId, residentId),
      ),
    );
  return row;
}

export async function insertSample(tx: Executor, row: typeof testingSamples.$inferInsert) {
  const [inserted] = await tx.insert(testingSamples).values(row).returning({ id: testingSamples.id });
  return inserted!.id;
}

export async function roundSampleCount(db: Executor, communityId: string, roundId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(testingSamples)
    .where(and(eq(testingSamples.communityId, communityId), eq(testingSamples.roundId, roundId)));
  return row?.n ?? 0;
}

const likeAnywhere = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

/** Residents by building code, room and part of a name, with their sample in the round if any. */
export async function searchResidents(
  db: Executor,
  communityId: string,
  roundId: string,
  f: { buildingCode?: string | undefined; room?: string | undefined; q?: string | undefined },
  limit: number,
) {
  const where: SQL[] = [eq(residents.communityId, communityId)];
  if (f.buildingCode) where.push(eq(buildings.code, f.buildingCode));
  if (f.room) where.push(eq(households.room, f.room));
  if (f.q) where.push(ilike(residents.name, likeAnywhere(f.q)));
  return db
    .select({
      ...residentPlace,
      birthYear: residents.birthYear,
      flags: residents.flags,
      sampledAt: testingSamples.sampledAt,
      tubeBarcode: testingTubes.barcode,
    })
    .from(residents)
    .innerJoin(
      households,
      and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
    )
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
    )
    .leftJoin(
      testingSamples,
      and(
        eq(testingSamples.communityId, residents.communityId),
        eq(testingSamples.residentId, residents.id),
        eq(testingSamples.roundId, roundId),
      ),
    )
    .leftJoin(
      testingTubes,
      and(
        eq(testingTubes.communityId, testingSamples.communityId),
        eq(testingTubes.id, testingSamples.tubeId),
      ),
    )
    .where(and(...where))
    .orderBy(sql`cardinality(${residents.flags}) = 0`, asc(households.room), asc(residents.name))
    .limit(limit);
}
