import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZCreateTestingRound,
  ZRoundCoverage,
  ZRoundCoverageQuery,
  ZRoundParams,
  ZSendToDoorToDoor,
  ZSentToDoorToDoor,
  ZTestingRound,
  ZTestingRoundList,
} from '../../../shared/api/testing-rounds.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { getRoundCoverage, sendToDoorToDoor } from './coverage.service.ts';
import { createTestingRound, getTestingRound, listTestingRounds } from './rounds.service.ts';

const base = '/api/communities/:communityId';

export async function testingRoundRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['testing'];

  r.post(
    `${base}/testing-rounds`,
    {
      schema: {
        operationId: 'createTestingRound',
        tags,
        summary:
          'Set up a testing round: start (community wall clock), lanes per gate, crowd limits, zone → gate, pooling; the residents who cannot come down go on the door-to-door list',
        params: ZCommunityParams,
        body: ZCreateTestingRound,
        response: { 201: ZTestingRound, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createTestingRound(deps, await communityActor(req, req.params.communityId), req.body)),
  );
  r.get(
    `${base}/testing-rounds`,
    {
      schema: {
        operationId: 'listTestingRounds',
        tags,
        summary: 'Testing rounds, latest start first, with their status and figures',
        params: ZCommunityParams,
        response: { 200: ZTestingRoundList, ...errorResponses },
      },
    },
    async (req) => listTestingRounds(deps, await communityActor(req, req.params.communityId)),
  );
  r.get(
    `${base}/testing-rounds/:roundId`,
    {
      schema: {
        operationId: 'getTestingRound',
        tags,
        summary: 'One testing round: settings, gates, zones and figures',
        params: ZRoundParams,
        response: { 200: ZTestingRound, ...errorResponses },
      },
    },
    async (req) =>
      getTestingRound(deps, await communityActor(req, req.params.communityId), req.params.roundId),
  );
  r.get(
    `${base}/testing-rounds/:roundId/coverage`,
    {
      schema: {
        operationId: 'getRoundCoverage',
        tags,
        summary:
          'Tested / expected per building and overall, residents not yet tested (vulnerable first, paged), and the door-to-door list',
        params: ZRoundParams,
        querystring: ZRoundCoverageQuery,
        response: { 200: ZRoundCoverage, ...errorResponses },
      },
    },
    async (req) =>
      getRoundCoverage(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.roundId,
        req.query,
      ),
  );
  r.post(
    `${base}/testing-rounds/:roundId/door-to-door`,
    {
      schema: {
        operationId: 'sendToDoorToDoor',
        tags,
        summary:
          'Put residents not yet tested on the door-to-door list (reason "missing"); repeating changes nothing',
        params: ZRoundParams,
        body: ZSendToDoorToDoor,
        response: { 200: ZSentToDoorToDoor, ...errorResponses },
      },
    },
    async (req) =>
      sendToDoorToDoor(deps, await communityActor(req, req.params.communityId), req.params.roundId, req.body),
  );
}
