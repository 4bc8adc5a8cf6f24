import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ZPublicAnnouncementList,
  ZPublicAnnouncementParams,
  ZPublicCommunityParams,
} from '../../../shared/api/announcements.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { getPublicNoticeImage, listPublicNotices } from './announcements-public.service.ts';

const base = '/api/public/communities/:slug/announcements';

/** The public notice board (no sign-in): for residents without an account, and for printing. */
export async function publicAnnouncementRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['announcements'];

  r.get(
    base,
    {
      schema: {
        operationId: 'listPublicAnnouncements',
        tags,
        summary:
          "Public, no sign-in: a community's published, public, unexpired announcements (pinned first); no personal data",
        params: ZPublicCommunityParams,
        response: { 200: ZPublicAnnouncementList, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-cache');
      return listPublicNotices(deps, req.params.slug);
    },
  );
  r.get(
    `${base}/:announcementId/image`,
    {
      schema: {
        operationId: 'getPublicAnnouncementImage',
        tags,
        summary: "Public, no sign-in: a public announcement's image (404 once withdrawn or expired)",
        params: ZPublicAnnouncementParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: z.any().describe('the image'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const image = await getPublicNoticeImage(deps, req.params.slug, req.params.announcementId);
      return reply
        .type(image.mimeType)
        .header('cache-control', 'no-cache')
        .header('content-disposition', 'inline')
        .send(Buffer.from(image.content));
    },
  );
}
