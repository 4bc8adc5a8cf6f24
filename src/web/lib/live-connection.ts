import { LIVE_RESYNC } from '../../shared/api/live-events.ts';

export type LiveHandler = (data: unknown) => void;

interface Connection {
  source: EventSource | null;
  handlers: Map<string, Set<LiveHandler>>;
  /** the types the current EventSource has a listener for */
  attached: Set<string>;
  /** set by an error; the next open then tells every page to catch up with what it missed */
  dropped: boolean;
  retryMs: number;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
}

const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 60_000;

/** One EventSource per community for the whole app, however many pages and widgets listen. */
const connections = new Map<string, Connection>();

export const liveEventsUrl = (communityId: string) =>
  `/api/communities/${encodeURIComponent(communityId)}/events`;

function dispatch(connection: Connection, type: string, data: unknown) {
  for (const handler of connection.handlers.get(type) ?? []) {
    try {
      handler(data);
    } catch (err) {
      // One page's mistake must not keep the event from the others.
      console.error(err);
    }
  }
}

function attach(connection: Connection, type: string) {
  const source = connection.source;
  if (!source || connection.attached.has(type)) return;
  connection.attached.add(type);
  source.addEventListener(type, (event) => {
    let data: unknown;
    try {
      data = JSON.parse((event as MessageEvent<string>).data);
    } catch {
      return;
    }
    dispatch(connection, type, data);
  });
}

function open(communityId: string, connection: Connection) {
  const source = new EventSource(liveEventsUrl(communityId));
  connection.source = source;
  connection.attached = new Set();
  for (const type of connection.handlers.keys()) attach(connection, type);
  source.onopen = () => {
    connection.retryMs = FIRST_RETRY_MS;
    if (connection.dropped) dispatch(connection, LIVE_RESYNC, {});
    connection.dropped = false;
  };
  source.onerror = () => {
    connection.dropped = true;
    // The browser retries a dropped stream by itself; a refused one (signed out, server restarting
    // behind a proxy answering 502) it gives up on, so that one is retried here, ever more slowly.
    if (source.readyState !== EventSource.CLOSED || connection.source !== source) return;
    source.close();
    connection.source = null;
    connection.retryTimer = setTimeout(() => {
      connection.retryTimer = undefined;
      if (connections.get(communityId) === connection) open(communityId, connection);
    }, connection.retryMs);
    connection.retryMs = Math.min(connection.retryMs * 2, LAST_RETRY_MS);
  };
}

/**
 * Calls handler with the data of every `type` event of the community's live stream until the returned
 * function is called. The stream opens with the first subscriber and closes with the last.
 * `live.resync` (LIVE_RESYNC) also fires after the stream was lost and is back: refetch then.
 */
export function subscribeLive(communityId: string, type: string, handler: LiveHandler): () => void {
  let connection = connections.get(communityId);
  if (!connection) {
    connection = {
      source: null,
      handlers: new Map(),
      attached: new Set(),
      dropped: false,
      retryMs: FIRST_RETRY_MS,
      retryTimer: undefined,
    };
    connections.set(communityId, connection);
    open(communityId, connection);
  }
  const current = connection;
  const set = current.handlers.get(type) ?? new Set();
  current.handlers.set(type, set);
  set.add(handler);
  attach(current, type);
  return () => {
    set.delete(handler);
    if ([...current.handlers.values()].some((s) => s.size > 0)) return;
    connections.delete(communityId);
    clearTimeout(current.retryTimer);
    current.source?.close();
    current.source = null;
  };
}
