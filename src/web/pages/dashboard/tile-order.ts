import type { TDashboard } from '../../../shared/api/dashboard.ts';

export const TILES = [
  'people',
  'parcels',
  'testing',
  'medicine',
  'groupBuys',
  'disinfection',
  'relays',
] as const;
export type TileKey = (typeof TILES)[number];

const HOUR = 3_600_000;
/** A parcel still at the gate after this long is a problem the secretary must hear about first. */
export const LONG_WAIT_HOURS = 24;

/**
 * How pressing each area is now, higher first: a person waiting on medicine past its deadline beats
 * everything; then relays pushed up to the committee, a round under way, parcels left a day, overdue
 * disinfection; then areas with work in hand; the people headline last. Ties keep TILES' order.
 */
export function urgencyOf(d: TDashboard, now: number): Record<TileKey, number> {
  const oldest = d.parcels.oldestWaitingSince ? now - Date.parse(d.parcels.oldestWaitingSince) : 0;
  const open = d.medicine.open;
  return {
    medicine: d.medicine.overdue > 0 ? 100 : open.critical > 0 ? 80 : open.high + open.normal > 0 ? 40 : 0,
    relays: d.relays.escalated > 0 ? 90 : d.relays.unconfirmed > 0 ? 30 : 0,
    testing: d.testing.current ? 85 : 0,
    parcels: oldest >= LONG_WAIT_HOURS * HOUR ? 70 : d.parcels.waiting > 0 ? 35 : 0,
    disinfection:
      d.disinfection.overdue > 0 ? 60 : d.disinfection.dueToday > d.disinfection.doneToday ? 20 : 0,
    groupBuys: d.groupBuys.inDistribution.length > 0 ? 25 : d.groupBuys.open.length > 0 ? 15 : 0,
    people: d.people.volunteers.pending > 0 ? 10 : 5,
  };
}

/** The tiles with the most urgent first (the phone's single column). */
export function tilesByUrgency(d: TDashboard, now: number): TileKey[] {
  const score = urgencyOf(d, now);
  return [...TILES].sort((a, b) => score[b] - score[a] || TILES.indexOf(a) - TILES.indexOf(b));
}
