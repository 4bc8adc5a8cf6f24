import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { ZIdParams } from '../../../shared/api/registry.ts';
import {
  ZCallParams,
  ZCreateGroup,
  ZDecisionResult,
  ZGroup,
  ZGroupList,
  ZGroupParams,
  ZJoinInfo,
  ZJoinParams,
  ZOpenVolunteerCall,
  ZRegisterVolunteer,
  ZRegistration,
  ZRenameGroup,
  ZSetVolunteerGroups,
  ZVolunteer,
  ZVolunteerCall,
  ZVolunteerCallList,
  ZVolunteerDecision,
  ZVolunteerPage,
  ZVolunteerQuery,
} from '../../../shared/api/volunteers.ts';
import { communityActor } from '../../platform/actor.ts';
import { publicOrigin } from '../../platform/public-url.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { createSession, setSessionCookie } from '../../platform/sessions.ts';
import * as calls from './calls.service.ts';
import * as groups from './groups.service.ts';
import * as service from './volunteers.service.ts';

const base = '/api/communities/:communityId';

export async function volunteerRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['volunteers'];
  const actor = (req: { params: { communityId: string } } & Parameters<typeof communityActor>[0]) =>
    communityActor(req, req.params.communityId);

  r.get(
    `${base}/volunteer-calls`,
    {
      schema: {
        operationId: 'listVolunteerCalls',
        tags,
        summary: 'Calls for volunteers (coordinator)',
        params: ZCommunityParams,
        response: { 200: ZVolunteerCallList, ...errorResponses },
      },
    },
    async (req) => calls.listVolunteerCalls(deps, await actor(req)),
  );
  r.post(
    `${base}/volunteer-calls`,
    {
      schema: {
        operationId: 'openVolunteerCall',
        tags,
        summary: 'Open a call: a registration link and its QR code (coordinator)',
        params: ZCommunityParams,
        body: ZOpenVolunteerCall,
        response: { 201: ZVolunteerCall, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await calls.openVolunteerCall(deps, await actor(req), req.body.title)),
  );
  r.post(
    `${base}/volunteer-calls/:callId/close`,
    {
      schema: {
        operationId: 'closeVolunteerCall',
        tags,
        summary: 'Close a call; its link stops accepting registrations',
        params: ZCallParams,
        response: { 200: ZVolunteerCall, ...errorResponses },
      },
    },
    async (req) => calls.closeVolunteerCall(deps, await actor(req), req.params.callId),
  );
  r.get(
    `${base}/volunteer-calls/:callId/qr.png`,
    {
      schema: {
        operationId: 'getVolunteerCallQr',
        tags,
        summary: "The QR code (PNG) of a call's registration link",
        params: ZCallParams,
        produces: ['image/png'],
        response: { 200: z.any().describe('PNG image'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const origin = publicOrigin(req);
      return reply
        .type('image/png')
        .header('cache-control', 'no-store')
        .send(await calls.volunteerCallQr(deps, await actor(req), req.params.callId, origin));
    },
  );

  r.get(
    '/api/join/:slug/:token',
    {
      schema: {
        operationId: 'getJoinInfo',
        tags,
        summary: 'Public: what a registration link is for',
        params: ZJoinParams,
        response: { 200: ZJoinInfo, ...errorResponses },
      },
    },
    async (req) => calls.getJoinInfo(deps, req.params.slug, req.params.token),
  );
  r.post(
    '/api/join/:slug/:token',
    {
      schema: {
        operationId: 'registerVolunteer',
        tags,
        summary: "Public: register as a volunteer through a call's link; lands as pending and signs in",
        params: ZJoinParams,
        body: ZRegisterVolunteer,
        response: { 201: ZRegistration, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { accountId, communityName } = await calls.registerVolunteer(
        deps,
        req.params.slug,
        req.params.token,
        req.body,
      );
      const { token } = await createSession(deps, accountId, req.ip, req.headers['user-agent']);
      setSessionCookie(reply, deps, token);
      return reply.status(201).send({ status: 'pending' as const, communityName });
    },
  );

  r.get(
    `${base}/volunteers`,
    {
      schema: {
        operationId: 'listVolunteers',
        tags,
        summary: 'Volunteers with their groups; filter by status, group, name, mobile or building',
        params: ZCommunityParams,
        querystring: ZVolunteerQuery,
        response: { 200: ZVolunteerPage, ...errorResponses },
      },
    },
    async (req) => service.listVolunteers(deps, await actor(req), req.query),
  );
  r.post(
    `${base}/volunteers/decisions`,
    {
      schema: {
        operationId: 'approveVolunteers',
        tags,
        summary: 'Approve or turn down volunteers, one or many, and place the approved in groups',
        params: ZCommunityParams,
        body: ZVolunteerDecision,
        response: { 200: ZDecisionResult, ...errorResponses },
      },
    },
    async (req) => service.approveVolunteers(deps, await actor(req), req.body),
  );
  r.put(
    `${base}/volunteers/:id/groups`,
    {
      schema: {
        operationId: 'setVolunteerGroups',
        tags,
        summary: 'Set the groups a volunteer is in and which of them they lead',
        params: ZIdParams,
        body: ZSetVolunteerGroups,
        response: { 200: ZVolunteer, ...errorResponses },
      },
    },
    async (req) => service.setVolunteerGroups(deps, await actor(req), req.params.id, req.body),
  );

  r.get(
    `${base}/groups`,
    {
      schema: {
        operationId: 'listGroups',
        tags,
        summary: 'The volunteer groups with member counts and leaders',
        params: ZCommunityParams,
        response: { 200: ZGroupList, ...errorResponses },
      },
    },
    async (req) => groups.listGroups(deps, await actor(req)),
  );
  r.post(
    `${base}/groups`,
    {
      schema: {
        operationId: 'createGroup',
        tags,
        summary: 'Add a group (coordinator)',
        params: ZCommunityParams,
        body: ZCreateGroup,
        response: { 201: ZGroup, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await groups.createGroup(deps, await actor(req), req.body.name)),
  );
  r.patch(
    `${base}/groups/:groupId`,
    {
      schema: {
        operationId: 'renameGroup',
        tags,
        summary: 'Rename a group (coordinator)',
        params: ZGroupParams,
        body: ZRenameGroup,
        response: { 200: ZGroup, ...errorResponses },
      },
    },
    async (req) => groups.renameGroup(deps, await actor(req), req.params.groupId, req.body.name),
  );
}
