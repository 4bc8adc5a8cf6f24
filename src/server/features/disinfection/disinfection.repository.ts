import { and, asc, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  buildings,
  communities,
  disinfectionAreas,
  disinfectionPhotos,
  disinfectionTasks,
  gates,
  testingRounds,
} from '../../db/schema/index.ts';

export type Reader = Pick<Db, 'select' | 'selectDistinct'>;
export type Executor = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;

export { communityTimeZone } from '../../platform/community-constants.ts';

export async function buildingCode(db: Reader, communityId: string, buildingId: string) {
  const [row] = await db
    .select({ code: buildings.code })
    .from(buildings)
    .where(and(eq(buildings.communityId, communityId), eq(buildings.id, buildingId)));
  return row?.code ?? null;
}

export async function gateName(db: Reader, communityId: string, gateId: string) {
  const [row] = await db
    .select({ name: gates.name })
    .from(gates)
    .where(and(eq(gates.communityId, communityId), eq(gates.id, gateId)));
  return row?.name ?? null;
}

/** An area with its building's code and gate's name, and where it sits on the site plan. */
const areaColumns = {
  id: disinfectionAreas.id,
  name: disinfectionAreas.name,
  kind: disinfectionAreas.kind,
  buildingId: disinfectionAreas.buildingId,
  buildingCode: buildings.code,
  gateId: disinfectionAreas.gateId,
  gateName: gates.name,
  x: disinfectionAreas.x,
  y: disinfectionAreas.y,
  planX: sql<number | null>`coalesce(${buildings.x}, ${gates.x}, ${disinfectionAreas.x})`,
  planY: sql<number | null>`coalesce(${buildings.y}, ${gates.y}, ${disinfectionAreas.y})`,
  schedule: disinfectionAreas.schedule,
  times: disinfectionAreas.times,
  weekday: disinfectionAreas.weekday,
  graceMinutes: disinfectionAreas.graceMinutes,
  active: disinfectionAreas.active,
  createdAt: disinfectionAreas.createdAt,
};
export type AreaRow = Awaited<ReturnType<typeof listAreas>>[number];

export function listAreas(db: Reader, communityId: string, where?: SQL) {
  return (
    db
      .select(areaColumns)
      .from(disinfectionAreas)
      .leftJoin(
        buildings,
        and(
          eq(buildings.communityId, disinfectionAreas.communityId),
          eq(buildings.id, disinfectionAreas.buildingId),
        ),
      )
      .leftJoin(
        gates,
        and(eq(gates.communityId, disinfectionAreas.communityId), eq(gates.id, disinfectionAreas.gateId)),
      )
      .where(and(eq(disinfectionAreas.communityId, communityId), where))
      // building by building (12 after 2), then the places of no building, by name
      .orderBy(
        sql`case when ${buildings.code} ~ '^[0-9]{1,6}$' then ${buildings.code}::int end nulls last`,
        asc(buildings.code),
        asc(disinfectionAreas.name),
      )
  );
}

export async function findArea(db: Reader, communityId: string, areaId: string) {
  const [row] = await listAreas(db, communityId, eq(disinfectionAreas.id, areaId));
  return row ?? null;
}

/** The tasks of one area, open and in the future: what a schedule change replaces. */
export function deleteOpenTasksAfter(tx: Executor, communityId: string, areaId: string, after: Date) {
  return tx
    .delete(disinfectionTasks)
    .where(
      and(
        eq(disinfectionTasks.communityId, communityId),
        eq(disinfectionTasks.areaId, areaId),
        eq(disinfectionTasks.status, 'due'),
        gt(disinfectionTasks.dueAt, after),
      ),
    )
    .returning({ id: disinfectionTasks.id });
}

/** Calls off every open task of an area taken out of use (kept, as a record that it was due). */
export function skipOpenTasks(tx: Executor, communityId: string, areaId: string) {
  return tx
    .update(disinfectionTasks)
    .set({ status: 'skipped' })
    .where(
      and(
        eq(disinfectionTasks.communityId, communityId),
        eq(disinfectionTasks.areaId, areaId),
        eq(disinfectionTasks.status, 'due'),
      ),
    )
    .returning({ id: disinfectionTasks.id });
}

/** New tasks, returning those made; one already there for the area and time is left as it is (generation is idempotent). */
export async function insertTasks(
  tx: Executor,
  rows: { communityId: string; areaId: string; dueAt: Date; roundId?: string | null; createdAt: Date }[],
) {
  const inserted: { id: string; areaId: string }[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const made = await tx
      .insert(disinfectionTasks)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing({
        target: [disinfectionTasks.communityId, disinfectionTasks.areaId, disinfectionTasks.dueAt],
      })
      .returning({ id: disinfectionTasks.id, areaId: disinfectionTasks.areaId });
    inserted.push(...made);
  }
  return inserted;
}

/** Communities with at least one area in use, with their clocks: the ones generation visits. */
export function communitiesWithAreas(db: Reader) {
  return db
    .selectDistinct({ communityId: communities.id, timeZone: communities.timezone })
    .from(disinfectionAreas)
    .innerJoin(communities, eq(communities.id, disinfectionAreas.communityId))
    .where(eq(disinfectionAreas.active, true));
}

/**
 * Testing rounds that ended (finished, at a known time) after an after-testing area was created, and
 * have no task for it yet: each gets one, due at the round's end.
 */
export function endedRoundsWithoutTask(db: Reader, communityId: string, since: Date, now: Date) {
  return db
    .select({ areaId: disinfectionAreas.id, roundId: testingRounds.id, endedAt: testingRounds.finishedAt })
    .from(disinfectionAreas)
    .innerJoin(
      testingRounds,
      and(
        eq(testingRounds.communityId, disinfectionAreas.communityId),
        eq(testingRounds.status, 'finished'),
        sql`${testingRounds.finishedAt} between ${since.toISOString()}::timestamptz and ${now.toISOString()}::timestamptz`,
        gte(testingRounds.finishedAt, disinfectionAreas.createdAt),
      ),
    )
    .where(
      and(
        eq(disinfectionAreas.communityId, communityId),
        eq(disinfectionAreas.active, true),
        eq(disinfectionAreas.schedule, 'after_testing'),
        sql`not exists (select 1 from ${disinfectionTasks} t where t.community_id = ${disinfectionAreas.communityId}
          and t.area_id = ${disinfectionAreas.id} and t.round_id = ${testingRounds.id})`,
      ),
    );
}

const taskColumns = {
  id: disinfectionTasks.id,
  areaId: disinfectionTasks.areaId,
  areaName: disinfectionAreas.name,
  areaKind: disinfectionAreas.kind,
  buildingCode: buildings.code,
  gateName: gates.name,
  dueAt: disinfectionTasks.dueAt,
  graceMinutes: disinfectionAreas.graceMinutes,
  status: disinfectionTasks.status,
  roundId: disinfectionTasks.roundId,
  doneAt: disinfectionTasks.doneAt,
  doneById: disinfectionTasks.doneBy,
  doneByName: accounts.displayName,
  note: disinfectionTasks.note,
  hasPhoto: sql<boolean>`exists (select 1 from ${disinfectionPhotos} p where p.community_id = ${disinfectionTasks.communityId} and p.task_id = ${disinfectionTasks.id})`,
};
export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

/** SQL: still due and past its grace at `now`. */
export const overdueAt = (now: Date) =>
  sql`(${disinfectionTasks.status} = 'due' and ${disinfectionTasks.dueAt} + ${disinfectionAreas.graceMinutes} * interval '1 minute' < ${now.toISOString()}::timestamptz)`;

export function listTasks(db: Reader, communityId: string, where?: SQL) {
  return db
    .select(taskColumns)
    .from(disinfectionTasks)
    .innerJoin(
      disinfectionAreas,
      and(
        eq(disinfectionAreas.communityId, disinfectionTasks.communityId),
        eq(disinfectionAreas.id, disinfectionTasks.areaId),
      ),
    )
    .leftJoin(
      buildings,
      and(
        eq(buildings.communityId, disinfectionAreas.communityId),
        eq(buildings.id, disinfectionAreas.buildingId),
      ),
    )
    .leftJoin(
      gates,
      and(eq(gates.communityId, disinfectionAreas.communityId), eq(gates.id, disinfectionAreas.gateId)),
    )
    .leftJoin(accounts, eq(accounts.id, disinfectionTasks.doneBy))
    .where(and(eq(disinfectionTasks.communityId, communityId), where))
    .orderBy(asc(disinfectionTasks.dueAt), asc(disinfectionAreas.name));
}

export const tasksDueBetween = (from: Date, to: Date) =>
  and(gte(disinfectionTasks.dueAt, from), lt(disinfectionTasks.dueAt, to));

export async function findTask(db: Reader, communityId: string, taskId: string) {
  const [row] = await listTasks(db, communityId, eq(disinfectionTasks.id, taskId));
  return row ?? null;
}

/** Marks an open task done; nothing when it is not open any more (the caller says why). */
export async function markDone(
  tx: Executor,
  communityId: string,
  taskId: string,
  done: { at: Date; by: string; note: string | null },
) {
  const rows = await tx
    .update(disinfectionTasks)
    .set({ status: 'done', doneAt: done.at, doneBy: done.by, note: done.note })
    .where(
      and(
        eq(disinfectionTasks.communityId, communityId),
        eq(disinfectionTasks.id, taskId),
        eq(disinfectionTasks.status, 'due'),
      ),
    )
    .returning({ id: disinfectionTasks.id });
  return rows.length > 0;
}

export async function savePhoto(
  tx: Executor,
  row: { communityId: string; taskId: string; mimeType: string; bytes: number; content: Uint8Array },
) {
  await tx
    .insert(disinfectionPhotos)
    .values(row)
    .onConflictDoUpdate({
      target: [disinfectionPhotos.communityId, disinfectionPhotos.taskId],
      set: { mimeType: row.mimeType, bytes: row.bytes, content: row.content },
    });
}

export async function findPhoto(db: Reader, communityId: string, taskId: string) {
  const [row] = await db
    .select({ mimeType: disinfectionPhotos.mimeType, content: disinfectionPhotos.content })
    .from(disinfectionPhotos)
    .where(and(eq(disinfectionPhotos.communityId, communityId), eq(disinfectionPhotos.taskId, taskId)));
  return row ?? null;
}
