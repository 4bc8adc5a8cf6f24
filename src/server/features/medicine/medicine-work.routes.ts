import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { ZMedicineRequestParams } from '../../../shared/api/medicine.ts';
import {
  MEDICINE_PHOTO_MAX_BYTES,
  ZAssignedMedicineRequests,
  ZAssignMedicineRequests,
  ZCareContact,
  ZCareFollowUpList,
  ZCareFollowUpQuery,
  ZMedicineAssigneeList,
  ZMedicineAttachment,
  ZMedicineAttachmentParams,
  ZMedicineTripList,
  ZMedicineTripListQuery,
  ZPlanMedicineTrips,
  ZRecordCareContact,
  ZUploadMedicineAttachmentQuery,
} from '../../../shared/api/medicine-work.ts';
import { communityActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/app-error.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { listCareFollowUps, recordCareContact } from './care-follow-up.service.ts';
import './care-reminders.ts';
import { authorize } from '../../platform/authorize.ts';
import { medicineActions } from './medicine.policy.ts';
import { assignMedicineRequests, listMedicineAssignees } from './medicine-assignment.service.ts';
import { getMedicineAttachment, uploadMedicineAttachment } from './medicine-attachments.service.ts';
import { listMedicineTrips, planMedicineTrips } from './medicine-trips.service.ts';

const base = '/api/communities/:communityId';

/**
 * The multipart body's one photo, read whole. A photo over 10 MB, a second file, or no file at all is
 * refused before anything is looked at, let alone stored.
 */
export async function readOnePhoto(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError('MALFORMED_REQUEST', { reason: 'multipart/form-data' });
  const files: Buffer[] = [];
  try {
    for await (const part of req.parts({ limits: { fileSize: MEDICINE_PHOTO_MAX_BYTES, files: 2 } })) {
      if (part.type !== 'file') continue;
      files.push(await part.toBuffer());
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('MEDICINE_PHOTO_TOO_LARGE');
    if (code === 'FST_FILES_LIMIT') throw new AppError('MEDICINE_PHOTO_ONE_AT_A_TIME');
    throw err;
  }
  if (files.length > 1) throw new AppError('MEDICINE_PHOTO_ONE_AT_A_TIME');
  if (files.length === 0) throw new AppError('MEDICINE_PHOTO_EMPTY');
  return files[0]!;
}

export async function medicineWorkRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['medicine'];

  r.post(
    `${base}/medicine-requests/:requestId/attachments`,
    {
      schema: {
        operationId: 'uploadMedicineAttachment',
        tags,
        summary:
          'Add a photo to a request (multipart, one file; kind in the query): JPEG, PNG or WebP by its bytes, at most 10 MB, stored with its location and all other metadata removed. The household adds prescription, insurance card and box; the medicine group and coordinators any kind',
        consumes: ['multipart/form-data'],
        params: ZMedicineRequestParams,
        querystring: ZUploadMedicineAttachmentQuery,
        response: {
          201: ZMedicineAttachment,
          413: errorResponses[400],
          415: errorResponses[400],
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = await communityActor(req, req.params.communityId);
      // The role check before the upload is read: a caller the table refuses gets 403 at once, not after
      // the server has taken in up to 10 MB (the service then checks the rest of their standing).
      authorize(actor, medicineActions['medicine.attachment.upload']);
      const data = await readOnePhoto(req);
      const stored = await uploadMedicineAttachment(deps, actor, req.params.requestId, req.query.kind, {
        data,
      });
      return reply.status(201).send(stored);
    },
  );
  r.get(
    `${base}/medicine-requests/:requestId/attachments/:attachmentId`,
    {
      schema: {
        operationId: 'getMedicineAttachment',
        tags,
        summary:
          "A request's photo, to those who may see the request's details (never cached, never public); every view is audited",
        params: ZMedicineAttachmentParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        // Buffers bypass the serializer; the schema only documents the binary body.
        response: { 200: z.any().describe('the photo'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = await communityActor(req, req.params.communityId);
      const photo = await getMedicineAttachment(deps, actor, req.params.requestId, req.params.attachmentId);
      return reply
        .type(photo.mimeType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline')
        .send(Buffer.from(photo.content));
    },
  );

  r.get(
    `${base}/medicine-assignees`,
    {
      schema: {
        operationId: 'listMedicineAssignees',
        tags,
        summary:
          "The medicine group's approved volunteers to assign requests to: vehicles first, then the least busy (requests they carry)",
        params: ZCommunityParams,
        response: { 200: ZMedicineAssigneeList, ...errorResponses },
      },
    },
    async (req) => listMedicineAssignees(deps, await communityActor(req, req.params.communityId)),
  );
  r.post(
    `${base}/medicine-requests/assign`,
    {
      schema: {
        operationId: 'assignMedicineRequests',
        tags,
        summary:
          'Assign triaged requests to an approved volunteer of the medicine group (403 otherwise), all or none (409 naming a request that is not triaged); the volunteer is told',
        params: ZCommunityParams,
        body: ZAssignMedicineRequests,
        response: { 200: ZAssignedMedicineRequests, ...errorResponses },
      },
    },
    async (req) => assignMedicineRequests(deps, await communityActor(req, req.params.communityId), req.body),
  );

  r.post(
    `${base}/medicine-trips/plan`,
    {
      schema: {
        operationId: 'planMedicineTrips',
        tags,
        summary:
          'Group every open request (triaged or assigned, not on a trip) by hospital or pharmacy into trips, one drive each, optionally with a driver from the medicine group (who is told)',
        params: ZCommunityParams,
        body: ZPlanMedicineTrips,
        response: { 201: ZMedicineTripList, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await planMedicineTrips(deps, await communityActor(req, req.params.communityId), req.body)),
  );
  r.get(
    `${base}/medicine-trips`,
    {
      schema: {
        operationId: 'listMedicineTrips',
        tags,
        summary:
          'Trips with their requests (drug, quantity, for whom: building and room), for the drivers and leaders; audited',
        params: ZCommunityParams,
        querystring: ZMedicineTripListQuery,
        response: { 200: ZMedicineTripList, ...errorResponses },
      },
    },
    async (req) => listMedicineTrips(deps, await communityActor(req, req.params.communityId), req.query),
  );

  r.get(
    `${base}/care-follow-ups`,
    {
      schema: {
        operationId: 'listCareFollowUps',
        tags,
        summary:
          'The care list: vulnerable residents with their last contact, open requests and chronic medicines running out within `days`; audited',
        params: ZCommunityParams,
        querystring: ZCareFollowUpQuery,
        response: { 200: ZCareFollowUpList, ...errorResponses },
      },
    },
    async (req) => listCareFollowUps(deps, await communityActor(req, req.params.communityId), req.query),
  );
  r.post(
    `${base}/care-contacts`,
    {
      schema: {
        operationId: 'recordCareContact',
        tags,
        summary:
          'Log a call or a visit to a resident (the medicine group): their last contact on the care list',
        params: ZCommunityParams,
        body: ZRecordCareContact,
        response: { 201: ZCareContact, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordCareContact(deps, await communityActor(req, req.params.communityId), req.body)),
  );
}
