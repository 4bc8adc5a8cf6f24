import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZClearanceBoard,
  ZClearanceBoardQuery,
  ZClosedParcelDay,
  ZCloseParcelDay,
  ZOutstandingParcels,
  ZParcelDayParams,
  ZParcelDays,
  ZParcelDaysQuery,
} from '../../../shared/api/parcel-clearance.ts';
import { ZParcelSettings } from '../../../shared/api/parcel-settings.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { closeParcelDay, getClearanceBoard, listParcelDayLeftovers } from './clearance.service.ts';
import { listParcelDays } from './parcel-days.service.ts';
import { getParcelSettings, setParcelSettings } from './parcel-settings.service.ts';

const base = '/api/communities/:communityId';

/** The daily clearance board (日清日结): the day's figures, closing a day, and the history. */
export async function parcelClearanceRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['parcels'];

  r.get(
    `${base}/parcel-settings`,
    {
      schema: {
        operationId: 'getParcelSettings',
        tags,
        summary:
          'When parcels delivered to a building and not picked up are flagged and their household told again',
        params: ZCommunityParams,
        response: { 200: ZParcelSettings, ...errorResponses },
      },
    },
    async (req) => getParcelSettings(deps, await communityActor(req, req.params.communityId)),
  );
  r.put(
    `${base}/parcel-settings`,
    {
      schema: {
        operationId: 'setParcelSettings',
        tags,
        summary: 'Sets the pickup reminder time (30 minutes to 2 days): parcels leaders and coordinators',
        params: ZCommunityParams,
        body: ZParcelSettings,
        response: { 200: ZParcelSettings, ...errorResponses },
      },
    },
    async (req) => setParcelSettings(deps, await communityActor(req, req.params.communityId), req.body),
  );
  r.get(
    `${base}/parcel-board`,
    {
      schema: {
        operationId: 'getClearanceBoard',
        tags,
        summary:
          "A local day's clearance board (default: the community's today): per building, the unassigned bin and the compound, parcels received, delivered and picked up that day; still waiting or on a run now (parcels of earlier days count too, as carried over) with the oldest arrival; flagged (reminded, not picked up); whether the day is closed",
        params: ZCommunityParams,
        querystring: ZClearanceBoardQuery,
        response: { 200: ZClearanceBoard, ...errorResponses },
      },
    },
    async (req) => getClearanceBoard(deps, await communityActor(req, req.params.communityId), req.query.day),
  );
  r.get(
    `${base}/parcel-days/:day/leftovers`,
    {
      schema: {
        operationId: 'listParcelDayLeftovers',
        tags,
        summary:
          'The parcels received on or before the day that are not yet delivered to their building: each needs a reason to close the day',
        params: ZParcelDayParams,
        response: { 200: ZOutstandingParcels, ...errorResponses },
      },
    },
    async (req) =>
      listParcelDayLeftovers(deps, await communityActor(req, req.params.communityId), req.params.day),
  );
  r.post(
    `${base}/parcel-days`,
    {
      schema: {
        operationId: 'closeParcelDay',
        tags,
        summary:
          'Close a day (日结): refused with 409 and the parcels concerned unless every parcel of the day or carried into it has reached its building or has a reason; leftovers keep their status and are delivered the next day. Coordinators and the parcels group’s leaders.',
        params: ZCommunityParams,
        body: ZCloseParcelDay,
        response: { 201: ZClosedParcelDay, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await closeParcelDay(deps, await communityActor(req, req.params.communityId), req.body)),
  );
  r.get(
    `${base}/parcel-days`,
    {
      schema: {
        operationId: 'listParcelDays',
        tags,
        summary:
          'History per local day (default: the last 30 days), oldest first: parcels received, delivered to the building and picked up; delivered per volunteer-hour, where the hours are those of the parcels group’s shifts starting that day, worked by check-in and check-out when attendance was taken on a shift, else its confirmed sign-ups times its length (hoursBasis says which); median minutes from the gate to the building of the parcels delivered that day. Closed days as recorded at the close, open days computed now.',
        params: ZCommunityParams,
        querystring: ZParcelDaysQuery,
        response: { 200: ZParcelDays, ...errorResponses },
      },
    },
    async (req) => listParcelDays(deps, await communityActor(req, req.params.communityId), req.query),
  );
}
