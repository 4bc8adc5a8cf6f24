import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, shiftSignups, shifts, volunteerGroups, volunteers } from '../../db/schema/index.ts';
import { volunteerOfSignup } from './joins.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/**
 * THE HOURS RULE, one SQL expression used by every figure (records, group totals, the fair draw):
 * minutes worked = check-out − check-in. Someone checked in but never checked out counts up to the
 * shift's end (and, while the shift is still on, up to `now`). No check-in, a no-show, a cancelled
 * sign-up or a cancelled shift count nothing. Never negative.
 * Expects `shift_signups` as `s` and `shifts` as `sh` in the surrounding query.
 */
export function workedMinutesSql(now: Date): SQL {
  const at = now.toISOString();
  return sql`case when s.checked_in_at is null or s.no_show or s.status <> 'confirmed' or sh.status = 'cancelled' then 0
    else greatest(0, extract(epoch from (coalesce(s.checked_out_at, least(sh.ends_at, ${at}::timestamptz)) - s.checked_in_at)) / 60)
    end`;
}

/** A shift counts as done once the volunteer was checked in and has checked out or the shift is over. */
function doneSql(now: Date): SQL {
  const at = now.toISOString();
  return sql`(s.checked_in_at is not null and not s.no_show and s.status = 'confirmed' and sh.status <> 'cancelled'
    and (s.checked_out_at is not null or sh.ends_at <= ${at}::timestamptz))`;
}

/**
 * Hours each volunteer worked on shifts checked into within the last `days` days before `now`
 * (the fair draw gives priority to fewer). Every asked id is in the map; no work is 0.
 */
export async function hoursInLastDays(
  db: Pick<Db, 'execute'>,
  communityId: string,
  volunteerIds: string[],
  now: Date,
  days: number,
): Promise<Map<string, number>> {
  const hours = new Map(volunteerIds.map((id) => [id, 0]));
  if (volunteerIds.length === 0) return hours;
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const result = await db.execute(sql`
    select s.volunteer_id as "volunteerId", coalesce(sum(${workedMinutesSql(now)}), 0)::float8 as minutes
    from ${shiftSignups} s
    join ${shifts} sh on sh.community_id = s.community_id and sh.id = s.shift_id
    where s.community_id = ${communityId}
      and s.volunteer_id in (${sql.join(
        volunteerIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      and s.checked_in_at >= ${since}::timestamptz and s.checked_in_at <= ${now.toISOString()}::timestamptz
    group by s.volunteer_id`);
  for (const row of (result as unknown as { rows: { volunteerId: string; minutes: number }[] }).rows) {
    hours.set(row.volunteerId, Number(row.minutes) / 60);
  }
  return hours;
}

export interface AttendanceFigures {
  shiftsDone: number;
  /** rounded to a tenth of an hour */
  hours: number;
  noShows: number;
}
export const NO_FIGURES: AttendanceFigures = { shiftsDone: 0, hours: 0, noShows: 0 };

const toFigures = (r: { done: number; minutes: number; noShows: number }): AttendanceFigures => ({
  shiftsDone: Number(r.done),
  hours: Math.round(Number(r.minutes) / 6) / 10,
  noShows: Number(r.noShows),
});

const figureColumns = (now: Date) => sql`
  count(*) filter (where ${doneSql(now)})::int as done,
  coalesce(sum(${workedMinutesSql(now)}), 0)::float8 as minutes,
  count(*) filter (where s.no_show and s.status = 'confirmed' and sh.status <> 'cancelled')::int as "noShows"`;

/** Each volunteer's record: shifts done, hours, no-shows (all groups together). */
export async function figuresOfVolunteers(
  db: Pick<Db, 'execute'>,
  communityId: string,
  volunteerIds: string[],
  now: Date,
): Promise<Map<string, AttendanceFigures>> {
  const figures = new Map<string, AttendanceFigures>();
  if (volunteerIds.length === 0) return figures;
  const result = await db.execute(sql`
    select s.volunteer_id as id, ${figureColumns(now)}
    from ${shiftSignups} s
    join ${shifts} sh on sh.community_id = s.community_id and sh.id = s.shift_id
    where s.community_id = ${communityId}
      and s.volunteer_id in (${sql.join(
        volunteerIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    group by s.volunteer_id`);
  for (const row of (
    result as unknown as { rows: { id: string; done: number; minutes: number; noShows: number }[] }
  ).rows) {
    figures.set(row.id, toFigures(row));
  }
  return figures;
}

/**
 * Each group's totals over its shifts: shifts done (person-times), hours, no-shows. With `startsWithin`,
 * only the shifts starting in [start, end) count (the committee's week figures).
 */
export async function figuresOfGroups(
  db: Pick<Db, 'execute'>,
  communityId: string,
  now: Date,
  startsWithin?: { start: Date; end: Date },
): Promise<Map<string, AttendanceFigures>> {
  const within = startsWithin
    ? sql`and sh.starts_at >= ${startsWithin.start.toISOString()}::timestamptz
      and sh.starts_at < ${startsWithin.end.toISOString()}::timestamptz`
    : sql``;
  const result = await db.execute(sql`
    select sh.group_id as id, ${figureColumns(now)}
    from ${shiftSignups} s
    join ${shifts} sh on sh.community_id = s.community_id and sh.id = s.shift_id
    where s.community_id = ${communityId} ${within}
    group by sh.group_id`);
  const rows = (
    result as unknown as { rows: { id: string; done: number; minutes: number; noShows: number }[] }
  ).rows;
  return new Map(rows.map((row) => [row.id, toFigures(row)]));
}

/**
 * Minutes worked by the hours rule, all groups together, per local day the shifts start on, for the
 * shifts starting in [start, end) (the dashboard's volunteer hours per day; figuresOfGroups over one
 * day's bounds, summed over the groups).
 */
export async function workedMinutesPerDay(
  db: Pick<Db, 'execute'>,
  communityId: string,
  timeZone: string,
  now: Date,
  startsWithin: { start: Date; end: Date },
): Promise<Map<string, number>> {
  const result = await db.execute(sql`
    select (sh.starts_at at time zone ${timeZone})::date::text as day,
      coalesce(sum(${workedMinutesSql(now)}), 0)::float8 as minutes
    from ${shiftSignups} s
    join ${shifts} sh on sh.community_id = s.community_id and sh.id = s.shift_id
    where s.community_id = ${communityId}
      and sh.starts_at >= ${startsWithin.start.toISOString()}::timestamptz
      and sh.starts_at < ${startsWithin.end.toISOString()}::timestamptz
    group by 1`);
  const rows = (result as unknown as { rows: { day: string; minutes: number }[] }).rows;
  return new Map(rows.map((row) => [row.day, Number(row.minutes)]));
}

/** The live sign-ups of a shift with who they are, for the leader's list on the day. */
export async function rosterOfShift(db: Executor, communityId: string, shiftId: string) {
  return db
    .select({
      signup: shiftSignups,
      name: accounts.displayName,
      mobile: accounts.mobile,
      position: sql<number | null>`case when ${shiftSignups.status} = 'waitlisted' then
        (select count(*)::int from ${shiftSignups} w where w.community_id = ${shiftSignups.communityId}
          and w.shift_id = ${shiftSignups.shiftId} and w.role = ${shiftSignups.role}
          and w.status = 'waitlisted' and w.seq <= ${shiftSignups.seq}) end`,
    })
    .from(shiftSignups)
    .innerJoin(volunteers, volunteerOfSignup)
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .where(
      and(
        eq(shiftSignups.communityId, communityId),
        eq(shiftSignups.shiftId, shiftId),
        ne(shiftSignups.status, 'cancelled'),
      ),
    )
    .orderBy(asc(shiftSignups.role), asc(shiftSignups.seq));
}

/** One live sign-up of a shift, found by its id or by its volunteer, locked for the change. */
export async function lockSignup(
  db: Executor,
  communityId: string,
  shiftId: string,
  by: { signupId: string } | { volunteerId: string },
) {
  const [row] = await db
    .select({ signup: shiftSignups, name: accounts.displayName })
    .from(shiftSignups)
    .innerJoin(volunteers, volunteerOfSignup)
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .where(
      and(
        eq(shiftSignups.communityId, communityId),
        eq(shiftSignups.shiftId, shiftId),
        ne(shiftSignups.status, 'cancelled'),
        'signupId' in by ? eq(shiftSignups.id, by.signupId) : eq(shiftSignups.volunteerId, by.volunteerId),
      ),
    )
    .for('update', { of: shiftSignups });
  return row;
}

/** The volunteer behind a badge (the token in their personal QR code), in this community only. */
export async function volunteerByBadge(db: Executor, communityId: string, badgeToken: string) {
  const [row] = await db
    .select({ id: volunteers.id, name: accounts.displayName })
    .from(volunteers)
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .where(and(eq(volunteers.communityId, communityId), eq(volunteers.badgeToken, badgeToken)));
  return row;
}

export async function updateAttendance(
  db: Executor,
  communityId: string,
  signupId: string,
  set: Partial<
    Pick<typeof shiftSignups.$inferInsert, 'checkedInAt' | 'checkedOutAt' | 'noShow' | 'checkedInBy'>
  >,
) {
  await db
    .update(shiftSignups)
    .set(set)
    .where(and(eq(shiftSignups.communityId, communityId), eq(shiftSignups.id, signupId)));
}

export { communityTimeZone as timeZoneOf } from '../../platform/community-constants.ts';

/** Each group's stable key by id (to name the default groups in English). */
export async function groupKeys(db: Executor, communityId: string) {
  const rows = await db
    .select({ id: volunteerGroups.id, key: volunteerGroups.key })
    .from(volunteerGroups)
    .where(eq(volunteerGroups.communityId, communityId));
  return new Map(rows.map((r) => [r.id, r.key]));
}
