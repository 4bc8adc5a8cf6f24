import { and, eq, inArray, sql } from 'drizzle-orm';
import { accounts, disinfectionAreas, disinfectionTasks } from '../../db/schema/index.ts';
import { overdueAt, type Reader } from './disinfection.repository.ts';

/**
 * Per area in use, the figures of the coverage view: its last round done, the next round not yet
 * overdue, its overdue rounds, rounds done today, and open rounds whose time has come.
 */
export function coverageFigures(db: Reader, communityId: string, now: Date, today: { from: Date; to: Date }) {
  const at = now.toISOString();
  const t = disinfectionTasks;
  const notOverdue = sql`${t.dueAt} + ${disinfectionAreas.graceMinutes} * interval '1 minute' >= ${at}::timestamptz`;
  return db
    .select({
      areaId: t.areaId,
      lastDoneAt: sql<string | null>`max(${t.doneAt})`,
      nextDueAt: sql<string | null>`min(${t.dueAt}) filter (where ${t.status} = 'due' and ${notOverdue})`,
      overdueSince: sql<string | null>`min(${t.dueAt}) filter (where ${overdueAt(now)})`,
      overdue: sql<number>`count(*) filter (where ${overdueAt(now)})::int`,
      doneToday: sql<number>`count(*) filter (where ${t.status} = 'done' and ${t.doneAt} >= ${today.from.toISOString()}::timestamptz and ${t.doneAt} < ${today.to.toISOString()}::timestamptz)::int`,
      dueNow: sql<number>`count(*) filter (where ${t.status} = 'due' and ${t.dueAt} <= ${at}::timestamptz and ${notOverdue})::int`,
      dueLater: sql<number>`count(*) filter (where ${t.status} = 'due' and ${t.dueAt} > ${at}::timestamptz)::int`,
    })
    .from(t)
    .innerJoin(
      disinfectionAreas,
      and(eq(disinfectionAreas.communityId, t.communityId), eq(disinfectionAreas.id, t.areaId)),
    )
    .where(and(eq(t.communityId, communityId), eq(disinfectionAreas.active, true)))
    .groupBy(t.areaId);
}

/** Who did each area's last round, by the task of its latest done time. */
export async function lastDoers(db: Reader, communityId: string, areaIds: string[]) {
  if (areaIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectDistinct({ areaId: disinfectionTasks.areaId, name: accounts.displayName })
    .from(disinfectionTasks)
    .innerJoin(accounts, eq(accounts.id, disinfectionTasks.doneBy))
    .where(
      and(
        eq(disinfectionTasks.communityId, communityId),
        inArray(disinfectionTasks.areaId, areaIds),
        sql`${disinfectionTasks.doneAt} = (select max(t2.done_at) from ${disinfectionTasks} t2
          where t2.community_id = ${disinfectionTasks.communityId} and t2.area_id = ${disinfectionTasks.areaId})`,
      ),
    );
  return new Map(rows.map((r) => [r.areaId, r.name]));
}
