import { z } from 'zod';
import { ZUuid } from './common.ts';

// The live "2+6+280" picture of a compound (issue 10). Every figure is the same count its feature
// shows on its own pages; `at` is when it was computed. Times are ISO strings (UTC).

const count = z.number().int().min(0);
const ZIso = z.string();

export const ZDashboardPeople = z.object({
  /** committee staff (居委干部, 社工) */
  staff: count,
  coordinators: count,
  volunteers: z.object({ approved: count, pending: count }),
  /** approved volunteers checked in to a shift right now */
  onShiftNow: count,
  groups: z.array(
    z.object({ groupId: ZUuid, key: z.string(), name: z.string(), members: count, onShiftNow: count }),
  ),
});

export const ZDashboardParcels = z.object({
  /** parcels received (scanned in) since local midnight */
  receivedToday: count,
  deliveredToday: count,
  pickedUpToday: count,
  /** all parcels not yet delivered or picked up */
  waiting: count,
  oldestWaitingSince: ZIso.nullable(),
});

export const ZDashboardTesting = z.object({
  /** the round under way, per gate */
  current: z
    .object({
      roundId: ZUuid,
      title: z.string(),
      startedAt: ZIso.nullable(),
      expected: count,
      tested: count,
      /** tested / expected, 0..1 */
      coverage: z.number().min(0).max(1),
      gates: z.array(z.object({ gateId: ZUuid, name: z.string(), tested: count, queue: count.nullable() })),
    })
    .nullable(),
  /** the last finished round */
  last: z
    .object({
      roundId: ZUuid,
      title: z.string(),
      endedAt: ZIso.nullable(),
      expected: count,
      tested: count,
      coverage: z.number().min(0).max(1),
      durationMinutes: count.nullable(),
    })
    .nullable(),
});

export const ZDashboardMedicine = z.object({
  open: z.object({ critical: count, high: count, normal: count }),
  overdue: count,
  /** the overdue ones first, then the most urgent; at most 5 */
  top: z.array(
    z.object({
      id: ZUuid,
      urgency: z.string(),
      status: z.string(),
      dueAt: ZIso.nullable(),
      overdue: z.boolean(),
    }),
  ),
});

export const ZDashboardGroupBuys = z.object({
  open: z.array(z.object({ id: ZUuid, title: z.string(), closesAt: ZIso, households: count })),
  /** allocated or arrived campaigns still being handed out: buildings done of buildings to do */
  inDistribution: z.array(z.object({ id: ZUuid, title: z.string(), buildingsDone: count, buildings: count })),
});

export const ZDashboardDisinfection = z.object({
  dueToday: count,
  doneToday: count,
  overdue: count,
  overdueAreas: z.array(z.object({ id: ZUuid, name: z.string() })),
});

export const ZDashboardRelays = z.object({
  unconfirmed: count,
  escalated: count,
  /** building codes with unconfirmed relays */
  buildings: z.array(z.string()),
});

export const ZDashboard = z.object({
  communityId: ZUuid,
  name: z.string(),
  timeZone: z.string(),
  at: ZIso,
  people: ZDashboardPeople,
  parcels: ZDashboardParcels,
  testing: ZDashboardTesting,
  medicine: ZDashboardMedicine,
  groupBuys: ZDashboardGroupBuys,
  disinfection: ZDashboardDisinfection,
  relays: ZDashboardRelays,
});
export type TDashboard = z.infer<typeof ZDashboard>;

/** The SSE event that carries a fresh TDashboard on the dashboard stream. */
export const DASHBOARD_EVENT = 'dashboard';

export const ZTrendsQuery = z.object({ days: z.coerce.number().int().min(7).max(90).default(30) });

/** One value per local day, oldest first; `day` is YYYY-MM-DD in the community's time zone. */
const series = z.array(z.object({ day: z.string(), value: z.number() }));
const gappySeries = z.array(z.object({ day: z.string(), value: z.number().nullable() }));

export const ZTrends = z.object({
  days: z.array(z.string()),
  parcels: z.object({ received: series, cleared: series, waitingAtEnd: series }),
  volunteerHours: series,
  testingRounds: z.array(
    z.object({
      roundId: ZUuid,
      title: z.string(),
      day: z.string(),
      durationMinutes: count.nullable(),
      tested: count,
    }),
  ),
  /** medianHoursToDelivery: null on a day nothing was delivered (a gap in the chart, not a zero) */
  medicine: z.object({ requests: series, delivered: series, medianHoursToDelivery: gappySeries }),
  /** per building now, for the site-plan heat map */
  buildings: z.array(
    z.object({
      buildingId: ZUuid,
      code: z.string(),
      x: z.number(),
      y: z.number(),
      waitingParcels: count,
      untested: count,
      openMedicine: count,
    }),
  ),
});
export type TTrends = z.infer<typeof ZTrends>;

/** A compound's headline figures for the street office's table and map. */
export const ZStreetRow = z.object({
  communityId: ZUuid,
  name: z.string(),
  street: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  volunteersOnShift: count,
  parcelsWaiting: count,
  oldestParcelSince: ZIso.nullable(),
  testingCoverage: z.number().min(0).max(1).nullable(),
  medicineOpen: count,
  medicineOverdue: count,
  disinfectionOverdue: count,
  relaysUnconfirmed: count,
});
export const ZStreetOverview = z.object({ at: ZIso, communities: z.array(ZStreetRow) });
export type TStreetOverview = z.infer<typeof ZStreetOverview>;

export const ZDailyReportParams = z.object({
  communityId: ZUuid,
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const ZDailyReport = z.object({
  communityId: ZUuid,
  day: z.string(),
  generatedAt: ZIso,
  trigger: z.enum(['scheduled', 'on_demand']),
  figures: ZDashboard,
  /** the day's events in time order: rounds run, campaigns closed, announcements, shifts … */
  events: z.array(z.object({ at: ZIso, kind: z.string(), text: z.string(), link: z.string().nullable() })),
  /** what is still open at the report's time: overdue medicine, parcels waiting long, relays … */
  problems: z.array(z.object({ kind: z.string(), text: z.string(), link: z.string().nullable() })),
});
export type TDailyReport = z.infer<typeof ZDailyReport>;
export const ZDailyReportList = z.object({
  reports: z.array(
    z.object({ day: z.string(), generatedAt: ZIso, trigger: z.enum(['scheduled', 'on_demand']) }),
  ),
});
