import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { roundGates } from '../testing/live-queues.repository.ts';
import { roundSpan } from '../testing/report.service.ts';
import {
  currentAndLastRound,
  type ProgressRound,
  type RoundSampleFigures,
  roundSampleFigures,
} from '../testing/round-progress.repository.ts';
import { residentCount } from '../testing/rounds.repository.ts';

const MINUTE = 60_000;
/** tested ÷ expected as the round page shows it, kept within 0…1 */
const coverageOf = (tested: number, expected: number) => (expected > 0 ? Math.min(1, tested / expected) : 0);

/**
 * The round under way with its progress per gate (samples by the gate of their tube, the gate's last
 * reported queue as the lane advice reads it), and the last finished round's summary. Expected = every
 * resident of the registry and tested = residents sampled, as the round list counts them; start, end
 * and duration as the round report takes them (started/finished times when set, else the first and
 * last sample).
 */
export async function testingFigures(db: Db, communityId: string, now: Date): Promise<TDashboard['testing']> {
  const { current, last } = await currentAndLastRound(db, communityId, now);
  const ids = [current?.id, last?.id].filter((id): id is string => Boolean(id));
  const [samples, gates, expected] = await Promise.all([
    roundSampleFigures(db, communityId, ids),
    current ? roundGates(db, communityId, current.id) : Promise.resolve([]),
    ids.length > 0 ? residentCount(db, communityId) : Promise.resolve(0),
  ]);
  const spanOf = (round: ProgressRound, f: RoundSampleFigures) => roundSpan(round, f.first, f.last);
  const currentFigures = current ? samples.get(current.id)! : null;
  const lastFigures = last ? samples.get(last.id)! : null;
  return {
    current:
      current && currentFigures
        ? {
            roundId: current.id,
            title: current.title,
            startedAt: spanOf(current, currentFigures).start?.toISOString() ?? null,
            expected,
            tested: currentFigures.tested,
            coverage: coverageOf(currentFigures.tested, expected),
            gates: gates.map((g) => ({
              gateId: g.gateId,
              name: g.name,
              tested: currentFigures.byGate.get(g.gateId) ?? 0,
              // nobody has counted this gate's queue yet
              queue: g.queueAt ? g.queue : null,
            })),
          }
        : null,
    last:
      last && lastFigures
        ? (() => {
            const span = spanOf(last, lastFigures);
            return {
              roundId: last.id,
              title: last.title,
              endedAt: span.end?.toISOString() ?? null,
              expected,
              tested: lastFigures.tested,
              coverage: coverageOf(lastFigures.tested, expected),
              durationMinutes: span.ms === null ? null : Math.round(span.ms / MINUTE),
            };
          })()
        : null,
  };
}
