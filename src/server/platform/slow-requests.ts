import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Warns about requests that take too long, and about ones still running: a request that never ends
 * (a lock waited on forever) otherwise leaves no trace at all, only a volunteer's spinner that never
 * stops. Event streams are long by design and are left out.
 */
const SLOW_MS = 5_000;

const isStream = (req: FastifyRequest) =>
  (req.headers.accept ?? '').includes('text/event-stream') || /\/(events|stream)(\?|$)/.test(req.url);

export function watchSlowRequests(app: FastifyInstance, slowMs = SLOW_MS) {
  const running = new Map<FastifyRequest, { started: number; warned: boolean }>();
  app.addHook('onRequest', async (req) => {
    if (!isStream(req)) running.set(req, { started: Date.now(), warned: false });
  });
  app.addHook('onResponse', async (req, reply) => {
    const entry = running.get(req);
    running.delete(req);
    const ms = entry ? Date.now() - entry.started : 0;
    if (ms > slowMs)
      app.log.warn(`slow request: ${req.method} ${req.url} ${reply.statusCode} after ${ms} ms`);
  });
  // A client that gives up (closed tab, lost signal) ends the request without a response.
  app.addHook('onRequestAbort', async (req) => {
    running.delete(req);
  });
  const timer = setInterval(() => {
    const now = Date.now();
    for (const [req, entry] of running) {
      if (entry.warned || now - entry.started < slowMs * 2) continue;
      entry.warned = true;
      app.log.warn(`request still running after ${now - entry.started} ms: ${req.method} ${req.url}`);
    }
  }, slowMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
