import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { communityActor } from '../../platform/actor.ts';
import type { LiveSubscriber } from '../../platform/event-stream.ts';
import { errorResponses, router } from '../../platform/routes.ts';

/** A tab that reads slower than this is behind is cut off; it reconnects and refetches. */
const MAX_BUFFERED_BYTES = 256 * 1024;
/** How long a browser waits before reconnecting after the stream ends. */
const RECONNECT_MS = 3_000;

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
      const res = reply.raw;
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        // no-transform: no proxy may compress or rewrite it; X-Accel-Buffering: nginx must not buffer it.
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
      });
      let open = true;
      const subscriber: LiveSubscriber = {
        accountId: actor.account.id,
        openedAt: Date.now(),
        write: (frame) => {
          if (!open) return;
          if (res.writableLength > MAX_BUFFERED_BYTES) return subscriber.close();
          res.write(frame);
        },
        close: () => {
          if (!open) return;
          open = false;
          unsubscribe();
          res.end();
        },
      };
      const unsubscribe = app.liveHub.subscribe(actor.communityId!, subscriber);
      res.on('close', () => {
        open = false;
        unsubscribe();
      });
      // The first bytes go out at once, so the browser (and any proxy) sees the stream open.
      res.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
    },
  );
}
