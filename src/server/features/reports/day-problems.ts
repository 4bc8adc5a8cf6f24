// What is still open when a day report is made: overdue medicine, relays nobody confirmed and overdue
// disinfection as the dashboard counts them (the same figures the report carries), and parcels that
// waited longer than the community's reminder time (communities.parcel_reminder_minutes, the limit the
// parcel reminders use).
import { sql } from 'drizzle-orm';
import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { ReportLineKind, ReportParams } from '../../../shared/i18n/report-messages.ts';
import type { Db } from '../../db/client.ts';

export interface StoredProblem {
  kind: ReportLineKind;
  params: ReportParams;
  link: string | null;
}

interface LongWaits {
  minutes: number;
  atGate: number;
  oldestAtGate: string | null;
  uncollected: number;
  uncollectedBuildings: string[];
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Parcels past the reminder time at `now`: still at the gate or on a run since longer (by receipt),
 * and delivered to their building but not picked up since longer (by delivery).
 */
export async function longParcelWaits(db: Db, communityId: string, now: Date): Promise<LongWaits> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    with c as (select parcel_reminder_minutes as minutes from communities where id = ${communityId}),
    late as (
      select p.status, p.received_at, b.code
      from parcels p
      cross join c
      left join buildings b on b.community_id = p.community_id and b.id = p.building_id
      where p.community_id = ${communityId}
        and ((p.status in ('waiting', 'on_run') and p.received_at <= ${at} - c.minutes * interval '1 minute')
          or (p.status = 'delivered' and p.delivered_at <= ${at} - c.minutes * interval '1 minute'))
    )
    select (select minutes from c) as minutes,
      (select count(*) from late where status in ('waiting', 'on_run'))::int as "atGate",
      (select min(received_at) from late where status in ('waiting', 'on_run')) as "oldestAtGate",
      (select count(*) from late where status = 'delivered')::int as uncollected,
      coalesce((select array_agg(distinct code) from late where status = 'delivered' and code is not null),
        '{}') as "uncollectedBuildings"`);
  const row = rowsOf<LongWaits & { oldestAtGate: Date | string | null }>(result)[0]!;
  return {
    minutes: Number(row.minutes ?? 240),
    atGate: Number(row.atGate),
    oldestAtGate: row.oldestAtGate === null ? null : new Date(row.oldestAtGate).toISOString(),
    uncollected: Number(row.uncollected),
    uncollectedBuildings: sortCodes(row.uncollectedBuildings),
  };
}

/** Building codes in their natural order (2 before 12). */
export const sortCodes = (codes: readonly string[]) =>
  [...codes].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));

/** A printed line names at most this many buildings or areas, and says how many more there are. */
const LISTED = 12;
const cut = (items: readonly string[]) => ({
  shown: items.slice(0, LISTED),
  more: Math.max(0, items.length - LISTED),
});

/** The open problems, most pressing first; nothing open gives an empty list. */
export function dayProblems(figures: TDashboard, waits: LongWaits): StoredProblem[] {
  const problems: StoredProblem[] = [];
  const timeZone = figures.timeZone;
  if (figures.medicine.overdue > 0) {
    problems.push({
      kind: 'medicine.overdue',
      params: { count: figures.medicine.overdue },
      link: '/medicine',
    });
  }
  if (waits.atGate > 0 && waits.oldestAtGate) {
    problems.push({
      kind: 'parcels.waiting_long',
      params: { count: waits.atGate, minutes: waits.minutes, since: waits.oldestAtGate, timeZone },
      link: '/parcels/board',
    });
  }
  if (waits.uncollected > 0) {
    const { shown, more } = cut(waits.uncollectedBuildings);
    problems.push({
      kind: 'parcels.uncollected',
      params: { count: waits.uncollected, minutes: waits.minutes, buildings: shown, more },
      link: '/parcels/board',
    });
  }
  if (figures.relays.unconfirmed > 0) {
    const { shown, more } = cut(sortCodes(figures.relays.buildings));
    problems.push({
      kind: 'relays.unconfirmed',
      params: { count: figures.relays.unconfirmed, buildings: shown, more },
      link: '/relays',
    });
  }
  if (figures.disinfection.overdue > 0) {
    const { shown, more } = cut(figures.disinfection.overdueAreas.map((a) => a.name));
    problems.push({
      kind: 'disinfection.overdue',
      params: { count: figures.disinfection.overdue, areas: shown, more },
      link: '/disinfection',
    });
  }
  return problems;
}
