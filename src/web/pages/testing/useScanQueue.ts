import { useCallback, useEffect, useRef, useState } from 'react';
import type { TRecordedSample } from '../../../shared/api/testing-scans.ts';
import { ApiError } from '../../api/client.ts';
import { sendSample } from '../../api/testing-scans.ts';
import { flushQueue, type QueuedScan, readQueue, writeQueue } from './scan-queue.ts';

const RETRY_EVERY_MS = 5_000;

/** No answer from the server (offline, or a gateway with nothing behind it): send it again later. */
const isNetworkError = (err: unknown) =>
  err instanceof ApiError &&
  (err.code === 'NETWORK' || err.status === 502 || err.status === 503 || err.status === 504);

export type ScanAnswer = { ok: true; value: TRecordedSample } | { ok: false; error: unknown };

/**
 * Every scan is written to the queue first and then sent, in order, one at a time: a scan survives
 * a lost signal and a reload, and the server's clientKey makes sure nothing lands twice. While a
 * scan cannot be sent the queue waits, and tries again every few seconds and when the phone says
 * it is back online.
 */
export function useScanQueue(
  communityId: string,
  onAnswer: (scan: QueuedScan, answer: ScanAnswer) => void,
  onHeld: (scan: QueuedScan) => void,
) {
  const [queue, setQueue] = useState<QueuedScan[]>(() => readQueue(communityId));
  const current = useRef(queue);
  const busy = useRef(false);
  const handlers = useRef({ onAnswer, onHeld });
  handlers.current = { onAnswer, onHeld };

  const update = useCallback(
    (next: QueuedScan[]) => {
      current.current = next;
      writeQueue(communityId, next);
      setQueue(next);
    },
    [communityId],
  );

  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      while (current.current.length > 0) {
        const snapshot = current.current;
        const left = await flushQueue(
          snapshot,
          (scan) =>
            sendSample(communityId, scan.roundId, scan.tubeId, {
              clientKey: scan.clientKey,
              sampledAt: scan.sampledAt,
              ...(scan.code ? { code: scan.code } : { residentId: scan.residentId }),
            }),
          isNetworkError,
          (scan, answer) => {
            // leave the queue as soon as the server answered, before the next scan is sent
            update(current.current.filter((s) => s.clientKey !== scan.clientKey));
            handlers.current.onAnswer(scan, answer);
          },
        );
        if (left.length > 0) {
          handlers.current.onHeld(left[0]!);
          break;
        }
      }
    } finally {
      busy.current = false;
    }
  }, [communityId, update]);

  const enqueue = useCallback(
    (scan: QueuedScan) => {
      update([...current.current, scan]);
      void flush();
    },
    [flush, update],
  );

  useEffect(() => {
    void flush();
    const retry = () => {
      if (current.current.length > 0) void flush();
    };
    const timer = setInterval(retry, RETRY_EVERY_MS);
    window.addEventListener('online', retry);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', retry);
    };
  }, [flush]);

  return { queue, enqueue, flush };
}
