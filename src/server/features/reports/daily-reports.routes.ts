import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { ZDailyReport, ZDailyReportList, ZDailyReportParams } from '../../../shared/api/dashboard.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { dailyReportWorkbook } from './daily-report-export.ts';
import { getDailyReport, listDailyReports, makeDailyReportNow } from './daily-reports.service.ts';
// The scheduled reports: registered with the routes, so every server process runs them.
import './daily-report-schedule.ts';

const base = '/api/communities/:communityId/daily-reports';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The day reports (issue 10 item 5): history, one day's report, making today's now, and its xlsx. */
export async function dailyReportRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['reports'];

  r.get(
    base,
    {
      schema: {
        operationId: 'listDailyReports',
        tags,
        summary: 'The compound’s past day reports, newest first (coordinators, staff, granted viewers)',
        params: ZCommunityParams,
        response: { 200: ZDailyReportList, ...errorResponses },
      },
    },
    async (req) => listDailyReports(deps, await communityActor(req, req.params.communityId)),
  );
  r.get(
    `${base}/:day`,
    {
      schema: {
        operationId: 'getDailyReport',
        tags,
        summary:
          'One day’s report: the dashboard figures when it was made, the day’s events and the open problems (text in the caller’s language)',
        params: ZDailyReportParams,
        response: { 200: ZDailyReport, ...errorResponses },
      },
    },
    async (req) =>
      getDailyReport(deps, await communityActor(req, req.params.communityId), req.params.day, req.locale),
  );
  r.post(
    `${base}/:day`,
    {
      schema: {
        operationId: 'makeDailyReport',
        tags,
        summary:
          'Make today’s report now, replacing today’s (coordinators and staff; only the community’s today)',
        params: ZDailyReportParams,
        response: { 200: ZDailyReport, ...errorResponses },
      },
    },
    async (req) =>
      makeDailyReportNow(deps, await communityActor(req, req.params.communityId), req.params.day, req.locale),
  );
  // The .xlsx route is its own path: `:day` alone would not match "2026-04-09.xlsx" (its pattern).
  r.get(
    `${base}/:day.xlsx`,
    {
      schema: {
        operationId: 'exportDailyReport',
        tags,
        summary: 'One day’s report as xlsx: sheets figures, events, open problems (in the caller’s language)',
        params: ZDailyReportParams,
        produces: [XLSX],
        response: { 200: z.any().describe('xlsx workbook'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = await communityActor(req, req.params.communityId);
      const report = await getDailyReport(deps, actor, req.params.day, req.locale);
      const name = `${report.figures.name}-${report.day}.xlsx`;
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="daily-report-${report.day}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(await dailyReportWorkbook(report, req.locale));
    },
  );
}
