import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveSubscriber } from './event-stream.ts';

/** A tab that reads slower than this is behind is cut off; it reconnects and refetches. */
export const MAX_BUFFERED_BYTES = 256 * 1024;
/** How long a browser waits before reconnecting after the stream ends. */
export const RECONNECT_MS = 3_000;

export interface SseStream {
  /** Sends one ready-made SSE frame (sseFrame in event-stream.ts); nothing once the stream has ended. */
  send(frame: string): void;
  /** Ends the stream from the server's side. */
  close(): void;
  /** Called once when the stream ends, whoever ended it. */
  onEnd(listener: () => void): void;
}

export interface SseOptions {
  communityId: string;
  accountId: string;
  /**
   * `live`: the hub passes every live event of the community to the stream (GET …/events).
   * `own`: the caller sends its own frames with send(); the hub only keeps the stream alive.
   */
  carries: 'live' | 'own';
}

/**
 * Turns a request (already authorised: a 401/404 goes out as JSON before this) into a server-sent
 * event stream kept by the process's live hub, so every stream behaves alike: the hub's heartbeat
 * comment keeps proxies from closing it, the hub ends it after its maximum age (the browser reconnects,
 * which checks the session again) and when the server shuts down; a reader too far behind
 * (MAX_BUFFERED_BYTES waiting to be written) is cut off rather than buffered without end.
 */
export function openSseStream(req: FastifyRequest, reply: FastifyReply, options: SseOptions): SseStream {
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
  const endListeners: (() => void)[] = [];
  const ended = () => {
    if (!open) return;
    open = false;
    unsubscribe();
    for (const listener of endListeners) listener();
  };
  const send = (frame: string) => {
    if (!open) return;
    if (res.writableLength > MAX_BUFFERED_BYTES) return close();
    res.write(frame);
  };
  const close = () => {
    if (!open) return;
    ended();
    res.end();
  };
  const subscriber: LiveSubscriber = {
    accountId: options.accountId,
    openedAt: Date.now(),
    // A stream with frames of its own hears from the hub only its keep-alive comments (": …").
    write:
      options.carries === 'live'
        ? send
        : (frame) => {
            if (frame.startsWith(':')) send(frame);
          },
    close,
  };
  const unsubscribe = req.server.liveHub.subscribe(options.communityId, subscriber);
  res.on('close', ended);
  // The first bytes go out at once, so the browser (and any proxy) sees the stream open.
  res.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
  return {
    send,
    close,
    onEnd: (listener) => {
      if (open) endListeners.push(listener);
      else listener();
    },
  };
}
