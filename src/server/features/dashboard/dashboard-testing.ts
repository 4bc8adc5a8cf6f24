import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { roundGates } from '../testing/live-queues.repository.ts';
import { roundSpan } from '../testing/report.service.ts';
import {
  currentAndLastRound,
  type ProgressRound,
  residentTotal,
  roundSamples,
  samplesPerGate,
} from '../testing/round-progress.repository.ts';

const MINUTE = 60_000;
/** tested ÷ expected as the round page shows it, kept within 0…1 */
const coverageOf = (tested: number, expected: number) => (expected > 0 ? Math.min(1, tested / expected) : 0);
const none = Promise.resolve(null);

/**
 * The round under way with its progress per gate (samples by the gate of their tube, the gate's last
 * reported queue as the lane advice reads it), and the last finished round's summary. Expected = every
 * resident of the registry and tested = residents sampled, as the round list counts them; start, end
 * and duration as the round report takes them (started/finished times when set, else the first and
 * last sample, read only then).
 */
export async function testingFigures(db: Db, communityId: string, now: Date): Promise<TDashboard['testing']> {
  const { current, last } = await currentAndLastRound(db, communityId, now);
  if (!current && !last) return { current: null, last: null };
  const needsSpan = (r: ProgressRound) => !r.startedAt || (r.status === 'finished' && !r.finishedAt);
  const [perGate, gates, currentSamples, lastSamples, expected] = await Promise.all([
    current ? samplesPerGate(db, communityId, current.id) : none,
    current ? roundGates(db, communityId, current.id) : none,
    current && needsSpan(current) ? roundSamples(db, communityId, current.id, true) : none,
    last ? roundSamples(db, communityId, last.id, needsSpan(last)) : none,
    residentTotal(db, communityId),
  ]);
  let currentFigures: TDashboard['testing']['current'] = null;
  if (current && perGate && gates) {
    const tested = [...perGate.values()].reduce((n, x) => n + x, 0);
    const span = roundSpan(current, currentSamples?.first ?? null, currentSamples?.last ?? null);
    currentFigures = {
      roundId: current.id,
      title: current.title,
      startedAt: span.start?.toISOString() ?? null,
      expected,
      tested,
      coverage: coverageOf(tested, expected),
      gates: gates.map((g) => ({
        gateId: g.gateId,
        name: g.name,
        tested: perGate.get(g.gateId) ?? 0,
        // nobody has counted this gate's queue yet
        queue: g.queueAt ? g.queue : null,
      })),
    };
  }
  let lastFigures: TDashboard['testing']['last'] = null;
  if (last && lastSamples) {
    const span = roundSpan(last, lastSamples.first, lastSamples.last);
    lastFigures = {
      roundId: last.id,
      title: last.title,
      endedAt: span.end?.toISOString() ?? null,
      expected,
      tested: lastSamples.tested,
      coverage: coverageOf(lastSamples.tested, expected),
      durationMinutes: span.ms === null ? null : Math.round(span.ms / MINUTE),
    };
  }
  return { current: currentFigures, last: lastFigures };
}
