import type { TTube } from '../../../shared/api/testing-scans.ts';
import { provisionalTubeId, type QueuedOpen } from './scan-queue.ts';

/**
 * A tube the lane takes without signal: the provisional tube the scanner scans into at once
 * (capacity = the round's pooling, nothing in it yet) and the open that waits in the queue, ahead of
 * those scans. Both carry the same provisional id, which the server's tube id replaces once it is sent.
 */
export function takeTubeOffline(opts: {
  clientKey: string;
  round: { id: string; pooling: number };
  barcode: string;
  gateId: string | null;
  lane: number;
  now: Date;
}): { tube: TTube; open: QueuedOpen } {
  const id = provisionalTubeId(opts.clientKey);
  const lane = opts.gateId ? opts.lane : null;
  return {
    tube: {
      id,
      roundId: opts.round.id,
      barcode: opts.barcode,
      gateId: opts.gateId,
      lane,
      capacity: opts.round.pooling,
      samples: 0,
      openedAt: opts.now.toISOString(),
      closedAt: null,
    },
    open: {
      kind: 'open',
      clientKey: opts.clientKey,
      roundId: opts.round.id,
      tubeId: id,
      barcode: opts.barcode,
      gateId: opts.gateId,
      lane,
      label: opts.barcode,
    },
  };
}
