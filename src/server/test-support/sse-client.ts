export interface ReceivedEvent {
  type: string;
  data: any;
}

export interface SseClient {
  status: number;
  contentType: string | null;
  /** Every event received so far, in order. */
  events: ReceivedEvent[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitFor(match: (e: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  close(): void;
}

/**
 * Reads a server-sent event stream over real HTTP, as a browser's EventSource would, so that tests see
 * exactly the bytes a browser gets. Resolves once the response headers are in, that is once the server
 * has subscribed the stream.
 */
export async function openSse(url: string, cookie?: string): Promise<SseClient> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) },
    signal: controller.signal,
  });
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  const client: SseClient = {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events,
    waitFor: (match, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () => controller.abort(),
  };
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    return client;
  }
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = frame.split('\n');
          const type = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (type && data !== undefined) {
            events.push({ type, data: JSON.parse(data) });
            for (const check of [...waiters]) check();
          }
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return client;
}
