import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import type { ROUND_STATUSES, TTestingRound } from '../../../shared/api/testing-rounds.ts';
import type { Executor } from './rounds.repository.ts';
import {
  communityTimeZone,
  type RoundRow,
  residentCount,
  roundCounts,
  roundGateRows,
  roundRows,
  roundZoneRows,
} from './rounds.repository.ts';

type Status = (typeof ROUND_STATUSES)[number];

/** Rounds of the community (or one), with their gates, zones and figures, as the API shows them. */
export async function presentRounds(
  db: Executor,
  communityId: string,
  roundId?: string,
): Promise<TTestingRound[]> {
  const rows = await roundRows(db, communityId, roundId);
  const ids = rows.map((r) => r.id);
  const [gateRows, zoneRows, counts, expected, timeZone] = await Promise.all([
    roundGateRows(db, communityId, ids),
    roundZoneRows(db, communityId, ids),
    roundCounts(db, communityId, ids),
    residentCount(db, communityId),
    communityTimeZone(db, communityId),
  ]);
  return rows.map((row: RoundRow) => {
    const local = wallClockAt(row.startsAt, timeZone);
    const count = counts.get(row.id) ?? { tested: 0, homeVisits: 0 };
    return {
      id: row.id,
      title: row.title,
      status: row.status as Status,
      startsAt: row.startsAt.toISOString(),
      day: local.day,
      startTime: local.time,
      pooling: row.pooling,
      lanes: row.lanes,
      assumptions: {
        serviceMeanSeconds: row.serviceMeanSeconds,
        serviceSdSeconds: row.serviceSdSeconds,
        switchSeconds: row.switchSeconds,
        callIntervalSeconds: row.callIntervalSeconds,
      },
      shift:
        row.shiftId && row.shiftStartsAt
          ? { id: row.shiftId, title: row.shiftTitle, startsAt: row.shiftStartsAt.toISOString() }
          : null,
      gates: gateRows
        .filter((g) => g.roundId === row.id)
        .map(({ gateId, name, lanes, crowdLimit, queue }) => ({ gateId, name, lanes, crowdLimit, queue })),
      zones: zoneRows
        .filter((z) => z.roundId === row.id)
        .map(({ zoneId, name, gateId }) => ({ zoneId, name, gateId })),
      figures: { expected, tested: count.tested, homeVisits: count.homeVisits },
      createdAt: row.createdAt.toISOString(),
    };
  });
}
