import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeTubeOffline } from './offline-tube.ts';
import {
  flushQueue,
  isProvisionalTube,
  isQueuedOpen,
  type QueuedItem,
  type QueuedOpen,
  type QueuedScan,
  readQueue,
  settle,
  writeQueue,
} from './scan-queue.ts';

const ROUND = 'round-1';
const open = (n: number): QueuedOpen =>
  takeTubeOffline({
    clientKey: `open-key-${n}`,
    round: { id: ROUND, pooling: 10 },
    barcode: `T-${n}`,
    gateId: 'gate-1',
    lane: 2,
    now: new Date('2026-04-09T00:00:00Z'),
  }).open;
const scan = (n: number, tubeId: string): QueuedScan => ({
  kind: 'scan',
  clientKey: `scan-key-${n}`,
  roundId: ROUND,
  tubeId,
  code: `LLCODE${n}`,
  sampledAt: '2026-04-09T00:01:00Z',
  label: `LLCODE${n}`,
});

class NetworkDown extends Error {}

/**
 * A server and a phone's queue: opens get a real id (or are refused when their barcode is in
 * `refuse`); a scan into an id the server never gave would be a bug. `down` fails sends before they
 * arrive, as a lost signal does.
 */
function lane(initial: QueuedItem[], refuse: Set<string> = new Set()) {
  let queue = [...initial];
  const sent: QueuedItem[] = [];
  const dropped: QueuedScan[] = [];
  let tubes = 0;
  const server = { down: false };
  const send = async (item: QueuedItem) => {
    if (server.down) throw new NetworkDown();
    sent.push(item);
    if (isQueuedOpen(item)) {
      if (refuse.has(item.barcode)) throw new Error('TUBE_BARCODE_USED');
      return { id: `real-${++tubes}` };
    }
    if (isProvisionalTube(item.tubeId)) throw new Error(`scan sent into provisional ${item.tubeId}`);
    return { id: item.tubeId };
  };
  const pass = () =>
    flushQueue(
      () => queue[0],
      send,
      (err) => err instanceof NetworkDown,
      (item, answer) => {
        const tubeId = answer.ok && isQueuedOpen(item) ? answer.value.id : undefined;
        const settled = settle(queue, item, answer.ok ? { ok: true, tubeId } : { ok: false });
        queue = settled.queue;
        dropped.push(...settled.dropped);
      },
    );
  return { server, pass, sent, dropped, queue: () => queue };
}

describe('the lane queue: tubes opened offline, then their scans', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reads scans queued before opens could be queued (no kind) and skips what it cannot read', () => {
    const old = {
      clientKey: 'k-0000001',
      roundId: ROUND,
      tubeId: 't1',
      sampledAt: 'x',
      label: 'L',
      code: 'C',
    };
    store.set('linli.testing.scanQueue.c1', JSON.stringify([old, { junk: true }, 7, open(1)]));
    const read = readQueue('c1');
    expect(read).toEqual([old, open(1)]);
    expect(read.map(isQueuedOpen)).toEqual([false, true]);
    writeQueue('c1', []);
    expect(store.has('linli.testing.scanQueue.c1')).toBe(false);
  });

  it('gives the scans behind an accepted open the real tube id, and only those', () => {
    const o = open(1);
    const queue = [o, scan(1, o.tubeId), scan(2, 'real-other'), scan(3, o.tubeId)];
    const { queue: next, dropped } = settle(queue, o, { ok: true, tubeId: 'real-7' });
    expect(dropped).toEqual([]);
    expect(next.map((i) => i.tubeId)).toEqual(['real-7', 'real-other', 'real-7']);
    expect(next.map((i) => i.clientKey)).toEqual(['scan-key-1', 'scan-key-2', 'scan-key-3']);
  });

  it("takes a refused open's scans out of the queue and names them, leaving the others", () => {
    const o = open(1);
    const queue = [o, scan(1, o.tubeId), scan(2, 'real-other'), scan(3, o.tubeId)];
    const { queue: next, dropped } = settle(queue, o, { ok: false });
    expect(next.map((i) => i.clientKey)).toEqual(['scan-key-2']);
    expect(dropped.map((d) => d.label)).toEqual(['LLCODE1', 'LLCODE3']);
  });

  it('holds everything while offline, then sends the open first and its scans into the real tube', async () => {
    const o = open(1);
    const l = lane([o, scan(1, o.tubeId), scan(2, o.tubeId), scan(3, o.tubeId)]);
    l.server.down = true;
    expect(await l.pass()).toEqual(o);
    expect(l.queue()).toHaveLength(4);
    l.server.down = false;
    expect(await l.pass()).toBeUndefined();
    expect(l.queue()).toEqual([]);
    expect(l.sent.map((i) => i.tubeId)).toEqual([o.tubeId, 'real-1', 'real-1', 'real-1']);
  });

  it('never sends the scans of a refused open, and reports them for scanning again', async () => {
    const a = open(1);
    const b = open(2);
    const l = lane([a, scan(1, a.tubeId), scan(2, a.tubeId), b, scan(3, b.tubeId)], new Set(['T-1']));
    await l.pass();
    expect(l.sent.map((i) => i.clientKey)).toEqual(['open-key-1', 'open-key-2', 'scan-key-3']);
    expect(l.dropped.map((d) => d.clientKey)).toEqual(['scan-key-1', 'scan-key-2']);
    expect(l.sent.at(-1)!.tubeId).toBe('real-1');
  });

  it('keeps order, sends each item once, and never sends a provisional id (property)', async () => {
    // a queue of steps: open a tube (maybe refused) or scan into the newest tube; the signal drops
    // before random sends, and passes repeat until the queue is empty
    const step = fc.oneof(
      fc.record({ open: fc.constant(true), refused: fc.boolean() }),
      fc.record({ open: fc.constant(false) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 60 }),
        async (steps, drops) => {
          const items: QueuedItem[] = [];
          const refuse = new Set<string>();
          let tubeId = 'real-before';
          steps.forEach((s, i) => {
            if (s.open) {
              const o = open(i);
              if (s.refused) refuse.add(o.barcode);
              tubeId = o.tubeId;
              items.push(o);
            } else items.push(scan(i, tubeId));
          });
          const l = lane(items, refuse);
          for (let pass = 0; l.queue().length > 0; pass++) {
            l.server.down = drops[pass] ?? false;
            await l.pass();
          }
          const sentKeys = l.sent.map((i) => i.clientKey);
          expect(new Set(sentKeys).size).toBe(sentKeys.length);
          const deadTubes = new Set(
            items.filter((i) => isQueuedOpen(i) && refuse.has(i.barcode)).map((i) => i.tubeId),
          );
          const expected = items.filter((i) => isQueuedOpen(i) || !deadTubes.has(i.tubeId));
          expect(sentKeys).toEqual(expected.map((i) => i.clientKey));
          expect(l.dropped.map((d) => d.clientKey)).toEqual(
            items.filter((i) => !isQueuedOpen(i) && deadTubes.has(i.tubeId)).map((i) => i.clientKey),
          );
          for (const s of l.sent) if (!isQueuedOpen(s)) expect(isProvisionalTube(s.tubeId)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
