// The day reports' live event (the shapes are in dashboard.ts: ZDailyReport, ZDailyReportList).

/** Sent to the compound when a day report is made (scheduled or on demand); data: { day }. */
export const DAILY_REPORT_MADE = 'daily_report.made';

/** How many past reports the history lists. */
export const DAILY_REPORT_HISTORY_DAYS = 90;
