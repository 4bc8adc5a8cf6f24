import { and, desc, eq, lt, or } from 'drizzle-orm';
import { wallClockAt, wallTimeToInstant } from '../../../domain/shifts/zoned-time.ts';
import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { communities, dailyReports } from '../../db/schema/index.ts';
import type { StoredEvent } from './day-events.repository.ts';
import type { StoredProblem } from './day-problems.ts';

type Executor = Pick<Db, 'select' | 'insert'>;

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

/** Today (on its own clock) and today's report time of a community; null for a zone or time not understood. */
function todayOf(c: { timezone: string; dailyReportTime: string }, now: Date) {
  try {
    const day = wallClockAt(now, c.timezone).day;
    const scheduledAt = wallTimeToInstant(day, c.dailyReportTime, c.timezone);
    return Number.isNaN(scheduledAt.getTime()) ? null : { day, scheduledAt };
  } catch {
    return null;
  }
}

/**
 * Communities whose report time has come today (on their own clock, as everything else reads the
 * clock: domain/shifts/zoned-time) and whose today has no report made since then.
 */
export async function communitiesDue(db: Executor, now: Date): Promise<DueCommunity[]> {
  const all = await db
    .select({
      id: communities.id,
      timezone: communities.timezone,
      dailyReportTime: communities.dailyReportTime,
    })
    .from(communities);
  const due = all.flatMap((c) => {
    const today = todayOf(c, now);
    return today && today.scheduledAt <= now ? [{ communityId: c.id, ...today }] : [];
  });
  if (due.length === 0) return [];
  const made = await db
    .select({
      communityId: dailyReports.communityId,
      day: dailyReports.day,
      generatedAt: dailyReports.generatedAt,
    })
    .from(dailyReports)
    .where(
      or(...due.map((d) => and(eq(dailyReports.communityId, d.communityId), eq(dailyReports.day, d.day)))),
    );
  const madeAt = new Map(made.map((r) => [`${r.communityId} ${r.day}`, r.generatedAt]));
  return due.filter((d) => {
    const at = madeAt.get(`${d.communityId} ${d.day}`);
    return !at || at < d.scheduledAt;
  });
}
