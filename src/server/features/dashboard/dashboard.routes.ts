import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { ZDashboard } from '../../../shared/api/dashboard.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { openSseStream } from '../../platform/sse-stream.ts';
import { authorizeDashboard, getDashboard } from './dashboard.service.ts';
import { DashboardFeed } from './dashboard-feed.ts';
import { dashboardFigures } from './dashboard-figures.ts';

const base = '/api/communities/:communityId/dashboard';

export async function dashboardRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['dashboard'];
  // One feed per process: every open dashboard of a community shares its computations.
  const feed = new DashboardFeed((communityId) => dashboardFigures(deps.db, communityId, deps.clock.now()), {
    onError: (err, communityId) => app.log.warn({ err, communityId }, 'dashboard: figures not computed'),
  });
  const stopHearing = app.liveHub.observe(feed.hear);
  app.addHook('onClose', async () => {
    stopHearing();
    feed.stop();
  });

  r.get(
    base,
    {
      schema: {
        operationId: 'getDashboard',
        tags,
        summary:
          "The compound's figures now: people, parcels, testing, medicine, group buys, disinfection and relays, each as its feature counts it ('today' since local midnight). Coordinators, staff and viewers",
        params: ZCommunityParams,
        response: { 200: ZDashboard, ...errorResponses },
      },
    },
    async (req) => getDashboard(deps, await communityActor(req, req.params.communityId)),
  );

  r.get(
    `${base}/stream`,
    {
      schema: {
        operationId: 'streamDashboard',
        tags,
        summary: "The compound's figures live, as server-sent events (text/event-stream)",
        description:
          'Sends `event: dashboard` with the figures (as getDashboard) at once, and again after any change ' +
          'in the community (at most once a second; less often while computing is slow) and every 30 s. ' +
          'A comment line every 20 s keeps the connection open; the stream ends after 15 minutes and the ' +
          'browser reconnects.',
        params: ZCommunityParams,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      // Signed in, a member and allowed, or the usual 401/404/403 in JSON before any stream starts.
      const actor = await communityActor(req, req.params.communityId);
      authorizeDashboard(actor);
      const stream = openSseStream(req, reply, {
        communityId: actor.communityId!,
        accountId: actor.account.id,
        carries: 'own',
      });
      stream.onEnd(feed.watch(actor.communityId!, stream));
    },
  );
}
