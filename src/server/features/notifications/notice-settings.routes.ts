import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZDeadLetterList,
  ZDeadLetterParams,
  ZNoticeGateway,
  ZNoticeGatewayTest,
  ZNotificationPreferences,
  ZResendDeadLetters,
  ZResendResult,
  ZSetNoticeGateway,
  ZSetNotificationPreferences,
} from '../../../shared/api/notice-settings.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { listDeadLetters, resendDeadLetters } from './dead-letters.service.ts';
import { getNoticeGateway, setNoticeGateway, testNoticeGateway } from './notice-gateway.service.ts';
import {
  getNotificationPreferences,
  setNotificationPreferences,
} from './notification-preferences.service.ts';

const base = '/api/communities/:communityId';

/** How each person is told (channels, quiet hours), the district gateway, and the notices that failed. */
export async function noticeSettingsRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['notifications'];

  r.get(
    `${base}/notification-preferences`,
    {
      schema: {
        operationId: 'getNotificationPreferences',
        tags,
        summary:
          "The caller's channels besides the inbox (SMS / WeChat through the district gateway) and quiet hours in this community",
        params: ZCommunityParams,
        response: { 200: ZNotificationPreferences, ...errorResponses },
      },
    },
    async (req) => getNotificationPreferences(deps, await communityActor(req, req.params.communityId)),
  );
  r.put(
    `${base}/notification-preferences`,
    {
      schema: {
        operationId: 'setNotificationPreferences',
        tags,
        summary:
          'Choose channels and quiet hours ("HH:MM" on the community clock, may pass midnight, or null). Non-critical SMS / WeChat notices wait until quiet hours end; critical ones and the inbox never wait. Audited',
        params: ZCommunityParams,
        body: ZSetNotificationPreferences,
        response: { 200: ZNotificationPreferences, ...errorResponses },
      },
    },
    async (req) =>
      setNotificationPreferences(deps, await communityActor(req, req.params.communityId), req.body),
  );
  r.get(
    `${base}/notice-gateway`,
    {
      schema: {
        operationId: 'getNoticeGateway',
        tags,
        summary: "The community's SMS / WeChat gateway, its secret masked: coordinators and staff",
        params: ZCommunityParams,
        response: { 200: ZNoticeGateway, ...errorResponses },
      },
    },
    async (req) => getNoticeGateway(deps, await communityActor(req, req.params.communityId)),
  );
  r.put(
    `${base}/notice-gateway`,
    {
      schema: {
        operationId: 'setNoticeGateway',
        tags,
        summary:
          'Set the gateway notices are POSTed to (http(s) address, HMAC secret of 16+ characters, on or off): coordinators and staff. Audited',
        params: ZCommunityParams,
        body: ZSetNoticeGateway,
        response: { 200: ZNoticeGateway, ...errorResponses },
      },
    },
    async (req) => setNoticeGateway(deps, await communityActor(req, req.params.communityId), req.body),
  );
  r.post(
    `${base}/notice-gateway/test`,
    {
      schema: {
        operationId: 'testNoticeGateway',
        tags,
        summary:
          'Send a signed test message to the saved gateway and report its answer (waits at most 10 s): coordinators and staff. Audited',
        params: ZCommunityParams,
        response: { 200: ZNoticeGatewayTest, ...errorResponses },
      },
    },
    async (req) => testNoticeGateway(deps, await communityActor(req, req.params.communityId)),
  );
  r.get(
    `${base}/dead-letters`,
    {
      schema: {
        operationId: 'listDeadLetters',
        tags,
        summary:
          'Notices given up on after the last retry, newest first, with the outbox pending and dead counts per channel: coordinators and staff',
        params: ZCommunityParams,
        response: { 200: ZDeadLetterList, ...errorResponses },
      },
    },
    async (req) => listDeadLetters(deps, await communityActor(req, req.params.communityId), req.locale),
  );
  r.post(
    `${base}/dead-letters/:id/resend`,
    {
      schema: {
        operationId: 'resendDeadLetter',
        tags,
        summary:
          'Give a dead notice back to the worker (pending, attempts 0, due now): coordinators and staff. Audited',
        params: ZDeadLetterParams,
        response: { 200: ZResendResult, ...errorResponses },
      },
    },
    async (req) =>
      resendDeadLetters(deps, await communityActor(req, req.params.communityId), { ids: [req.params.id] }),
  );
  r.post(
    `${base}/dead-letters/resend`,
    {
      schema: {
        operationId: 'resendDeadLetters',
        tags,
        summary:
          'Resend several dead notices in one transaction, all or none (404 for an unknown id, 409 for one no longer dead): coordinators and staff. Audited',
        params: ZCommunityParams,
        body: ZResendDeadLetters,
        response: { 200: ZResendResult, ...errorResponses },
      },
    },
    async (req) => resendDeadLetters(deps, await communityActor(req, req.params.communityId), req.body),
  );
}
