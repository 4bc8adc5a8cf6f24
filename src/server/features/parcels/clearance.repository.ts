import { and, asc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  buildings,
  groupMembers,
  parcelDays,
  parcels,
  parcelTallies,
  UNASSIGNED_BIN,
  volunteers,
} from '../../db/schema/index.ts';
import { workedMinutesSql } from '../shifts/attendance.repository.ts';
import { PARCELS_GROUP_KEY } from './parcels.repository.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** A local day as the UTC instants it starts at and ends before. */
export interface DayBounds {
  day: string;
  start: Date;
  end: Date;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());
export interface BinCountsRow {
  buildingId: string | null;
  received: number;
  carriedOver: number;
  waiting: number;
  onRun: number;
  delivered: number;
  pickedUp: number;
  flagged: number;
  oldestWaitingAt: string | null;
}

const PARCEL_STATUSES = sql`('waiting', 'on_run', 'delivered', 'picked_up', 'left_over')`;

/**
 * The board's figures per bin (building id, null for unassigned) for one local day, read off the
 * parcel tallies (schema/parcel-tallies.ts): a few rows per building however many parcels the day
 * brought. What happened on the day (received, delivered, picked up) is counted by its day; what is
 * still undelivered is the parcels' current state, for parcels received on the day or before it
 * (carried over). A parcel is never delivered or picked up before its day, so none from later days
 * count. A bin with nothing in any figure may be left out.
 *
 * The oldest parcel still to deliver is one probe of parcels_undelivered_by_building_idx per bin that
 * has one.
 */
export async function binCounts(db: Executor, communityId: string, b: DayBounds): Promise<BinCountsRow[]> {
  return binCountsFrom(await binCountsRead(db, communityId, b));
}

/** binCounts' statement, unread: to be sent with other reads (readTogether), then given to binCountsFrom. */
export function binCountsRead(db: Executor, communityId: string, b: DayBounds) {
  const day = sql`${b.day}::date`;
  const oldest = (bin: SQL) => sql`(select p.received_at from ${parcels} p
      where p.community_id = ${communityId} and ${bin} and p.status in ('waiting', 'on_run') and p.day <= ${day}
      order by p.received_at limit 1)`;
  return db.execute(sql`
    with t as (
      select bin, kind, day, parcels from ${parcelTallies}
      where community_id = ${communityId} and day = ${day}
      union all
      select bin, kind, day, parcels from ${parcelTallies}
      where community_id = ${communityId} and kind in ('waiting', 'on_run', 'flagged') and day < ${day}
    ), bins as (
      select bin,
        coalesce(sum(parcels) filter (where day = ${day} and kind in ${PARCEL_STATUSES}), 0)::int as received,
        coalesce(sum(parcels) filter (where day < ${day} and kind in ('waiting', 'on_run')), 0)::int as carried,
        coalesce(sum(parcels) filter (where kind = 'waiting'), 0)::int as waiting,
        coalesce(sum(parcels) filter (where kind = 'on_run'), 0)::int as on_run,
        coalesce(sum(parcels) filter (where kind = 'delivered_on'), 0)::int as delivered,
        coalesce(sum(parcels) filter (where kind = 'picked_up_on'), 0)::int as picked_up,
        coalesce(sum(parcels) filter (where kind = 'flagged'), 0)::int as flagged
      from t group by bin
    )
    select nullif(bin, ${UNASSIGNED_BIN}::uuid) as "buildingId", received, carried as "carriedOver", waiting,
      on_run as "onRun", delivered, picked_up as "pickedUp", flagged,
      case when waiting + on_run = 0 then null
        when bin = ${UNASSIGNED_BIN}::uuid then ${oldest(sql`p.building_id is null`)}
        else ${oldest(sql`p.building_id = bins.bin`)} end as "oldestWaitingAt"
    from bins`);
}

export function binCountsFrom(result: unknown): BinCountsRow[] {
  return rowsOf<BinCountsRow & { oldestWaitingAt: Date | string | null }>(result).map((r) => ({
    ...r,
    oldestWaitingAt: iso(r.oldestWaitingAt),
  }));
}

/**
 * Parcels not yet at their building at an instant: received before it and delivered (if at all) after
 * it. For an instant not yet past this is the board's waiting + on a run; for a past one, the state then
 * (the committee's "still waiting at the end of the week").
 */
export async function undeliveredAt(db: Executor, communityId: string, at: Date): Promise<number> {
  const instant = sql`${at.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    select count(*)::int as n from ${parcels} p
    where p.community_id = ${communityId} and p.received_at < ${instant}
      and (p.delivered_at is null or p.delivered_at >= ${instant})
      and (p.picked_up_at is null or p.picked_up_at >= ${instant})`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/**
 * undeliveredAt at the end of each day of a range, in one pass (the dashboard's trends): the parcels
 * that could still be undelivered at some day's end in the range, grouped by the local day they were
 * received and the local day they reached their building or were picked up, whichever came first
 * (null: neither yet). domain/dashboard/daily-series.ts waitingAtDayEnds turns the groups into counts.
 */
export async function parcelSpansWithin(
  db: Executor,
  communityId: string,
  timeZone: string,
  range: DayBounds,
) {
  const left = sql`least(p.delivered_at, p.picked_up_at)`;
  const result = await db.execute(sql`
    select (p.received_at at time zone ${timeZone})::date::text as "receivedDay",
      (${left} at time zone ${timeZone})::date::text as "leftDay", count(*)::int as parcels
    from ${parcels} p
    where p.community_id = ${communityId} and p.received_at < ${range.end.toISOString()}::timestamptz
      and (${left} is null or ${left} >= ${range.start.toISOString()}::timestamptz)
    group by 1, 2`);
  return rowsOf<{ receivedDay: string; leftDay: string | null; parcels: number }>(result);
}

/** Parcels received per local day (the `day` column is the day of receipt in the community's zone). */
export async function receivedPerDay(db: Executor, communityId: string, from: string, to: string) {
  const result = await db.execute(sql`
    select p.day::text as day, count(*)::int as n
    from ${parcels} p
    where p.community_id = ${communityId} and p.day between ${from}::date and ${to}::date
    group by p.day`);
  return new Map(rowsOf<{ day: string; n: number }>(result).map((r) => [r.day, r.n]));
}

/**
 * Per local day of delivery: parcels delivered to their building, and the median minutes from the
 * gate to the building (percentile_cont: the mean of the two middle values for an even count).
 */
export async function deliveredPerDay(db: Executor, communityId: string, timeZone: string, range: DayBounds) {
  const result = await db.execute(sql`
    select (p.delivered_at at time zone ${timeZone})::date::text as day, count(*)::int as n,
      percentile_cont(0.5) within group (order by extract(epoch from (p.delivered_at - p.received_at))::float8 / 60)
        as median
    from ${parcels} p
    where p.community_id = ${communityId}
      and p.delivered_at >= ${range.start.toISOString()}::timestamptz
      and p.delivered_at < ${range.end.toISOString()}::timestamptz
    group by 1`);
  return new Map(
    rowsOf<{ day: string; n: number; median: number | string | null }>(result).map((r) => [
      r.day,
      { delivered: r.n, medianMinutes: r.median === null ? null : Number(r.median) },
    ]),
  );
}

export async function pickedUpPerDay(db: Executor, communityId: string, timeZone: string, range: DayBounds) {
  const result = await db.execute(sql`
    select (p.picked_up_at at time zone ${timeZone})::date::text as day, count(*)::int as n
    from ${parcels} p
    where p.community_id = ${communityId}
      and p.picked_up_at >= ${range.start.toISOString()}::timestamptz
      and p.picked_up_at < ${range.end.toISOString()}::timestamptz
    group by 1`);
  return new Map(rowsOf<{ day: string; n: number }>(result).map((r) => [r.day, r.n]));
}

export interface ParcelShiftRow {
  day: string;
  lengthMinutes: number;
  signedUp: number;
  attendanceTaken: boolean;
  workedMinutes: number;
}

/**
 * The parcels group's shifts starting within the range (not called off), each with its local day,
 * length, confirmed sign-ups, whether attendance was taken, and minutes worked by the hours rule.
 */
export async function parcelShifts(
  db: Executor,
  communityId: string,
  timeZone: string,
  range: DayBounds,
  now: Date,
): Promise<ParcelShiftRow[]> {
  const result = await db.execute(sql`
    select (sh.starts_at at time zone ${timeZone})::date::text as day,
      extract(epoch from (sh.ends_at - sh.starts_at))::float8 / 60 as "lengthMinutes",
      count(s.id) filter (where s.status = 'confirmed')::int as "signedUp",
      coalesce(bool_or(s.status = 'confirmed' and (s.checked_in_at is not null or s.no_show)), false)
        as "attendanceTaken",
      coalesce(sum(${workedMinutesSql(now)}), 0)::float8 as "workedMinutes"
    from shifts sh
    join volunteer_groups g on g.community_id = sh.community_id and g.id = sh.group_id
    left join shift_signups s on s.community_id = sh.community_id and s.shift_id = sh.id
    where sh.community_id = ${communityId} and g.key = ${PARCELS_GROUP_KEY} and sh.status <> 'cancelled'
      and sh.starts_at >= ${range.start.toISOString()}::timestamptz
      and sh.starts_at < ${range.end.toISOString()}::timestamptz
    group by sh.community_id, sh.id`);
  return rowsOf<ParcelShiftRow>(result).map((r) => ({
    ...r,
    lengthMinutes: Number(r.lengthMinutes),
    workedMinutes: Number(r.workedMinutes),
  }));
}

/** Closed days within the range, with who closed them. */
export function closedDays(db: Executor, communityId: string, from: string, to: string) {
  return db
    .select({
      day: parcelDays.day,
      closedAt: parcelDays.closedAt,
      closedById: parcelDays.closedBy,
      closedByName: accounts.displayName,
      figures: parcelDays.figures,
    })
    .from(parcelDays)
    .leftJoin(accounts, eq(accounts.id, parcelDays.closedBy))
    .where(
      and(
        eq(parcelDays.communityId, communityId),
        sql`${parcelDays.day} between ${from}::date and ${to}::date`,
      ),
    );
}

/**
 * Parcels received on or before the day and not yet delivered to their building, in building order;
 * `lock` takes them FOR UPDATE, so a close and a delivery cannot pass each other.
 */
export async function outstandingParcels(db: Executor, communityId: string, day: string, lock = false) {
  const query = db
    .select({
      id: parcels.id,
      waybill: parcels.waybill,
      buildingId: parcels.buildingId,
      buildingCode: buildings.code,
      room: parcels.room,
      status: parcels.status,
      day: parcels.day,
      receivedAt: parcels.receivedAt,
      leftOverReason: parcels.leftOverReason,
    })
    .from(parcels)
    .leftJoin(
      buildings,
      and(eq(buildings.communityId, parcels.communityId), eq(buildings.id, parcels.buildingId)),
    )
    .where(
      and(
        eq(parcels.communityId, communityId),
        lte(parcels.day, day),
        inArray(parcels.status, ['waiting', 'on_run']),
      ),
    )
    .orderBy(asc(parcels.receivedAt), asc(parcels.id));
  return lock ? query.for('update', { of: parcels }) : query;
}
export type OutstandingRow = Awaited<ReturnType<typeof outstandingParcels>>[number];

/** Writes each leftover parcel's reason in one statement; the status stays, so it rides tomorrow. */
export async function setLeftOverReasons(
  db: Executor,
  communityId: string,
  reasons: readonly { parcelId: string; reason: string }[],
) {
  if (reasons.length === 0) return;
  const values = sql.join(
    reasons.map((r) => sql`(${r.parcelId}::uuid, ${r.reason}::text)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${parcels} p set left_over_reason = v.reason
    from (values ${values}) as v(id, reason)
    where p.community_id = ${communityId} and p.id = v.id`);
}

/** Records the closed day; false when it was closed already (the primary key holds). */
export async function insertParcelDay(db: Executor, row: typeof parcelDays.$inferInsert) {
  const inserted = await db
    .insert(parcelDays)
    .values(row)
    .onConflictDoNothing()
    .returning({ day: parcelDays.day });
  return inserted.length === 1;
}

/** Whether the account leads the community's parcels group (leaders of other groups may not close). */
export async function leadsParcelsGroup(db: Executor, communityId: string, accountId: string) {
  const result = await db.execute(sql`
    select 1 from ${groupMembers} m
    join ${volunteers} v on v.community_id = m.community_id and v.id = m.volunteer_id
    join volunteer_groups g on g.community_id = m.community_id and g.id = m.group_id
    where m.community_id = ${communityId} and v.account_id = ${accountId} and m.is_leader
      and v.status = 'approved' and g.key = ${PARCELS_GROUP_KEY}
    limit 1`);
  return rowsOf(result).length > 0;
}
