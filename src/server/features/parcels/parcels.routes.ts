import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZParcelBins,
  ZParcelBinsQuery,
  ZParcelList,
  ZParcelQuery,
  ZReceivedParcels,
  ZReceiveParcels,
} from '../../../shared/api/parcels.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { listParcelBins, listParcels } from './bins.service.ts';
import { receiveParcels } from './intake.service.ts';

const base = '/api/communities/:communityId';

export async function parcelRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['parcels'];

  r.post(
    `${base}/parcels`,
    {
      schema: {
        operationId: 'receiveParcels',
        tags,
        summary:
          'Record parcels at the gate (scanned or typed, or "N parcels for building X"): all land or none; a waybill already recorded is refused',
        params: ZCommunityParams,
        body: ZReceiveParcels,
        response: { 201: ZReceivedParcels, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await receiveParcels(deps, await communityActor(req, req.params.communityId), req.body)),
  );
  r.get(
    `${base}/parcels`,
    {
      schema: {
        operationId: 'listParcels',
        tags,
        summary:
          'Parcels, newest first, by day, bin (a building id or "unassigned"), status or part of a waybill',
        params: ZCommunityParams,
        querystring: ZParcelQuery,
        response: { 200: ZParcelList, ...errorResponses },
      },
    },
    async (req) => listParcels(deps, await communityActor(req, req.params.communityId), req.query),
  );
  r.get(
    `${base}/parcel-bins`,
    {
      schema: {
        operationId: 'listParcelBins',
        tags,
        summary: "Each building's bin and the unassigned bin: parcels waiting and the oldest arrival",
        params: ZCommunityParams,
        querystring: ZParcelBinsQuery,
        response: { 200: ZParcelBins, ...errorResponses },
      },
    },
    async (req) => listParcelBins(deps, await communityActor(req, req.params.communityId), req.query.day),
  );
}
