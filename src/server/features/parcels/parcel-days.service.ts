import { perVolunteerHour, roundTo, volunteerHours } from '../../../domain/parcels/day-figures.ts';
import { addDays, daysBetween, wallClockAt, wallTimeToInstant } from '../../../domain/shifts/zoned-time.ts';
import {
  PARCEL_HISTORY_MAX_DAYS,
  type TParcelDaySummary,
  type TParcelDays,
  ZParcelDayFigures,
} from '../../../shared/api/parcel-clearance.ts';
import { AppError } from '../../platform/app-error.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import {
  closedDays,
  type DayBounds,
  deliveredPerDay,
  parcelShifts,
  pickedUpPerDay,
  receivedPerDay,
} from './clearance.repository.ts';
import { communityTimeZone } from './parcels.repository.ts';
import { authorizeParcelWork } from './parcels-access.ts';

type Executor = AppDeps['db'];

/** The UTC instants a run of local days starts at and ends before. */
export function boundsOf(from: string, to: string, timeZone: string): DayBounds {
  return {
    day: from,
    start: wallTimeToInstant(from, '00:00', timeZone),
    end: wallTimeToInstant(addDays(to, 1), '00:00', timeZone),
  };
}

export const todayIn = (deps: AppDeps, timeZone: string) => wallClockAt(deps.clock.now(), timeZone).day;

export interface LiveDayFigures {
  received: number;
  delivered: number;
  pickedUp: number;
  volunteerHours: number;
  hoursBasis: TParcelDaySummary['hoursBasis'];
  deliveredPerVolunteerHour: number | null;
  medianMinutesToBuilding: number | null;
}

/**
 * Each day's figures computed from the parcels and the parcels group's shifts as they are now:
 * received that day, delivered to the building that day (any day's parcels), picked up that day,
 * the volunteer-hours of the day's shifts (domain/parcels/day-figures.ts) and the median minutes
 * from the gate to the building of the parcels delivered that day.
 */
export async function liveDayFigures(
  db: Executor,
  now: Date,
  communityId: string,
  timeZone: string,
  from: string,
  to: string,
): Promise<Map<string, LiveDayFigures>> {
  const range = boundsOf(from, to, timeZone);
  const received = await receivedPerDay(db, communityId, from, to);
  const delivered = await deliveredPerDay(db, communityId, timeZone, range);
  const pickedUp = await pickedUpPerDay(db, communityId, timeZone, range);
  const shifts = await parcelShifts(db, communityId, timeZone, range, now);
  const figures = new Map<string, LiveDayFigures>();
  for (const day of daysBetween(from, to)) {
    const hours = volunteerHours(shifts.filter((s) => s.day === day));
    const done = delivered.get(day);
    figures.set(day, {
      received: received.get(day) ?? 0,
      delivered: done?.delivered ?? 0,
      pickedUp: pickedUp.get(day) ?? 0,
      volunteerHours: hours.hours,
      hoursBasis: hours.basis,
      deliveredPerVolunteerHour: perVolunteerHour(done?.delivered ?? 0, hours.hours),
      medianMinutesToBuilding:
        done?.medianMinutes === null || done?.medianMinutes === undefined
          ? null
          : roundTo(done.medianMinutes, 1),
    });
  }
  return figures;
}

/**
 * listParcelDays: the history per day, oldest first. A closed day reads the figures recorded when it
 * was closed; an open day is computed now. Default: the last 30 days up to the community's today.
 */
export async function listParcelDays(
  deps: AppDeps,
  actor: Actor,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<TParcelDays> {
  await authorizeParcelWork(deps, actor, 'parcels.board');
  const communityId = actor.communityId!;
  const timeZone = await communityTimeZone(deps.db, communityId);
  const to = query.to ?? todayIn(deps, timeZone);
  const from = query.from ?? addDays(to, -29);
  const span = daysBetween(from, to).length;
  if (span === 0 || span > PARCEL_HISTORY_MAX_DAYS) {
    throw new AppError('PARCEL_DAYS_RANGE', { max: PARCEL_HISTORY_MAX_DAYS });
  }
  const closed = new Map((await closedDays(deps.db, communityId, from, to)).map((c) => [c.day, c]));
  const live = await liveDayFigures(deps.db, deps.clock.now(), communityId, timeZone, from, to);
  const days = daysBetween(from, to).map((day): TParcelDaySummary => {
    const closure = closed.get(day);
    if (closure) {
      const f = ZParcelDayFigures.parse(closure.figures);
      return {
        day,
        closed: true,
        closedAt: closure.closedAt.toISOString(),
        closedByName: closure.closedByName,
        received: f.received,
        delivered: f.delivered,
        pickedUp: f.pickedUp,
        leftOver: f.leftOver,
        volunteerHours: f.volunteerHours,
        hoursBasis: f.hoursBasis,
        deliveredPerVolunteerHour: f.deliveredPerVolunteerHour,
        medianMinutesToBuilding: f.medianMinutesToBuilding,
      };
    }
    const f = live.get(day)!;
    return { day, closed: false, closedAt: null, closedByName: null, leftOver: null, ...f };
  });
  return { from, to, days };
}
