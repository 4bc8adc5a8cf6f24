import type { FastifyInstance } from 'fastify';
import {
  ZAppliedLaneSwitch,
  ZApplyLaneSwitch,
  ZGateParams,
  ZGateQueue,
  ZLaneAdvice,
  ZLaneSwitchList,
  ZRecordQueueCount,
} from '../../../shared/api/testing-live.ts';
import { ZRoundParams } from '../../../shared/api/testing-rounds.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { applyLaneSwitch, getLaneAdvice, listLaneSwitches, recordQueueCount } from './live-queues.service.ts';

const round = '/api/communities/:communityId/testing-rounds/:roundId';

export async function testingLiveRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['testing'];
  const actor = (req: { params: { communityId: string } }) =>
    communityActor(req as Parameters<typeof communityActor>[0], req.params.communityId);

  r.post(
    `${round}/gates/:gateId/queue`,
    {
      schema: {
        operationId: 'recordQueueCount',
        tags,
        summary:
          "Report a gate's queue: the number counted ({ queue }) or one tap of −/+ ({ delta }); never below 0. The first report starts a published round",
        params: ZGateParams,
        body: ZRecordQueueCount,
        response: { 200: ZGateQueue, ...errorResponses },
      },
    },
    async (req) => recordQueueCount(deps, await actor(req), req.params.roundId, req.params.gateId, req.body),
  );
  r.get(
    `${round}/lane-advice`,
    {
      schema: {
        operationId: 'getLaneAdvice',
        tags,
        summary:
          'Per gate: queue, lanes, throughput of the last 10 minutes and residents still to come; and whether moving a lane now ends the round sooner',
        params: ZRoundParams,
        response: { 200: ZLaneAdvice, ...errorResponses },
      },
    },
    async (req) => getLaneAdvice(deps, await actor(req), req.params.roundId),
  );
  r.post(
    `${round}/lane-switches`,
    {
      schema: {
        operationId: 'applyLaneSwitch',
        tags,
        summary: 'Move lanes (one by default) from one gate to another; the giving gate never goes below 0',
        params: ZRoundParams,
        body: ZApplyLaneSwitch,
        response: { 201: ZAppliedLaneSwitch, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await applyLaneSwitch(deps, await actor(req), req.params.roundId, req.body)),
  );
  r.get(
    `${round}/lane-switches`,
    {
      schema: {
        operationId: 'listLaneSwitches',
        tags,
        summary: "The round's lane history: every lane switch, oldest first",
        params: ZRoundParams,
        response: { 200: ZLaneSwitchList, ...errorResponses },
      },
    },
    async (req) => listLaneSwitches(deps, await actor(req), req.params.roundId),
  );
}
