import pg from 'pg';

/** What a LISTEN hears, and what it is told about its connection. */
export interface ListenHandlers {
  onPayload(payload: string): void;
  /** The listener was cut off and is back: notifications sent meanwhile are lost, so readers should catch up. */
  onResume?(): void;
  /** A dropped connection or a failed reconnect (logged; the listener keeps trying). */
  onError?(err: unknown): void;
}

export type StopListening = () => Promise<void>;

/** Shown in pg_stat_activity, so an operator (and the tests) can tell the listener from the pool. */
export const LISTENER_APPLICATION_NAME = 'linli-live-listener';

const PING_INTERVAL_MS = 30_000;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * LISTENs on PostgreSQL over a connection of its own, never one of the pool: a pooled connection
 * goes back to the pool and its LISTEN with it. When the connection drops (server restart, failover,
 * idle cut by a proxy) it reconnects with growing pauses and says so through onResume. A ping every
 * 30 s finds a connection that died silently. Resolves once the first LISTEN is in place, or has
 * failed and is being retried.
 */
export async function listenOnPostgres(
  url: string,
  channel: string,
  handlers: ListenHandlers,
): Promise<StopListening> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: NodeJS.Timeout | undefined;
  let pingTimer: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({
      connectionString: url,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      query_timeout: 10_000,
    });
    next.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload !== undefined) handlers.onPayload(msg.payload);
    });
    // Without an 'error' listener a dropped connection would crash the process.
    next.on('error', (err) => dropped(next, err));
    next.on('end', () => dropped(next, new Error('listener connection ended')));
    try {
      await next.connect();
      await next.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (err) {
      next.removeAllListeners('end');
      await next.end().catch(() => {});
      throw err;
    }
    client = next;
    retryMs = RETRY_MIN_MS;
  };

  const dropped = (which: pg.Client, err: unknown) => {
    if (stopped || which !== client) return;
    client = null;
    which.removeAllListeners('end');
    which.end().catch(() => {});
    handlers.onError?.(err);
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(async () => {
      retryTimer = undefined;
      try {
        await connect();
        if (stopped) return void (await closeClient());
        handlers.onResume?.();
      } catch (err) {
        handlers.onError?.(err);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        scheduleReconnect();
      }
    }, retryMs);
    retryTimer.unref();
  };

  const closeClient = async () => {
    const current = client;
    client = null;
    if (!current) return;
    current.removeAllListeners('end');
    await current.end().catch(() => {});
  };

  try {
    await connect();
  } catch (err) {
    // The pool is up (the database opened), so this is passing: serve now, hear events once it connects.
    handlers.onError?.(err);
    scheduleReconnect();
  }
  pingTimer = setInterval(() => {
    const current = client;
    current?.query('select 1').catch((err) => dropped(current, err));
  }, PING_INTERVAL_MS);
  pingTimer.unref();

  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
    await closeClient();
  };
}
