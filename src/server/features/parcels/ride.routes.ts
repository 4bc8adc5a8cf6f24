import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZConfirmPickup,
  ZMyParcels,
  ZMyRuns,
  ZPickup,
  ZPickupQuery,
  ZRiderRun,
  ZRunParams,
  ZRunStopParams,
  ZStopDelivered,
} from '../../../shared/api/parcel-rides.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { markStopDelivered } from './deliver-stop.service.ts';
import { confirmPickup, findPickupParcels, listMyParcels } from './pickup.service.ts';
import { listMyRuns, startRun } from './ride.service.ts';
// Registers the reminder task with the server's background timers.
import './parcel-reminders.ts';

const base = '/api/communities/:communityId';

/** Riding a confirmed run, the pickup codes it hands out, and the pickup (issue 5, items 3 and 4). */
export async function parcelRideRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['parcels'];

  r.get(
    `${base}/my-runs`,
    {
      schema: {
        operationId: 'listMyRuns',
        tags,
        summary:
          "The signed-in rider's delivery runs of today, stops in riding order with their parcels by room, and the site plan",
        params: ZCommunityParams,
        response: { 200: ZMyRuns, ...errorResponses },
      },
    },
    async (req) => listMyRuns(deps, await communityActor(req, req.params.communityId)),
  );
  r.post(
    `${base}/delivery-runs/:runId/start`,
    {
      schema: {
        operationId: 'startRun',
        tags,
        summary:
          'Start a confirmed run (its rider, a parcels leader or a coordinator); a run already under way is answered as it is',
        params: ZRunParams,
        response: { 200: ZRiderRun, ...errorResponses },
      },
    },
    async (req) => startRun(deps, await communityActor(req, req.params.communityId), req.params.runId),
  );
  r.post(
    `${base}/delivery-runs/:runId/stops/:seq/delivered`,
    {
      schema: {
        operationId: 'markStopDelivered',
        tags,
        summary:
          "Mark a stop's building delivered: its parcels get pickup codes, every household and the relay contact are told; marking it again answers the same and tells nobody twice",
        params: ZRunStopParams,
        response: { 200: ZStopDelivered, ...errorResponses },
      },
    },
    async (req) =>
      markStopDelivered(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.runId,
        req.params.seq,
      ),
  );
  r.get(
    `${base}/parcel-pickups`,
    {
      schema: {
        operationId: 'findPickupParcels',
        tags,
        summary:
          'The parcels a building and pickup code stand for, before handing them over; nothing is written',
        params: ZCommunityParams,
        querystring: ZPickupQuery,
        response: { 200: ZPickup, ...errorResponses },
      },
    },
    async (req) => findPickupParcels(deps, await communityActor(req, req.params.communityId), req.query),
  );
  r.post(
    `${base}/parcel-pickups`,
    {
      schema: {
        operationId: 'confirmPickup',
        tags,
        summary:
          'Confirm a pickup: a resident for their own household ({ by: "household" }), or the pickup desk with building and code ({ by: "code" }); confirming again changes nothing',
        params: ZCommunityParams,
        body: ZConfirmPickup,
        response: { 200: ZPickup, ...errorResponses },
      },
    },
    async (req) => confirmPickup(deps, await communityActor(req, req.params.communityId), req.body),
  );
  r.get(
    `${base}/my-parcels`,
    {
      schema: {
        operationId: 'listMyParcels',
        tags,
        summary:
          "The signed-in person's household parcels (waiting, on a run, delivered with the pickup code, picked up) and the buildings they relay for",
        params: ZCommunityParams,
        response: { 200: ZMyParcels, ...errorResponses },
      },
    },
    async (req) => listMyParcels(deps, await communityActor(req, req.params.communityId)),
  );
}
