import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { openSseStream } from '../../platform/sse-stream.ts';

export async function liveEventRoutes(app: FastifyInstance) {
  router(app).get(
    '/api/communities/:communityId/events',
    {
      schema: {
        operationId: 'streamLiveEvents',
        tags: ['live'],
        summary: 'Live updates of the community as server-sent events (text/event-stream), for members',
        description:
          'Each event is `event: <type>` with one JSON `data:` line, e.g. `shift.places` ' +
          '({ shiftId, roles: [{ role, capacity, taken, waiting }] }); `live.resync` asks the page to ' +
          'refetch. A comment line every 20 s keeps the connection open. Events meant for one account ' +
          'reach only that account.',
        params: ZCommunityParams,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      // Signed in and a member, or the usual 401/404 in JSON before any stream starts.
      const actor = await communityActor(req, req.params.communityId);
      // Headers, heartbeat, maximum age and backpressure: platform/sse-stream.ts, shared with the dashboard.
      openSseStream(req, reply, {
        communityId: actor.communityId!,
        accountId: actor.account.id,
        carries: 'live',
      });
    },
  );
}
