import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZMarkNotificationsRead,
  ZMarkNotificationsReadResult,
  ZNotificationList,
  ZNotificationQuery,
} from '../../../shared/api/notifications.ts';
import { communityActor } from '../../platform/actor.ts';
// Loading the worker registers the inbox channel and the delivery tasks.
import '../../platform/notice-worker.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import * as service from './notifications.service.ts';

export async function notificationRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    '/api/communities/:communityId/notifications',
    {
      schema: {
        operationId: 'listNotifications',
        tags: ['notifications'],
        summary: "The caller's notices in this community, newest first, with the unread count",
        params: ZCommunityParams,
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationList, ...errorResponses },
      },
    },
    async (req) =>
      service.listNotifications(
        app.deps,
        await communityActor(req, req.params.communityId),
        req.query,
        req.locale,
      ),
  );
  r.post(
    '/api/communities/:communityId/notifications/read',
    {
      schema: {
        operationId: 'markNotificationsRead',
        tags: ['notifications'],
        summary: "Marks the caller's notices read: the ids given, or all",
        params: ZCommunityParams,
        body: ZMarkNotificationsRead,
        response: { 200: ZMarkNotificationsReadResult, ...errorResponses },
      },
    },
    async (req) =>
      service.markNotificationsRead(app.deps, await communityActor(req, req.params.communityId), req.body),
  );
}
