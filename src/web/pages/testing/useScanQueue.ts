import { useCallback, useEffect, useRef, useState } from 'react';
import type { TRecordedSample, TTube } from '../../../shared/api/testing-scans.ts';
import { ApiError } from '../../api/client.ts';
import { sendOpenTube, sendSample } from '../../api/testing-scans.ts';
import { i18n } from '../../i18n/index.ts';
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

const RETRY_EVERY_MS = 5_000;

/** No answer from the server (offline, or a gateway with nothing behind it): send it again later. */
export const isNetworkError = (err: unknown) =>
  err instanceof ApiError &&
  (err.code === 'NETWORK' || err.status === 502 || err.status === 503 || err.status === 504);

export type ScanAnswer = { ok: true; value: TRecordedSample } | { ok: false; error: unknown };
export type OpenAnswer = { ok: true; value: TTube } | { ok: false; error: unknown };

export interface QueueHandlers {
  onScan: (scan: QueuedScan, answer: ScanAnswer) => void;
  /** `dropped`: the scans queued into a tube the server refused to open, to be scanned again */
  onOpen: (open: QueuedOpen, answer: OpenAnswer, dropped: QueuedScan[]) => void;
  onHeld: (item: QueuedItem) => void;
}

/** A scan into a provisional tube whose opening is no longer queued (it was refused): never sendable. */
const tubeNotOpened = () => new ApiError(409, 'TUBE_NOT_OPENED', i18n.t('testingOffline.tubeNotOpened'), []);

/**
 * Every open and scan is written to the queue first and then sent, in order, one at a time: it
 * survives a lost signal and a reload, and the server's clientKey makes sure nothing lands twice.
 * While an item cannot be sent the queue waits, and tries again every few seconds and when the phone
 * says it is back online.
 */
export function useScanQueue(communityId: string, handlers: QueueHandlers) {
  const [queue, setQueue] = useState<QueuedItem[]>(() => readQueue(communityId));
  const current = useRef(queue);
  const busy = useRef(false);
  // provisional tube ids the server has named since: a scan enqueued a moment late still finds its tube
  const named = useRef(new Map<string, string>());
  const latest = useRef(handlers);
  latest.current = handlers;

  const update = useCallback(
    (next: QueuedItem[]) => {
      current.current = next;
      writeQueue(communityId, next);
      setQueue(next);
    },
    [communityId],
  );

  const send = useCallback(
    (item: QueuedItem): Promise<TTube | TRecordedSample> => {
      if (isQueuedOpen(item)) {
        const { barcode, gateId, lane, clientKey } = item;
        return sendOpenTube(communityId, item.roundId, { barcode, gateId, lane, clientKey });
      }
      if (isProvisionalTube(item.tubeId)) return Promise.reject(tubeNotOpened());
      return sendSample(communityId, item.roundId, item.tubeId, {
        clientKey: item.clientKey,
        sampledAt: item.sampledAt,
        ...(item.code ? { code: item.code } : { residentId: item.residentId }),
      });
    },
    [communityId],
  );

  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const held = await flushQueue(
        () => current.current[0],
        send,
        isNetworkError,
        (item, answer) => {
          // leave the queue as soon as the server answered, before the next item is sent
          const tubeId = answer.ok && isQueuedOpen(item) ? (answer.value as TTube).id : undefined;
          const settled = settle(current.current, item, answer.ok ? { ok: true, tubeId } : { ok: false });
          if (tubeId) named.current.set(item.tubeId, tubeId);
          update(settled.queue);
          if (isQueuedOpen(item)) latest.current.onOpen(item, answer as OpenAnswer, settled.dropped);
          else latest.current.onScan(item, answer as ScanAnswer);
        },
      );
      if (held) latest.current.onHeld(held);
    } finally {
      busy.current = false;
    }
  }, [send, update]);

  const enqueue = useCallback(
    (item: QueuedItem) => {
      const tubeId = isQueuedOpen(item) ? undefined : named.current.get(item.tubeId);
      update([...current.current, tubeId ? { ...item, tubeId } : item]);
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
