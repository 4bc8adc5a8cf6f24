/**
 * Scans waiting to reach the server, kept in localStorage so that a phone that loses its signal (or
 * is reloaded) sends them later, in the order they were made. Each carries the clientKey the server
 * uses to land it once, however often it is sent.
 */
export interface QueuedScan {
  clientKey: string;
  roundId: string;
  tubeId: string;
  code?: string | undefined;
  residentId?: string | undefined;
  /** when the phone scanned it: the sample's time even if it reaches the server later */
  sampledAt: string;
  /** what the scanner saw, to name the scan in messages while it waits */
  label: string;
}

const storageKey = (communityId: string) => `linli.testing.scanQueue.${communityId}`;

export function readQueue(communityId: string): QueuedScan[] {
  try {
    const raw = localStorage.getItem(storageKey(communityId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as QueuedScan[]) : [];
  } catch {
    return [];
  }
}

export function writeQueue(communityId: string, queue: readonly QueuedScan[]) {
  try {
    if (queue.length === 0) localStorage.removeItem(storageKey(communityId));
    else localStorage.setItem(storageKey(communityId), JSON.stringify(queue));
  } catch {
    // storage full or blocked: the scans stay in memory for this page's life
  }
}

/** A key no other scan of any phone will carry: time plus 64 random bits. */
export function newClientKey(now = Date.now()): string {
  const random = new Uint32Array(2);
  crypto.getRandomValues(random);
  return `${now.toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`.padEnd(8, '0');
}

/**
 * Sends queued scans one by one, in order. A scan the server answered (accepted or refused) leaves
 * the queue; a network failure stops the pass and keeps it and everything after it for the next one.
 */
export async function flushQueue<A>(
  queue: readonly QueuedScan[],
  send: (scan: QueuedScan) => Promise<A>,
  isNetworkError: (err: unknown) => boolean,
  onAnswer: (scan: QueuedScan, answer: { ok: true; value: A } | { ok: false; error: unknown }) => void,
): Promise<QueuedScan[]> {
  const left = [...queue];
  while (left.length > 0) {
    const scan = left[0]!;
    try {
      onAnswer(scan, { ok: true, value: await send(scan) });
    } catch (error) {
      if (isNetworkError(error)) return left;
      onAnswer(scan, { ok: false, error });
    }
    left.shift();
  }
  return left;
}
