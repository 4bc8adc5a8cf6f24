import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZCreateMedicineRequest,
  ZMedicineRequestDetail,
  ZMedicineRequestList,
  ZMedicineRequestListQuery,
  ZMedicineRequestParams,
  ZMedicineRequestRow,
  ZMedicineResidentChoices,
  ZMedicineResidentQuery,
  ZTriageMedicineRequest,
  ZUpdateMedicineRequestStatus,
} from '../../../shared/api/medicine.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import './medicine-escalation.ts';
import { listMedicineResidents } from './medicine-intake.service.ts';
import {
  createMedicineRequest,
  getMedicineRequest,
  listMedicineRequests,
} from './medicine-requests.service.ts';
import { triageMedicineRequest, updateMedicineRequestStatus } from './medicine-status.service.ts';

const base = '/api/communities/:communityId';

/** Medicine requests (配药): asking, the queue, one request's details, triage and the status flow. */
export async function medicineRequestRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['medicine'];

  r.post(
    `${base}/medicine-requests`,
    {
      schema: {
        operationId: 'createMedicineRequest',
        tags,
        summary:
          "Ask for medicine: a resident for their household, the medicine group, coordinators or staff on a resident's behalf (written: from the written conversation). Triaged at once, with a deadline",
        params: ZCommunityParams,
        body: ZCreateMedicineRequest,
        response: { 201: ZMedicineRequestRow, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createMedicineRequest(deps, await communityActor(req, req.params.communityId), req.body)),
  );
  r.get(
    `${base}/medicine-requests`,
    {
      schema: {
        operationId: 'listMedicineRequests',
        tags,
        summary:
          "Medicine requests, overdue first then by deadline: all for the medicine group, coordinators and staff, the household's own for a resident. Not audited (no medical file in a row); mine = assigned to me",
        params: ZCommunityParams,
        querystring: ZMedicineRequestListQuery,
        response: { 200: ZMedicineRequestList, ...errorResponses },
      },
    },
    async (req) => listMedicineRequests(deps, await communityActor(req, req.params.communityId), req.query),
  );
  r.get(
    `${base}/medicine-requests/:requestId`,
    {
      schema: {
        operationId: 'getMedicineRequest',
        tags,
        summary:
          'One medicine request with its history and photo ids; every call is audited (medicine.view). 404 to anyone who may not see it',
        params: ZMedicineRequestParams,
        response: { 200: ZMedicineRequestDetail, ...errorResponses },
      },
    },
    async (req) =>
      getMedicineRequest(deps, await communityActor(req, req.params.communityId), req.params.requestId),
  );
  r.post(
    `${base}/medicine-requests/:requestId/triage`,
    {
      schema: {
        operationId: 'triageMedicineRequest',
        tags,
        summary:
          "A medicine leader or coordinator sets the urgency with a reason; the deadline is counted again from the request's creation",
        params: ZMedicineRequestParams,
        body: ZTriageMedicineRequest,
        response: { 200: ZMedicineRequestRow, ...errorResponses },
      },
    },
    async (req) =>
      triageMedicineRequest(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.requestId,
        req.body,
      ),
  );
  r.post(
    `${base}/medicine-requests/:requestId/status`,
    {
      schema: {
        operationId: 'updateMedicineRequestStatus',
        tags,
        summary:
          'Move a request on (triaged → assigned → purchasing → delivered → confirmed, or cancelled / unavailable with a reason). 409 with the allowed next steps otherwise. A substitution is accepted by the household with acceptSubstitution: true when it confirms',
        params: ZMedicineRequestParams,
        body: ZUpdateMedicineRequestStatus,
        response: { 200: ZMedicineRequestRow, ...errorResponses },
      },
    },
    async (req) =>
      updateMedicineRequestStatus(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.requestId,
        req.body,
      ),
  );
  r.get(
    `${base}/medicine-residents`,
    {
      schema: {
        operationId: 'listMedicineResidents',
        tags,
        summary:
          'Residents to ask for on their behalf, vulnerable first, by building / room / name: building, room, name, flags, birth decade and open requests (no phone, no ID number)',
        params: ZCommunityParams,
        querystring: ZMedicineResidentQuery,
        response: { 200: ZMedicineResidentChoices, ...errorResponses },
      },
    },
    async (req) => listMedicineResidents(deps, await communityActor(req, req.params.communityId), req.query),
  );
}
