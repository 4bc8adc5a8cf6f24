import { registerBackgroundTask } from '../../platform/background.ts';
import type { AppDeps } from '../../platform/context.ts';
import { makeScheduledReport } from './daily-report-maker.ts';
import { communitiesDue } from './daily-reports.repository.ts';

/**
 * The background task: each compound whose report time has come today (communities.daily_report_time
 * on its own clock) and which has no report made since then gets one. Late is fine (a server started
 * at 23:00 makes the 21:00 report then); a past day is never made afterwards, because its figures are
 * the state at the time and cannot be had later. Returns how many reports it wrote.
 */
export async function makeDueDailyReports(deps: AppDeps) {
  const now = deps.clock.now();
  let made = 0;
  const failures: unknown[] = [];
  for (const due of await communitiesDue(deps.db, now)) {
    // One compound's failure must not cost the others their report; the next run tries it again.
    try {
      if (await makeScheduledReport(deps.db, due.communityId, now, due.scheduledAt)) made++;
    } catch (err) {
      failures.push(err);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} day reports failed`);
  return made;
}

registerBackgroundTask({ name: 'daily-reports', intervalMs: 60_000, run: makeDueDailyReports });
