import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZCommunity,
  ZCommunityList,
  ZCommunityOverview,
  ZCreateCommunityRequest,
} from '../../../shared/api/communities.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { requireAuth } from '../../platform/sessions.ts';
import * as service from './communities.service.ts';

export async function communityRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;

  r.get(
    '/api/communities',
    {
      schema: {
        operationId: 'listMyCommunities',
        tags: ['communities'],
        summary: 'The communities I belong to, with my roles in each',
        response: { 200: ZCommunityList, ...errorResponses },
      },
    },
    async (req) => service.listMyCommunities(deps, requireAuth(req.auth).account),
  );

  r.post(
    '/api/communities',
    {
      schema: {
        operationId: 'createCommunity',
        tags: ['communities'],
        summary:
          'Create a community (committee staff or platform admins); the creator becomes its coordinator',
        body: ZCreateCommunityRequest,
        response: { 201: ZCommunity, ...errorResponses },
      },
    },
    async (req, reply) => {
      const created = await service.createCommunity(deps, requireAuth(req.auth).account, req.body);
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/api/communities/:communityId/overview',
    {
      schema: {
        operationId: 'getCommunityOverview',
        tags: ['communities'],
        summary: 'The "2+6+280" headline: staff, volunteers by group, and the registry counts',
        params: ZCommunityParams,
        response: { 200: ZCommunityOverview, ...errorResponses },
      },
    },
    async (req) => service.getCommunityOverview(deps, await communityActor(req, req.params.communityId)),
  );
}
