import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { ZTrends, ZTrendsQuery } from '../../../shared/api/dashboard.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { getTrends } from './trends.service.ts';

/** The dashboard's trends: the last days per day, and each building now (issue 10, item 2). */
export async function dashboardTrendsRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  r.get(
    '/api/communities/:communityId/dashboard/trends',
    {
      schema: {
        operationId: 'getTrends',
        tags: ['dashboard'],
        summary:
          "The last `days` local days (default 30, up to today on the community's clock), one value per day: parcels received, cleared (reached their building; a closed day as recorded) and still not at their building at the day's end (today: now); volunteer hours by the hours rule, by the day the shift started; the rounds that ran, with the round report's duration; medicine requests made and handed over, and the median hours from request to handover (null on a day with none). Per building now: parcels waiting or on a run, residents not sampled in the current or last round, open medicine requests. Coordinators, staff and viewers.",
        params: ZCommunityParams,
        querystring: ZTrendsQuery,
        response: { 200: ZTrends, ...errorResponses },
      },
    },
    async (req) => getTrends(deps, await communityActor(req, req.params.communityId), req.query),
  );
}
