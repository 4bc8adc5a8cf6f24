/**
 * What the lane phone did and the server has not heard yet, kept in localStorage so that a phone that
 * loses its signal (or is reloaded) sends it later, in the order it was done: opening a tube, and
 * scans. Each item carries the clientKey the server uses to land it once, however often it is sent.
 */
export interface QueuedScan {
  /** absent in scans queued before tubes could be opened offline: still a scan */
  kind?: 'scan';
  clientKey: string;
  roundId: string;
  /** the tube's id, or the provisional `offline-…` id of a tube whose opening waits in the queue */
  tubeId: string;
  code?: string | undefined;
  residentId?: string | undefined;
  /** when the phone scanned it: the sample's time even if it reaches the server later */
  sampledAt: string;
  /** what the scanner saw, to name the scan in messages while it waits */
  label: string;
}

/** A tube opened without signal: the lane scans into it under a provisional id until it is sent. */
export interface QueuedOpen {
  kind: 'open';
  clientKey: string;
  roundId: string;
  /** the provisional id (`offline-<clientKey>`) the lane and the scans behind it use meanwhile */
  tubeId: string;
  barcode: string;
  gateId: string | null;
  lane: number | null;
  label: string;
}

export type QueuedItem = QueuedOpen | QueuedScan;

export const isQueuedOpen = (item: QueuedItem): item is QueuedOpen => item.kind === 'open';

const PROVISIONAL = 'offline-';
export const provisionalTubeId = (clientKey: string) => `${PROVISIONAL}${clientKey}`;
export const isProvisionalTube = (tubeId: string) => tubeId.startsWith(PROVISIONAL);

const storageKey = (communityId: string) => `linli.testing.scanQueue.${communityId}`;

const readable = (item: unknown): item is QueuedItem => {
  if (typeof item !== 'object' || item === null) return false;
  const i = item as Partial<QueuedOpen> & Partial<Omit<QueuedScan, 'kind'>> & { kind?: unknown };
  if (typeof i.clientKey !== 'string' || typeof i.roundId !== 'string' || typeof i.tubeId !== 'string')
    return false;
  if (i.kind === 'open') return typeof i.barcode === 'string';
  return (i.kind === undefined || i.kind === 'scan') && typeof i.sampledAt === 'string';
};

export function readQueue(communityId: string): QueuedItem[] {
  try {
    const raw = localStorage.getItem(storageKey(communityId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(readable) : [];
  } catch {
    return [];
  }
}

export function writeQueue(communityId: string, queue: readonly QueuedItem[]) {
  try {
    if (queue.length === 0) localStorage.removeItem(storageKey(communityId));
    else localStorage.setItem(storageKey(communityId), JSON.stringify(queue));
  } catch {
    // storage full or blocked: the items stay in memory for this page's life
  }
}

/** A key no other scan of any phone will carry: time plus 64 random bits. */
export function newClientKey(now = Date.now()): string {
  const random = new Uint32Array(2);
  crypto.getRandomValues(random);
  return `${now.toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`.padEnd(8, '0');
}

/** The server's answer to one item, as far as the rest of the queue cares. */
export type Outcome = { ok: true; tubeId?: string | undefined } | { ok: false };

/**
 * The queue once the server answered `item`: the item leaves it. An accepted open gives the scans
 * queued behind it the tube's real id; a refused open takes its scans out (they would all be refused
 * as well) and names them in `dropped`, so the scanner can scan those people again into another tube.
 */
export function settle(
  queue: readonly QueuedItem[],
  item: QueuedItem,
  outcome: Outcome,
): { queue: QueuedItem[]; dropped: QueuedScan[] } {
  const rest = queue.filter((i) => i.clientKey !== item.clientKey);
  if (!isQueuedOpen(item)) return { queue: rest, dropped: [] };
  const behind = (i: QueuedItem): i is QueuedScan => !isQueuedOpen(i) && i.tubeId === item.tubeId;
  if (outcome.ok) {
    const tubeId = outcome.tubeId ?? item.tubeId;
    return { queue: rest.map((i) => (behind(i) ? { ...i, tubeId } : i)), dropped: [] };
  }
  return { queue: rest.filter((i) => !behind(i)), dropped: rest.filter(behind) };
}

/**
 * Sends queued items one by one, in order, each read fresh from `next()` (answers rewrite the items
 * behind them). `onAnswer` must take the answered item out of the queue. A network failure stops the
 * pass and returns the item held, which stays first for the next pass.
 */
export async function flushQueue<A>(
  next: () => QueuedItem | undefined,
  send: (item: QueuedItem) => Promise<A>,
  isNetworkError: (err: unknown) => boolean,
  onAnswer: (item: QueuedItem, answer: { ok: true; value: A } | { ok: false; error: unknown }) => void,
): Promise<QueuedItem | undefined> {
  let answered: string | undefined;
  for (let item = next(); item && item.clientKey !== answered; item = next()) {
    try {
      const value = await send(item);
      onAnswer(item, { ok: true, value });
    } catch (error) {
      if (isNetworkError(error)) return item;
      onAnswer(item, { ok: false, error });
    }
    answered = item.clientKey;
  }
  return undefined;
}
