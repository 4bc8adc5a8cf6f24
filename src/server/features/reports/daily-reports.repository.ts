import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { dailyReports } from '../../db/schema/index.ts';
import type { StoredEvent } from './day-events.repository.ts';
import type { StoredProblem } from './day-problems.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'execute'>;

export interface StoredReport {
  communityId: string;
  day: string;
  figures: TDashboard;
  events: StoredEvent[];
  problems: StoredProblem[];
  generatedAt: Date;
  generatedBy: string | null;
  trigger: 'scheduled' | 'on_demand';
}

export async function findReport(
  db: Executor,
  communityId: string,
  day: string,
): Promise<StoredReport | null> {
  const [row] = await db
    .select()
    .from(dailyReports)
    .where(and(eq(dailyReports.communityId, communityId), eq(dailyReports.day, day)));
  return (row as StoredReport | undefined) ?? null;
}

export async function listReports(db: Executor, communityId: string, limit: number) {
  return db
    .select({ day: dailyReports.day, generatedAt: dailyReports.generatedAt, trigger: dailyReports.trigger })
    .from(dailyReports)
    .where(eq(dailyReports.communityId, communityId))
    .orderBy(desc(dailyReports.day))
    .limit(limit);
}

/** Made on demand: replaces whatever that day had. */
export async function saveOnDemand(tx: Executor, report: StoredReport) {
  await tx
    .insert(dailyReports)
    .values(report)
    .onConflictDoUpdate({
      target: [dailyReports.communityId, dailyReports.day],
      set: {
        figures: report.figures,
        events: report.events,
        problems: report.problems,
        generatedAt: report.generatedAt,
        generatedBy: report.generatedBy,
        trigger: report.trigger,
      },
    });
}

/**
 * Made by the schedule: written only when the day has no report yet, or only one made before this
 * day's report time (a morning one on demand is superseded by the evening's). A second process, or a
 * second run, finds the row already made since the report time and writes nothing: true when written.
 */
export async function saveScheduled(tx: Executor, report: StoredReport, scheduledAt: Date) {
  const written = await tx
    .insert(dailyReports)
    .values(report)
    .onConflictDoUpdate({
      target: [dailyReports.communityId, dailyReports.day],
      set: {
        figures: report.figures,
        events: report.events,
        problems: report.problems,
        generatedAt: report.generatedAt,
        generatedBy: null,
        trigger: 'scheduled',
      },
      setWhere: lt(dailyReports.generatedAt, scheduledAt),
    })
    .returning({ day: dailyReports.day });
  return written.length > 0;
}

export interface DueCommunity {
  communityId: string;
  day: string;
  scheduledAt: Date;
}

/**
 * Communities whose report time has come today (on their own clock) and whose today has no report
 * made since then. The local day and the report instant are PostgreSQL's own time zone arithmetic.
 */
export async function communitiesDue(db: Executor, now: Date): Promise<DueCommunity[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    with local as (
      select c.id, (${at} at time zone c.timezone)::date as day, c.timezone, c.daily_report_time
      from communities c
    ), due as (
      select id, day, ((day + daily_report_time::time) at time zone timezone) as scheduled_at from local
    )
    select d.id as "communityId", d.day::text as day, d.scheduled_at as "scheduledAt"
    from due d
    left join daily_reports r on r.community_id = d.id and r.day = d.day
    where d.scheduled_at <= ${at} and (r.generated_at is null or r.generated_at < d.scheduled_at)`);
  return (
    result as unknown as { rows: { communityId: string; day: string; scheduledAt: Date | string }[] }
  ).rows.map((r) => ({ communityId: r.communityId, day: r.day, scheduledAt: new Date(r.scheduledAt) }));
}
