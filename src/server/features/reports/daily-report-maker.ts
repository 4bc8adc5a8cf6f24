// Makes a compound's day report: the dashboard's figures at that moment (dashboardFigures, the one
// function the dashboard itself shows), the day's events so far, and the problems still open.
import { wallClockAt, wallTimeToInstant } from '../../../domain/shifts/zoned-time.ts';
import { DAILY_REPORT_MADE } from '../../../shared/api/daily-reports.ts';
import type { Db } from '../../db/client.ts';
import { audit } from '../../platform/audit.ts';
import type { PolicyRole } from '../../platform/authorize.ts';
import type { SignedInAccount } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { dashboardFigures } from '../dashboard/dashboard-figures.ts';
import { type StoredReport, saveOnDemand, saveScheduled } from './daily-reports.repository.ts';
import { dayEvents } from './day-events.repository.ts';
import { dayProblems, longParcelWaits } from './day-problems.ts';

/** The report of the local day `now` falls on, as things stand at `now`. */
export async function composeReport(
  db: Db,
  communityId: string,
  now: Date,
): Promise<Omit<StoredReport, 'generatedBy' | 'trigger'>> {
  const figures = await dashboardFigures(db, communityId, now);
  const day = wallClockAt(now, figures.timeZone).day;
  const window = {
    start: wallTimeToInstant(day, '00:00', figures.timeZone),
    end: new Date(now.getTime() + 1),
  };
  const [events, waits] = await Promise.all([
    dayEvents(db, communityId, window),
    longParcelWaits(db, communityId, now),
  ]);
  return { communityId, day, figures, events, problems: dayProblems(figures, waits), generatedAt: now };
}

interface Maker {
  account: Pick<SignedInAccount, 'id' | 'displayName'> | null;
  role: PolicyRole | 'system';
}

async function recordMade(tx: Db, report: StoredReport, by: Maker) {
  await audit(tx, {
    communityId: report.communityId,
    account: by.account,
    role: by.role,
    action: report.trigger === 'scheduled' ? 'daily_report.scheduled' : 'daily_report.make',
    targetType: 'daily_report',
    targetId: report.day,
    params: { day: report.day, events: report.events.length, problems: report.problems.length },
  });
  await publishLive(tx, {
    communityId: report.communityId,
    type: DAILY_REPORT_MADE,
    data: { day: report.day },
  });
}

/** On demand: made now, replacing the day's report. */
export async function makeReportNow(
  db: Db,
  communityId: string,
  now: Date,
  by: Maker,
): Promise<StoredReport> {
  const report: StoredReport = {
    ...(await composeReport(db, communityId, now)),
    generatedBy: by.account?.id ?? null,
    trigger: 'on_demand',
  };
  await db.transaction(async (tx) => {
    await saveOnDemand(tx, report);
    await recordMade(tx, report, by);
  });
  return report;
}

/** By the schedule: written once per day, whichever process gets there first (see saveScheduled). */
export async function makeScheduledReport(db: Db, communityId: string, now: Date, scheduledAt: Date) {
  const report: StoredReport = {
    ...(await composeReport(db, communityId, now)),
    generatedBy: null,
    trigger: 'scheduled',
  };
  return db.transaction(async (tx) => {
    const written = await saveScheduled(tx, report, scheduledAt);
    if (written) await recordMade(tx, report, { account: null, role: 'system' });
    return written;
  });
}
