import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { ZRoundSimulationInput, ZRoundSimulationResult } from '../../../shared/api/round-simulation.ts';
import {
  HTTP_SIMULATION_LIMITS,
  ROUND_REPORT_DESCRIPTION,
  ZRoundReport,
  ZRoundReportParams,
  ZRoundSimulationDraft,
} from '../../../shared/api/testing-report.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { getRoundReport } from './report.service.ts';
import { exportRoundReport } from './report-export.ts';
import { getRoundSimulationInput, simulateRound } from './simulation.service.ts';

const base = '/api/communities/:communityId';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The round report (and its xlsx) and the "what if" simulator (issue 6, items 6 and 7). */
export async function testingReportRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['testing'];

  r.post(
    `${base}/round-simulations`,
    {
      schema: {
        operationId: 'simulateRound',
        tags,
        summary: `Simulate a testing round under one policy (fixed, tidal or planned), deterministic from the seed. At most ${HTTP_SIMULATION_LIMITS.residents} residents and ${HTTP_SIMULATION_LIMITS.buildings} buildings per request (coordinators, staff, testing-group leaders)`,
        params: ZCommunityParams,
        body: ZRoundSimulationInput,
        response: { 200: ZRoundSimulationResult, ...errorResponses },
      },
    },
    async (req) => simulateRound(deps, await communityActor(req, req.params.communityId), req.body),
  );
  r.get(
    `${base}/round-simulations/input`,
    {
      schema: {
        operationId: 'getRoundSimulationInput',
        tags,
        summary:
          'The compound as a simulator input: buildings with their residents, their zone’s gate (else the nearest), walk = distance to the gate at 1 m/s + 60 s, 6 lanes split evenly, the story’s assumptions',
        params: ZCommunityParams,
        response: { 200: ZRoundSimulationDraft, ...errorResponses },
      },
    },
    async (req) => getRoundSimulationInput(deps, await communityActor(req, req.params.communityId)),
  );
  r.get(
    `${base}/testing-rounds/:roundId/report`,
    {
      schema: {
        operationId: 'getRoundReport',
        tags,
        summary:
          'The round report: start and end, tested, per-lane throughput, queues, switches, idle lane-minutes',
        description: ROUND_REPORT_DESCRIPTION,
        params: ZRoundReportParams,
        response: { 200: ZRoundReport, ...errorResponses },
      },
    },
    async (req) =>
      getRoundReport(deps, await communityActor(req, req.params.communityId), req.params.roundId),
  );
  r.get(
    `${base}/testing-rounds/:roundId/report.xlsx`,
    {
      schema: {
        operationId: 'exportRoundReport',
        tags,
        summary:
          'The round report as xlsx: sheets summary, lanes, hourly, queues, lane switches, earlier rounds (headers in the caller’s language)',
        params: ZRoundReportParams,
        produces: [XLSX],
        // Buffers bypass the serializer; the schema only documents the binary body.
        response: { 200: z.any().describe('xlsx workbook'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = await communityActor(req, req.params.communityId);
      const { file, report } = await exportRoundReport(deps, actor, req.params.roundId, req.locale);
      const day = (report.round.start ?? report.round.startsAt).slice(0, 10);
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="testing-round-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${report.round.title}-${day}.xlsx`)}`,
        )
        .send(file);
    },
  );
}
