// The street view's headline figures for many compounds at once: one statement, each figure a CTE
// grouped by community_id, so 50 compounds cost one round trip instead of 50 dashboards. Each figure is
// defined exactly as the compound dashboard (features/dashboard, dashboardFigures) defines it from the
// features' own queries; street.test.ts checks every row against dashboardFigures on the same data.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { CARRY_DAYS } from '../disinfection/disinfection-tasks.service.ts';
import { UNCONFIRMED_LISTED_HOURS } from '../relays/relays.service.ts';

export interface StreetFigureRow {
  communityId: string;
  name: string;
  street: string | null;
  latitude: number | null;
  longitude: number | null;
  volunteersOnShift: number;
  parcelsWaiting: number;
  oldestParcelSince: string | null;
  testingCoverage: number | null;
  medicineOpen: number;
  medicineOverdue: number;
  disinfectionOverdue: number;
  relaysUnconfirmed: number;
}

// The windows of the features' own lists, which the dashboard's figures count too.
const DISINFECTION_CARRY_DAYS = CARRY_DAYS;
const RELAY_LISTED_HOURS = UNCONFIRMED_LISTED_HOURS;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

/**
 * - on shift: approved volunteers, confirmed sign-up, checked in and not out, not absent, on a shift
 *   not called off and not ended (shifts/on-shift.repository.ts), each once;
 * - parcels waiting: still at the gate or on a run, received on the community's today or before, and
 *   the oldest of them by receipt (the clearance board's waiting + on a run, clearance.repository.ts);
 * - medicine: the queue's open requests (not confirmed, cancelled or unavailable), and of those the
 *   ones still to bring (not delivered) past their deadline (dashboard-medicine.ts);
 * - testing: the round under way (running, else published and started by the clock; running first,
 *   then the latest start), else the last finished one (by finish, else start): residents sampled into
 *   its tubes ÷ residents registered, at most 1, 0 with nobody registered; null with no round at all
 *   (round-progress.repository.ts, dashboard-testing.ts);
 * - disinfection: rounds on today's list (due today, or due in the last week and still open) that are
 *   still due past their grace (dashboard-disinfection.ts, disinfection.repository.ts overdueAt);
 * - relays: tasks not yet confirmed by the relay contact, made within the relay list's window
 *   (dashboard-relays.ts).
 */
export async function streetFigures(db: Pick<Db, 'execute'>, communityIds: string[], now: Date) {
  if (communityIds.length === 0) return [];
  const ids: SQL = sql.join(
    communityIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    with c as (
      select id, name, street, latitude, longitude, timezone, (${at} at time zone timezone)::date as today
      from communities where id in (${ids})
    ),
    on_shift as (
      select s.community_id, count(distinct s.volunteer_id)::int as n
      from shift_signups s
      join shifts sh on sh.community_id = s.community_id and sh.id = s.shift_id
      join volunteers v on v.community_id = s.community_id and v.id = s.volunteer_id
      where s.community_id in (${ids}) and s.status = 'confirmed' and not s.no_show
        and s.checked_in_at <= ${at} and s.checked_out_at is null
        and sh.status <> 'cancelled' and sh.ends_at > ${at} and v.status = 'approved'
      group by s.community_id
    ),
    waiting as (
      select p.community_id, count(*)::int as n, min(p.received_at) as oldest
      from parcels p join c on c.id = p.community_id
      where p.community_id in (${ids}) and p.status in ('waiting', 'on_run') and p.day <= c.today
      group by p.community_id
    ),
    medicine as (
      select community_id, count(*)::int as open,
        count(*) filter (where status <> 'delivered' and deadline_at <= ${at})::int as overdue
      from medicine_requests
      where community_id in (${ids}) and status not in ('confirmed', 'cancelled', 'unavailable')
      group by community_id
    ),
    current_round as (
      select distinct on (community_id) community_id, id
      from testing_rounds
      where community_id in (${ids})
        and (status = 'running' or (status = 'published' and starts_at <= ${at}))
      order by community_id, (status = 'running') desc, starts_at desc
    ),
    last_round as (
      select distinct on (community_id) community_id, id
      from testing_rounds
      where community_id in (${ids}) and status = 'finished'
      order by community_id, coalesce(finished_at, starts_at) desc
    ),
    shown_round as (
      select c.id as community_id, coalesce(cr.id, lr.id) as round_id
      from c left join current_round cr on cr.community_id = c.id left join last_round lr on lr.community_id = c.id
      where coalesce(cr.id, lr.id) is not null
    ),
    -- every sample has its tube and every resident a household (not null, foreign keys): the
    -- dashboard's joins to tubes and households count the same rows, which these counts read off the
    -- (community, round, resident) and (community, id) indexes
    tested as (
      select sr.community_id, count(s.round_id)::int as n
      from shown_round sr
      left join testing_samples s on s.community_id = sr.community_id and s.round_id = sr.round_id
      group by sr.community_id
    ),
    registered as (
      select r.community_id, count(*)::int as n
      from residents r
      where r.community_id in (select community_id from shown_round)
      group by r.community_id
    ),
    disinfection as (
      select t.community_id, count(*)::int as n
      from disinfection_tasks t
      join c on c.id = t.community_id
      join disinfection_areas a on a.community_id = t.community_id and a.id = t.area_id
      where t.community_id in (${ids}) and t.status = 'due'
        and t.due_at >= ((c.today - ${DISINFECTION_CARRY_DAYS}::int)::timestamp at time zone c.timezone)
        and t.due_at < ((c.today + 1)::timestamp at time zone c.timezone)
        and t.due_at + a.grace_minutes * interval '1 minute' < ${at}
      group by t.community_id
    ),
    relays as (
      select community_id, count(*)::int as n
      from relay_tasks
      where community_id in (${ids}) and confirmed_at is null
        and created_at >= ${at} - ${RELAY_LISTED_HOURS}::int * interval '1 hour'
      group by community_id
    )
    select c.id as "communityId", c.name, c.street, c.latitude, c.longitude,
      coalesce(os.n, 0) as "volunteersOnShift",
      coalesce(w.n, 0) as "parcelsWaiting", w.oldest as "oldestParcelSince",
      case when t.community_id is null then null
        when coalesce(rg.n, 0) = 0 then 0
        else least(1, t.n::float8 / rg.n) end as "testingCoverage",
      coalesce(m.open, 0) as "medicineOpen", coalesce(m.overdue, 0) as "medicineOverdue",
      coalesce(d.n, 0) as "disinfectionOverdue", coalesce(rl.n, 0) as "relaysUnconfirmed"
    from c
    left join on_shift os on os.community_id = c.id
    left join waiting w on w.community_id = c.id
    left join medicine m on m.community_id = c.id
    left join tested t on t.community_id = c.id
    left join registered rg on rg.community_id = c.id
    left join disinfection d on d.community_id = c.id
    left join relays rl on rl.community_id = c.id
    order by c.name, c.id`);
  return rowsOf<StreetFigureRow & { oldestParcelSince: Date | string | null }>(result).map((r) => ({
    ...r,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    volunteersOnShift: Number(r.volunteersOnShift),
    parcelsWaiting: Number(r.parcelsWaiting),
    oldestParcelSince: iso(r.oldestParcelSince),
    testingCoverage: r.testingCoverage === null ? null : Number(r.testingCoverage),
    medicineOpen: Number(r.medicineOpen),
    medicineOverdue: Number(r.medicineOverdue),
    disinfectionOverdue: Number(r.disinfectionOverdue),
    relaysUnconfirmed: Number(r.relaysUnconfirmed),
  }));
}
