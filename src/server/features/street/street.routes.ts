import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { ZStreetOverview } from '../../../shared/api/dashboard.ts';
import { ZCommunityPlace } from '../../../shared/api/street.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { requireAuth } from '../../platform/sessions.ts';
import { getCommunityPlace, setCommunityPlace } from './community-place.service.ts';
import { getStreetOverview } from './street.service.ts';

/** The street view across compounds (issue 10 item 4) and each compound's place on its map. */
export async function streetRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;

  r.get(
    '/api/street/overview',
    {
      schema: {
        operationId: 'getStreetOverview',
        tags: ['street'],
        summary:
          'The headline figures of every compound where I am a viewer, coordinator or staff (the street office’s table and map); 403 with none',
        response: { 200: ZStreetOverview, ...errorResponses },
      },
    },
    async (req) => getStreetOverview(deps, requireAuth(req.auth).account),
  );
  r.get(
    '/api/communities/:communityId/place',
    {
      schema: {
        operationId: 'getCommunityPlace',
        tags: ['street'],
        summary: 'Where the compound is (latitude, longitude, street) and its day report time',
        params: ZCommunityParams,
        response: { 200: ZCommunityPlace, ...errorResponses },
      },
    },
    async (req) => getCommunityPlace(deps, await communityActor(req, req.params.communityId)),
  );
  r.put(
    '/api/communities/:communityId/place',
    {
      schema: {
        operationId: 'setCommunityPlace',
        tags: ['street'],
        summary: 'Set where the compound is and its day report time (coordinators)',
        params: ZCommunityParams,
        body: ZCommunityPlace,
        response: { 200: ZCommunityPlace, ...errorResponses },
      },
    },
    async (req) => setCommunityPlace(deps, await communityActor(req, req.params.communityId), req.body),
  );
}
