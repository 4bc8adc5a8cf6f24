import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ANNOUNCEMENT_IMAGE_MAX_BYTES,
  ZAnnouncementDetail,
  ZAnnouncementImage,
  ZAnnouncementList,
  ZAnnouncementListQuery,
  ZAnnouncementParams,
  ZMarkAnnouncementReadResult,
  ZPublishAnnouncement,
  ZReadReceipts,
} from '../../../shared/api/announcements.ts';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { communityActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/app-error.ts';
import { authorize } from '../../platform/authorize.ts';
import { publicOrigin } from '../../platform/public-url.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { getAnnouncementImage, uploadAnnouncementImage } from './announcement-images.service.ts';
import { announcementActions } from './announcements.policy.ts';
import { publishAnnouncement, withdrawAnnouncement } from './announcements.service.ts';
import { noticeBoardQr } from './announcements-public.service.ts';
import {
  getAnnouncement,
  getReadReceipts,
  listAnnouncements,
  markAnnouncementRead,
} from './announcements-reading.service.ts';

const base = '/api/communities/:communityId/announcements';
const one = `${base}/:announcementId`;

/**
 * The multipart body's one image, read whole, as medicine photos are read: over 5 MB, a second file or
 * none at all is refused before anything is looked at.
 */
async function readOneImage(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError('MALFORMED_REQUEST', { reason: 'multipart/form-data' });
  const files: Buffer[] = [];
  try {
    for await (const part of req.parts({ limits: { fileSize: ANNOUNCEMENT_IMAGE_MAX_BYTES, files: 2 } })) {
      if (part.type !== 'file') continue;
      files.push(await part.toBuffer());
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('ANNOUNCEMENT_IMAGE_TOO_LARGE');
    if (code === 'FST_FILES_LIMIT') throw new AppError('ANNOUNCEMENT_IMAGE_ONE_AT_A_TIME');
    throw err;
  }
  if (files.length > 1) throw new AppError('ANNOUNCEMENT_IMAGE_ONE_AT_A_TIME');
  if (files.length === 0) throw new AppError('ANNOUNCEMENT_IMAGE_EMPTY');
  return files[0]!;
}

/** Announcements (通知公告): publish to an audience, read, receipts per building, the image, the poster's QR. */
export async function announcementRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['announcements'];
  const actor = (req: FastifyRequest<{ Params: { communityId: string } }>) =>
    communityActor(req, req.params.communityId);

  r.get(
    base,
    {
      schema: {
        operationId: 'listAnnouncements',
        tags,
        summary:
          'Announcements that reached the caller (all of them, with reach and read counts, for coordinators, staff and the publicity group): pinned first, then newest; expired ones only with past=true',
        params: ZCommunityParams,
        querystring: ZAnnouncementListQuery,
        response: { 200: ZAnnouncementList, ...errorResponses },
      },
    },
    async (req) => listAnnouncements(deps, await actor(req), req.query),
  );
  r.post(
    base,
    {
      schema: {
        operationId: 'publishAnnouncement',
        tags,
        summary:
          'Publish to everyone, zones, buildings, one group or the vulnerable residents (coordinators, staff, the publicity group): receipts for each account reached, a notice to each, relay tasks per building, in one transaction',
        params: ZCommunityParams,
        body: ZPublishAnnouncement,
        response: { 201: ZAnnouncementDetail, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await publishAnnouncement(deps, await actor(req), req.body)),
  );
  r.get(
    `${base}/qr.png`,
    {
      schema: {
        operationId: 'getNoticeBoardQr',
        tags,
        summary: "The QR code (PNG) of the community's public notice page, for the notice-board poster",
        params: ZCommunityParams,
        produces: ['image/png'],
        response: { 200: z.any().describe('PNG image'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const png = await noticeBoardQr(deps, await actor(req), publicOrigin(req));
      return reply.type('image/png').header('cache-control', 'no-store').send(png);
    },
  );
  r.get(
    one,
    {
      schema: {
        operationId: 'getAnnouncement',
        tags,
        summary:
          'One announcement with its text: to those it reached, the relay contacts asked to pass it on, and those who publish; 404 to anyone else',
        params: ZAnnouncementParams,
        response: { 200: ZAnnouncementDetail, ...errorResponses },
      },
    },
    async (req) => getAnnouncement(deps, await actor(req), req.params.announcementId),
  );
  r.post(
    `${one}/read`,
    {
      schema: {
        operationId: 'markAnnouncementRead',
        tags,
        summary: 'Mark it read (idempotent: the first time is kept), and the inbox notice that announced it',
        params: ZAnnouncementParams,
        response: { 200: ZMarkAnnouncementReadResult, ...errorResponses },
      },
    },
    async (req) => markAnnouncementRead(deps, await actor(req), req.params.announcementId),
  );
  r.post(
    `${one}/withdraw`,
    {
      schema: {
        operationId: 'withdrawAnnouncement',
        tags,
        summary:
          'Withdraw it from every list and the public page (receipts stay); 409 when already withdrawn',
        params: ZAnnouncementParams,
        response: { 200: ZAnnouncementDetail, ...errorResponses },
      },
    },
    async (req) => withdrawAnnouncement(deps, await actor(req), req.params.announcementId),
  );
  r.get(
    `${one}/receipts`,
    {
      schema: {
        operationId: 'getReadReceipts',
        tags,
        summary:
          'Read receipts per building: reached, read, who has not read (mobiles masked), and the relay task status when one was made; coordinators, staff and the publicity group',
        params: ZAnnouncementParams,
        response: { 200: ZReadReceipts, ...errorResponses },
      },
    },
    async (req) => getReadReceipts(deps, await actor(req), req.params.announcementId),
  );
  r.post(
    `${one}/image`,
    {
      schema: {
        operationId: 'uploadAnnouncementImage',
        tags,
        summary:
          'Add (or replace) the image (multipart, one file): JPEG, PNG or WebP by its bytes, at most 5 MB, stored without its metadata',
        consumes: ['multipart/form-data'],
        params: ZAnnouncementParams,
        response: {
          201: ZAnnouncementImage,
          413: errorResponses[400],
          415: errorResponses[400],
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const a = await actor(req);
      // The role check before the upload is read: a caller the table refuses gets 403 at once, not after
      // the server has taken in up to 5 MB (the service then checks the rest of their standing).
      authorize(a, announcementActions['announcements.publish']);
      const data = await readOneImage(req);
      return reply.status(201).send(await uploadAnnouncementImage(deps, a, req.params.announcementId, data));
    },
  );
  r.get(
    `${one}/image`,
    {
      schema: {
        operationId: 'getAnnouncementImage',
        tags,
        summary: "The announcement's image, to whoever may open the announcement",
        params: ZAnnouncementParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: z.any().describe('the image'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const image = await getAnnouncementImage(deps, await actor(req), req.params.announcementId);
      return reply
        .type(image.mimeType)
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', 'inline')
        .send(Buffer.from(image.content));
    },
  );
}
