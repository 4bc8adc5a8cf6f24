import type { FastifyInstance } from 'fastify';
import { ZAuditPage, ZAuditQuery } from '../../../shared/api/audit.ts';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import * as service from './audit.service.ts';

export async function auditRoutes(app: FastifyInstance) {
  router(app).get(
    '/api/communities/:communityId/audit',
    {
      schema: {
        operationId: 'listAuditLog',
        tags: ['audit'],
        summary: 'The audit log of a community, newest first, filterable (coordinators and staff)',
        params: ZCommunityParams,
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage, ...errorResponses },
      },
    },
    async (req) =>
      service.listAuditLog(
        app.deps,
        await communityActor(req, req.params.communityId),
        req.query,
        req.locale,
      ),
  );
}
