import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import { DAILY_REPORT_HISTORY_DAYS } from '../../../shared/api/daily-reports.ts';
import type { TDailyReport } from '../../../shared/api/dashboard.ts';
import { renderReportLine } from '../../../shared/i18n/report-messages.ts';
import type { Locale } from '../../../shared/roles.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { communityTimeZone } from '../parcels/parcels.repository.ts';
import { makeReportNow } from './daily-report-maker.ts';
import { findReport, listReports, type StoredReport } from './daily-reports.repository.ts';
import { reportActions } from './reports.policy.ts';

/** A stored report as the API shows it: each event and problem in the reader's language. */
export function presentReport(report: StoredReport, locale: Locale): TDailyReport {
  const timeZone = report.figures.timeZone;
  return {
    communityId: report.communityId,
    day: report.day,
    generatedAt: report.generatedAt.toISOString(),
    trigger: report.trigger,
    figures: report.figures,
    events: report.events.map((e) => ({
      at: e.at,
      kind: e.kind,
      text: renderReportLine(locale, e.kind, { timeZone, ...e.params }),
      link: e.link,
    })),
    problems: report.problems.map((p) => ({
      kind: p.kind,
      text: renderReportLine(locale, p.kind, { timeZone, ...p.params }),
      link: p.link,
    })),
  };
}

export async function getDailyReport(deps: AppDeps, actor: Actor, day: string, locale: Locale) {
  authorize(actor, reportActions['reports.read']);
  const report = await findReport(deps.db, actor.communityId!, day);
  if (!report) throw notFound('dailyReport');
  return presentReport(report, locale);
}

export async function listDailyReports(deps: AppDeps, actor: Actor) {
  authorize(actor, reportActions['reports.read']);
  const rows = await listReports(deps.db, actor.communityId!, DAILY_REPORT_HISTORY_DAYS);
  return {
    reports: rows.map((r) => ({
      day: r.day,
      generatedAt: r.generatedAt.toISOString(),
      trigger: r.trigger as 'scheduled' | 'on_demand',
    })),
  };
}

/**
 * Makes today's report now, replacing today's. Only today: a report holds the figures as they stand
 * when it is made, so a past day's cannot be made again afterwards (nor a future day's beforehand).
 */
export async function makeDailyReportNow(deps: AppDeps, actor: Actor, day: string, locale: Locale) {
  const role = authorize(actor, reportActions['reports.make']);
  const communityId = actor.communityId!;
  const now = deps.clock.now();
  const today = wallClockAt(now, await communityTimeZone(deps.db, communityId)).day;
  if (day !== today) throw new AppError('REPORT_DAY_NOT_TODAY', { day, today });
  const report = await makeReportNow(deps.db, communityId, now, { account: actor.account, role });
  return presentReport(report, locale);
}
