import type { FastifyInstance } from 'fastify';
import { ZAdjustCallDown, ZCallDownPlan } from '../../../shared/api/testing-calls.ts';
import { ZRoundParams } from '../../../shared/api/testing-rounds.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { adjustCallDown, getCallDownPlan, planRoundCallDown, publishCallDown } from './call-down.service.ts';
// the task that tells each building at its call time
import './call-notices.ts';

const callDown = '/api/communities/:communityId/testing-rounds/:roundId/call-down';

export async function testingCallDownRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['testing'];

  r.get(
    callDown,
    {
      schema: {
        operationId: 'getCallDownPlan',
        tags,
        summary:
          'The call-down plan (叫号) per gate: each building’s call time, residents coming down, whether it was told; with the expected figures of Linli’s proposal',
        params: ZRoundParams,
        response: { 200: ZCallDownPlan, ...errorResponses },
      },
    },
    async (req) =>
      getCallDownPlan(deps, await communityActor(req, req.params.communityId), req.params.roundId),
  );
  r.post(
    `${callDown}/plan`,
    {
      schema: {
        operationId: 'planCallDown',
        tags,
        summary:
          'Propose when each building is called, per gate, with the round simulator (door-to-door residents stay home); replaces an unpublished plan. Draft rounds only',
        params: ZRoundParams,
        response: { 200: ZCallDownPlan, ...errorResponses },
      },
    },
    async (req) =>
      planRoundCallDown(deps, await communityActor(req, req.params.communityId), req.params.roundId),
  );
  r.patch(
    callDown,
    {
      schema: {
        operationId: 'adjustCallDown',
        tags,
        summary:
          'Move one building’s call to another time of the round’s day (community clock, HH:MM), or swap two buildings’ call times, before publishing',
        params: ZRoundParams,
        body: ZAdjustCallDown,
        response: { 200: ZCallDownPlan, ...errorResponses },
      },
    },
    async (req) =>
      adjustCallDown(deps, await communityActor(req, req.params.communityId), req.params.roundId, req.body),
  );
  r.post(
    `${callDown}/publish`,
    {
      schema: {
        operationId: 'publishCallDown',
        tags,
        summary:
          'Publish the call-down plan: the round becomes published and each building (residents and relay contact) is told at its call time',
        params: ZRoundParams,
        response: { 200: ZCallDownPlan, ...errorResponses },
      },
    },
    async (req) =>
      publishCallDown(deps, await communityActor(req, req.params.communityId), req.params.roundId),
  );
}
