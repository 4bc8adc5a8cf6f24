import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { LIVE_RESYNC } from '../../shared/api/live-events.ts';
import type { StopListening } from '../db/notify-listener.ts';
import type { AppDeps } from './context.ts';
import { LIVE_CHANNEL, type LiveEvent } from './live-events.ts';

/** One open event stream (a browser tab), as the hub sees it. */
export interface LiveSubscriber {
  accountId: string;
  /** Sends one ready-made SSE frame. */
  write(frame: string): void;
  /** Ends the stream (server shutting down, or the stream lived its time). */
  close(): void;
  openedAt: number;
}

export interface LiveHubOptions {
  /** Coalesced events (same coalesceKey) are held this long, and only the last is sent. */
  coalesceMs?: number;
  heartbeatMs?: number;
  /** A stream is ended after this long; the browser reconnects, which checks its session again. */
  maxStreamMs?: number;
  log?: Pick<FastifyBaseLogger, 'warn' | 'info'>;
}

export const DEFAULT_COALESCE_MS = 200;

/**
 * Coalesced events go out at the ends of fixed windows of the clock (every 200 ms on the 200 ms), the
 * same moments in every process: so a process knows when an event it heard has reached the browsers of
 * any process (reading-freshness.ts).
 */
export const windowEndFor = (heardAt: number, windowMs: number) => Math.ceil(heardAt / windowMs) * windowMs;

// A type goes on an `event:` line as is: nothing that could end the line or the frame.
const EVENT_TYPE = /^[a-z][\w.-]{0,63}$/i;

/** The SSE frame of an event: serialised once, written to every stream that should get it. */
export const sseFrame = (type: string, data: unknown) => `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * The one live event stream of a server process. It hears every committed publishLive() of every
 * process on the database's channel (one LISTEN per process), and passes each event to the open
 * streams of its community; an event whose data names an `accountId` goes to that account only.
 * In a stampede thousands of events a second reach hundreds of streams, so the work per event is
 * one JSON.parse, one frame built once, and a write per stream; events that only carry the latest
 * state (a coalesceKey) are held for a moment and only the last of each key is sent.
 */
export class LiveHub {
  private readonly streams = new Map<string, Set<LiveSubscriber>>();
  private readonly observers = new Set<(event: LiveEvent) => void>();
  private readonly resumeObservers = new Set<() => void>();
  private pending = new Map<string, { event: LiveEvent; heardAt: number }>();
  private flushTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private stopListening: StopListening | undefined;
  readonly coalesceMs: number;
  private readonly heartbeatMs: number;
  private readonly maxStreamMs: number;

  constructor(private readonly options: LiveHubOptions = {}) {
    this.coalesceMs = options.coalesceMs ?? DEFAULT_COALESCE_MS;
    this.heartbeatMs = options.heartbeatMs ?? 20_000;
    this.maxStreamMs = options.maxStreamMs ?? 15 * 60_000;
  }

  async start(listen: AppDeps['listen']) {
    if (this.stopListening) return;
    if (!listen) {
      this.options.log?.warn('live events: the database cannot LISTEN here, streams stay silent');
    } else {
      this.stopListening = await listen(LIVE_CHANNEL, {
        onPayload: (payload) => this.receive(payload),
        // Whatever was published while the listener was away is lost: tell every browser to catch up.
        onResume: () => {
          this.options.log?.info('live events: listener reconnected');
          for (const observer of this.resumeObservers) observer();
          this.broadcast(sseFrame(LIVE_RESYNC, {}));
        },
        onError: (err) => this.options.log?.warn({ err }, 'live events: listener dropped, reconnecting'),
      });
    }
    this.heartbeatTimer = setInterval(() => this.beat(), this.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  /** Ends every stream (so the HTTP server can close) and stops listening. */
  async stop() {
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending.clear();
    for (const set of this.streams.values()) for (const s of set) s.close();
    this.streams.clear();
    const stop = this.stopListening;
    this.stopListening = undefined;
    await stop?.();
  }

  subscribe(communityId: string, subscriber: LiveSubscriber): () => void {
    const set = this.streams.get(communityId) ?? new Set<LiveSubscriber>();
    this.streams.set(communityId, set);
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.streams.get(communityId) === set) this.streams.delete(communityId);
    };
  }

  /** In-process consumers (caches kept in step with other processes) hear every event, uncoalesced. */
  observe(observer: (event: LiveEvent) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Told when the listener is back after a cut: events published meanwhile were not heard. */
  observeResume(observer: () => void): () => void {
    this.resumeObservers.add(observer);
    return () => this.resumeObservers.delete(observer);
  }

  /** Ends an account's streams (its sessions were revoked); a browser still signed in reconnects. */
  closeStreamsOf(accountId: string) {
    for (const set of this.streams.values()) for (const s of set) if (s.accountId === accountId) s.close();
  }

  get streamCount() {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  /** One NOTIFY payload from the channel. */
  receive(payload: string) {
    let event: LiveEvent;
    try {
      event = JSON.parse(payload);
    } catch {
      return;
    }
    if (!event || typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) return;
    for (const observer of this.observers) observer(event);
    // Most events concern a community nobody here is watching: nothing more to do.
    if (!this.streams.has(event.communityId)) return;
    if (event.coalesceKey === undefined) return this.deliver(event);
    const heardAt = Date.now();
    this.pending.set(`${event.communityId}\u0000${event.type}\u0000${event.coalesceKey}`, { event, heardAt });
    if (!this.flushTimer) this.armFlush(windowEndFor(heardAt, this.coalesceMs));
  }

  private armFlush(at: number) {
    this.flushTimer = setTimeout(() => this.flush(at), Math.max(0, at - Date.now()));
  }

  private flush(due: number) {
    // A timer may fire a moment before the wall clock reaches its end: never send before the window ends.
    if (Date.now() < due) return this.armFlush(due);
    this.flushTimer = undefined;
    // A late timer finds events heard after its window ended too: those wait for their own window.
    for (const [key, { event, heardAt }] of this.pending) {
      if (heardAt > due) continue;
      this.pending.delete(key);
      this.deliver(event);
    }
    if (this.pending.size > 0) this.armFlush(windowEndFor(Date.now(), this.coalesceMs));
  }

  private deliver(event: LiveEvent) {
    const set = this.streams.get(event.communityId);
    if (!set) return;
    const target = typeof event.data?.accountId === 'string' ? event.data.accountId : null;
    const frame = sseFrame(event.type, event.data ?? {});
    for (const s of set) if (target === null || s.accountId === target) s.write(frame);
  }

  private broadcast(frame: string) {
    for (const set of this.streams.values()) for (const s of set) s.write(frame);
  }

  private beat() {
    const tooOld = Date.now() - this.maxStreamMs;
    for (const set of this.streams.values()) {
      for (const s of set) {
        if (s.openedAt < tooOld) s.close();
        else s.write(': heartbeat\n\n');
      }
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    liveHub: LiveHub;
  }
}

/**
 * Gives the app its hub: it starts listening when the app is ready (listen(), or ready() in tests)
 * and ends every stream before the server closes, since an open stream would hold the close forever.
 */
export function installLiveEvents(app: FastifyInstance, options: LiveHubOptions = {}) {
  const hub = new LiveHub({ log: app.log, ...options });
  app.decorate('liveHub', hub);
  app.addHook('onReady', async () => hub.start(app.deps.listen));
  app.addHook('preClose', async () => hub.stop());
  return hub;
}
