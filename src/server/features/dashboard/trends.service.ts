// getTrends (issue 10, item 2): the last N days of the compound, one value per local day, and each
// building as it is now for the site-plan heat map. Every figure is read with its feature's own query
// (the clearance history, the hours rule, the round report's span, the medicine lists, the testing
// coverage), so a day on the chart says what the feature's own page says about that day.
import {
  medianOf,
  roundToTenth,
  seriesOf,
  waitingAtDayEnds,
} from '../../../domain/dashboard/daily-series.ts';
import { addDays, daysBetween, wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import type { TTrends } from '../../../shared/api/dashboard.ts';
import { ZParcelDayFigures } from '../../../shared/api/parcel-clearance.ts';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import {
  openRequestsPerBuilding,
  requestsMadeOrDeliveredWithin,
} from '../medicine/medicine-requests.repository.ts';
import {
  binCounts,
  closedDays,
  type DayBounds,
  parcelSpansWithin,
  undeliveredAt,
} from '../parcels/clearance.repository.ts';
import { boundsOf, liveDayFigures } from '../parcels/parcel-days.service.ts';
import { communityTimeZone } from '../parcels/parcels.repository.ts';
import { workedMinutesPerDay } from '../shifts/attendance.repository.ts';
import { buildingCoverage } from '../testing/coverage.repository.ts';
import { earlierRounds } from '../testing/report.repository.ts';
import { roundSpan } from '../testing/report.service.ts';
import { dashboardActions } from './dashboard.policy.ts';
import { buildingPlaces } from './trends.repository.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** More rounds than the longest window (90 days) ever holds. */
const ROUNDS_LOOKED_AT = 500;

interface Window {
  now: Date;
  communityId: string;
  timeZone: string;
  days: string[];
  range: DayBounds;
}

/**
 * The clearance history's received and cleared (reached the building) per day: a closed day as it was
 * recorded when closed, an open day as it stands (parcel-days.service listParcelDays). Waiting at the
 * day's end is what undeliveredAt says at that instant; for today, at this moment.
 */
async function parcelTrends(db: Db, w: Window): Promise<TTrends['parcels']> {
  const from = w.days[0]!;
  const to = w.days.at(-1)!;
  const [live, closed, spans, waitingNow] = await Promise.all([
    liveDayFigures(db, w.now, w.communityId, w.timeZone, from, to),
    closedDays(db, w.communityId, from, to),
    parcelSpansWithin(db, w.communityId, w.timeZone, w.range),
    undeliveredAt(db, w.communityId, w.now),
  ]);
  const recorded = new Map(closed.map((c) => [c.day, ZParcelDayFigures.parse(c.figures)]));
  const figure = (day: string, key: 'received' | 'delivered') =>
    recorded.get(day)?.[key] ?? live.get(day)?.[key] ?? 0;
  const waitingAtEnd = waitingAtDayEnds(w.days, spans);
  waitingAtEnd[waitingAtEnd.length - 1] = { day: to, value: waitingNow };
  return {
    received: w.days.map((day) => ({ day, value: figure(day, 'received') })),
    cleared: w.days.map((day) => ({ day, value: figure(day, 'delivered') })),
    waitingAtEnd,
  };
}

/** Hours worked by the hours rule (shifts/attendance.repository), by the day the shift started. */
async function volunteerHourTrend(db: Db, w: Window): Promise<TTrends['volunteerHours']> {
  const minutes = await workedMinutesPerDay(db, w.communityId, w.timeZone, w.now, w.range);
  const hours = new Map([...minutes].map(([day, m]) => [day, roundToTenth(m / 60)]));
  return seriesOf(w.days, hours);
}

type RoundFigures = Awaited<ReturnType<typeof earlierRounds>>[number];

/** The rounds that ran in the window, with the round report's duration (testing/report.service). */
function testingTrend(rounds: RoundFigures[], w: Window): TTrends['testingRounds'] {
  return rounds
    .filter(({ round }) => round.startsAt >= w.range.start && ['running', 'finished'].includes(round.status))
    .map(({ round, first, last, tested }) => {
      const span = roundSpan(round, first, last);
      return {
        roundId: round.id,
        title: round.title,
        day: wallClockAt(round.startsAt, w.timeZone).day,
        durationMinutes: span.ms === null ? null : Math.round(span.ms / MINUTE),
        tested,
      };
    })
    .reverse();
}

/** The round under way, else the last finished one: whose untested residents the heat map shows. */
function currentOrLastRound(rounds: RoundFigures[]) {
  return (
    rounds.find((r) => r.round.status === 'running') ?? rounds.find((r) => r.round.status === 'finished')
  )?.round;
}

/**
 * Requests made per day, handed over per day, and the median hours from the request to the handover
 * of those handed over that day (the medicine lists' rows, medicine-requests.repository).
 */
async function medicineTrends(db: Db, w: Window): Promise<TTrends['medicine']> {
  const rows = await requestsMadeOrDeliveredWithin(db, w.communityId, w.range.start, w.range.end);
  const within = (at: Date | null): at is Date => !!at && at >= w.range.start && at < w.range.end;
  const dayOf = (at: Date) => wallClockAt(at, w.timeZone).day;
  const made = new Map<string, number>();
  const hoursToDelivery = new Map<string, number[]>();
  for (const { request } of rows) {
    if (within(request.createdAt))
      made.set(dayOf(request.createdAt), (made.get(dayOf(request.createdAt)) ?? 0) + 1);
    if (within(request.deliveredAt)) {
      const day = dayOf(request.deliveredAt);
      const hours = (request.deliveredAt.getTime() - request.createdAt.getTime()) / HOUR;
      hoursToDelivery.set(day, [...(hoursToDelivery.get(day) ?? []), hours]);
    }
  }
  return {
    requests: seriesOf(w.days, made),
    delivered: w.days.map((day) => ({ day, value: hoursToDelivery.get(day)?.length ?? 0 })),
    medianHoursToDelivery: w.days.map((day) => {
      const median = medianOf(hoursToDelivery.get(day) ?? []);
      return { day, value: median === null ? null : roundToTenth(median) };
    }),
  };
}

/**
 * Each building now: parcels not yet at it (today's clearance board: waiting + on a run), residents
 * not sampled in the current or last round (its coverage), and open medicine requests (the queue).
 */
async function buildingTrends(db: Db, w: Window, roundId: string | undefined): Promise<TTrends['buildings']> {
  const today = w.days.at(-1)!;
  const [places, bins, coverage, medicine] = await Promise.all([
    buildingPlaces(db, w.communityId),
    binCounts(db, w.communityId, boundsOf(today, today, w.timeZone)),
    roundId ? buildingCoverage(db, w.communityId, roundId) : Promise.resolve([]),
    openRequestsPerBuilding(db, w.communityId),
  ]);
  const bin = new Map(bins.map((b) => [b.buildingId, b]));
  const untested = new Map(coverage.map((c) => [c.buildingId, c.expected - c.tested]));
  return places.map((p) => ({
    ...p,
    waitingParcels: (bin.get(p.buildingId)?.waiting ?? 0) + (bin.get(p.buildingId)?.onRun ?? 0),
    untested: untested.get(p.buildingId) ?? 0,
    openMedicine: medicine.get(p.buildingId) ?? 0,
  }));
}

/** getTrends: the last `days` local days up to today (the community's clock), oldest first. */
export async function getTrends(deps: AppDeps, actor: Actor, query: { days: number }): Promise<TTrends> {
  authorize(actor, dashboardActions['dashboard.read']);
  const communityId = actor.communityId!;
  const now = deps.clock.now();
  const timeZone = await communityTimeZone(deps.db, communityId);
  const to = wallClockAt(now, timeZone).day;
  const from = addDays(to, -(query.days - 1));
  const w: Window = {
    now,
    communityId,
    timeZone,
    days: daysBetween(from, to),
    range: boundsOf(from, to, timeZone),
  };
  const rounds = await earlierRounds(deps.db, communityId, w.range.end, ROUNDS_LOOKED_AT);
  const [parcels, volunteerHours, medicine, buildings] = await Promise.all([
    parcelTrends(deps.db, w),
    volunteerHourTrend(deps.db, w),
    medicineTrends(deps.db, w),
    buildingTrends(deps.db, w, currentOrLastRound(rounds)?.id),
  ]);
  return {
    days: w.days,
    parcels,
    volunteerHours,
    testingRounds: testingTrend(rounds, w),
    medicine,
    buildings,
  };
}
