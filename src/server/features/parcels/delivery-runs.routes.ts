import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZConfirmDeliveryRuns,
  ZDeliveryPlan,
  ZDeliveryPlanning,
  ZDeliveryRunList,
  ZDeliveryRunsQuery,
  ZMoveDeliveryStop,
  ZPlanDeliveryRuns,
} from '../../../shared/api/delivery-runs.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { confirmDeliveryRuns } from './delivery-confirm.service.ts';
import { getDeliveryPlanning, listDeliveryRuns, planRuns } from './delivery-plan.service.ts';
import { moveDeliveryStop } from './delivery-plan-edits.service.ts';

const base = '/api/communities/:communityId';

/** Planning delivery runs: the leader's page, a draft plan, moves within it, and its confirmation. */
export async function deliveryRunRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['parcels'];

  r.get(
    `${base}/delivery-planning`,
    {
      schema: {
        operationId: 'getDeliveryPlanning',
        tags,
        summary:
          "What planning needs: today's parcel shifts and their crew with vehicles, default capacities, gates, waiting parcels per building, the draft and the confirmed runs",
        params: ZCommunityParams,
        response: { 200: ZDeliveryPlanning, ...errorResponses },
      },
    },
    async (req) => getDeliveryPlanning(deps, await communityActor(req, req.params.communityId)),
  );
  r.post(
    `${base}/delivery-plans`,
    {
      schema: {
        operationId: 'planDeliveryRuns',
        tags,
        summary:
          'Plan runs for every building with waiting parcels on the vehicles at hand; the draft replaces earlier drafts and attaches nothing yet',
        params: ZCommunityParams,
        body: ZPlanDeliveryRuns,
        response: { 201: ZDeliveryPlan, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await planRuns(deps, await communityActor(req, req.params.communityId), req.body)),
  );
  r.post(
    `${base}/delivery-plans/move-stop`,
    {
      schema: {
        operationId: 'moveDeliveryStop',
        tags,
        summary:
          'Move a building of a draft plan to another run (or a new run of a vehicle), where it adds the least distance',
        params: ZCommunityParams,
        body: ZMoveDeliveryStop,
        response: { 200: ZDeliveryPlan, ...errorResponses },
      },
    },
    async (req) => moveDeliveryStop(deps, await communityActor(req, req.params.communityId), req.body),
  );
  r.post(
    `${base}/delivery-plans/confirm`,
    {
      schema: {
        operationId: 'confirmDeliveryRuns',
        tags,
        summary:
          "Confirm a draft plan: every parcel still waiting at a stop's building goes on its run, or nothing changes",
        params: ZCommunityParams,
        body: ZConfirmDeliveryRuns,
        response: { 200: ZDeliveryPlan, ...errorResponses },
      },
    },
    async (req) => confirmDeliveryRuns(deps, await communityActor(req, req.params.communityId), req.body),
  );
  r.get(
    `${base}/delivery-runs`,
    {
      schema: {
        operationId: 'listDeliveryRuns',
        tags,
        summary: 'Delivery runs of a local day (today unless asked): status, rider, stops in riding order',
        params: ZCommunityParams,
        querystring: ZDeliveryRunsQuery,
        response: { 200: ZDeliveryRunList, ...errorResponses },
      },
    },
    async (req) => listDeliveryRuns(deps, await communityActor(req, req.params.communityId), req.query.day),
  );
}
