import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZCodeCards,
  ZCodeCardsQuery,
  ZLaneSetup,
  ZMyTestingCodes,
  ZOpenTube,
  ZRecordedSample,
  ZRecordSample,
  ZRoundParams,
  ZSamplingResidentQuery,
  ZSamplingResidents,
  ZTube,
  ZTubeParams,
} from '../../../shared/api/testing-scans.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { getMyTestingCodes, printHouseholdCodeCards } from './personal-codes.ts';
import {
  closeTube,
  findResidentsForSampling,
  getLaneSetup,
  openTube,
  recordSample,
} from './scanning.service.ts';

const base = '/api/communities/:communityId';
const round = `${base}/testing-rounds/:roundId`;

export async function testingScanRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['testing'];
  const actor = (req: { params: { communityId: string } }) =>
    communityActor(req as Parameters<typeof communityActor>[0], req.params.communityId);

  r.get(
    `${base}/my/testing-codes`,
    {
      schema: {
        operationId: 'getMyTestingCodes',
        tags,
        summary:
          "My household's members with their personal codes (made the first time), for the lane to scan",
        params: ZCommunityParams,
        response: { 200: ZMyTestingCodes, ...errorResponses },
      },
    },
    async (req) => getMyTestingCodes(deps, await actor(req)),
  );
  r.get(
    `${base}/testing-code-cards`,
    {
      schema: {
        operationId: 'printHouseholdCodeCards',
        tags,
        summary: "A building's households with their members' personal codes, for printed code cards",
        params: ZCommunityParams,
        querystring: ZCodeCardsQuery,
        response: { 200: ZCodeCards, ...errorResponses },
      },
    },
    async (req) => printHouseholdCodeCards(deps, await actor(req), req.query),
  );
  r.get(
    `${base}/testing-lane-setup`,
    {
      schema: {
        operationId: 'getLaneSetup',
        tags,
        summary: 'The testing rounds a lane can scan into (running first, then published), with their gates',
        params: ZCommunityParams,
        response: { 200: ZLaneSetup, ...errorResponses },
      },
    },
    async (req) => getLaneSetup(deps, await actor(req)),
  );
  r.post(
    `${round}/tubes`,
    {
      schema: {
        operationId: 'openTube',
        tags,
        summary:
          'Open a pooled tube by its barcode at a lane (gate and lane) or door to door; a barcode is used once',
        params: ZRoundParams,
        body: ZOpenTube,
        response: { 201: ZTube, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await openTube(deps, await actor(req), req.params.roundId, req.body)),
  );
  r.post(
    `${round}/tubes/:tubeId/samples`,
    {
      schema: {
        operationId: 'recordSample',
        tags,
        summary:
          'Scan a resident (personal code or id) into an open tube; the same clientKey again returns the first answer',
        params: ZTubeParams,
        body: ZRecordSample,
        response: { 201: ZRecordedSample, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordSample(deps, await actor(req), req.params.roundId, req.params.tubeId, req.body)),
  );
  r.post(
    `${round}/tubes/:tubeId/close`,
    {
      schema: {
        operationId: 'closeTube',
        tags,
        summary: 'Close a tube by hand before it is full',
        params: ZTubeParams,
        response: { 200: ZTube, ...errorResponses },
      },
    },
    async (req) => closeTube(deps, await actor(req), req.params.roundId, req.params.tubeId),
  );
  r.get(
    `${round}/sampling-residents`,
    {
      schema: {
        operationId: 'findResidentsForSampling',
        tags,
        summary:
          'Residents by building, room and name (for those without a code), with their sample in the round',
        params: ZRoundParams,
        querystring: ZSamplingResidentQuery,
        response: { 200: ZSamplingResidents, ...errorResponses },
      },
    },
    async (req) => findResidentsForSampling(deps, await actor(req), req.params.roundId, req.query),
  );
}
