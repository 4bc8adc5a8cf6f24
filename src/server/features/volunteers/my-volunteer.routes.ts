import type { FastifyInstance } from 'fastify';
import { ZMyVolunteer } from '../../../shared/api/attendance.ts';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { getMyVolunteer, resetCalendarToken } from './my-volunteer.service.ts';

const base = '/api/communities/:communityId';

export async function myVolunteerRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['volunteers'];
  r.get(
    `${base}/my/volunteer`,
    {
      schema: {
        operationId: 'getMyVolunteer',
        tags,
        summary:
          'My volunteer profile: status, groups, record (shifts, hours, no-shows), badge, calendar feed',
        params: ZCommunityParams,
        response: { 200: ZMyVolunteer, ...errorResponses },
      },
    },
    async (req) => getMyVolunteer(deps, await communityActor(req, req.params.communityId)),
  );
  r.post(
    `${base}/my/calendar-token`,
    {
      schema: {
        operationId: 'resetCalendarToken',
        tags,
        summary: 'A new secret for my calendar feed; the old URL stops working',
        params: ZCommunityParams,
        response: { 200: ZMyVolunteer, ...errorResponses },
      },
    },
    async (req) => resetCalendarToken(deps, await communityActor(req, req.params.communityId)),
  );
}
