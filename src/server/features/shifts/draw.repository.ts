import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DrawResult, DrawRole } from '../../../domain/shifts/draw.ts';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  communities,
  shiftDraws,
  shiftRoles,
  shiftSignups,
  shifts,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';
import { groupOfShift, volunteerOfSignup } from './joins.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'execute'>;

/** What shift_draws.results holds: the inputs a re-run needs besides the seed, and the outcome. */
export interface DrawRecord {
  roles: DrawRole[];
  /** every entrant with hours and outcome, grouped by role in ranked order */
  entrants: DrawResult[];
}

/** Draw-mode shifts whose requests have closed by `now` and that nobody has drawn yet. */
export async function dueDraws(db: Executor, now: Date, limit = 50) {
  return db
    .select({ communityId: shifts.communityId, shiftId: shifts.id })
    .from(shifts)
    .where(
      and(
        eq(shifts.mode, 'draw'),
        eq(shifts.status, 'open'),
        sql`${shifts.signupClosesAt} <= ${now.toISOString()}::timestamptz`,
        sql`not exists (select 1 from ${shiftDraws} d where d.community_id = ${shifts.communityId} and d.shift_id = ${shifts.id})`,
      ),
    )
    .orderBy(asc(shifts.signupClosesAt))
    .limit(limit);
}

/** The shift, what it is called and the community's clock. */
export async function drawShiftRow(db: Executor, communityId: string, shiftId: string) {
  const [row] = await db
    .select({ shift: shifts, groupName: volunteerGroups.name, timeZone: communities.timezone })
    .from(shifts)
    .innerJoin(volunteerGroups, groupOfShift)
    .innerJoin(communities, eq(communities.id, shifts.communityId))
    .where(and(eq(shifts.communityId, communityId), eq(shifts.id, shiftId)));
  return row;
}

/**
 * Claims the draw of a shift: the first to insert wins; a concurrent claimer waits on the key until
 * the winner commits and then gets nothing, so two processes never both draw. False when already claimed.
 */
export async function claimDraw(
  db: Executor,
  row: { communityId: string; shiftId: string; seed: string; rule: string; drawnAt: Date },
) {
  const claimed = await db
    .insert(shiftDraws)
    .values({ ...row, results: { roles: [], entrants: [] } })
    .onConflictDoNothing()
    .returning({ shiftId: shiftDraws.shiftId });
  return claimed.length > 0;
}

export async function saveDrawResults(
  db: Executor,
  communityId: string,
  shiftId: string,
  record: DrawRecord,
) {
  await db
    .update(shiftDraws)
    .set({ results: record })
    .where(and(eq(shiftDraws.communityId, communityId), eq(shiftDraws.shiftId, shiftId)));
}

export async function findDraw(db: Executor, communityId: string, shiftId: string) {
  const [row] = await db
    .select()
    .from(shiftDraws)
    .where(and(eq(shiftDraws.communityId, communityId), eq(shiftDraws.shiftId, shiftId)));
  return row ? { ...row, results: row.results as DrawRecord } : undefined;
}

/** The roles' places, locked so a capacity change cannot slip in between reading and giving them. */
export async function lockRoles(db: Executor, communityId: string, shiftId: string) {
  return db
    .select({ role: shiftRoles.role, capacity: shiftRoles.capacity, taken: shiftRoles.taken })
    .from(shiftRoles)
    .where(and(eq(shiftRoles.communityId, communityId), eq(shiftRoles.shiftId, shiftId)))
    .orderBy(asc(shiftRoles.sort))
    .for('update');
}

/**
 * Holds the roles against the draw (which locks them for update) while a request is recorded: a
 * request in flight at the close lands before the draw reads the requests, or sees the draw made.
 */
export async function holdRolesAgainstDraw(db: Executor, communityId: string, shiftId: string) {
  await db
    .select({ role: shiftRoles.role })
    .from(shiftRoles)
    .where(and(eq(shiftRoles.communityId, communityId), eq(shiftRoles.shiftId, shiftId)))
    .for('share');
}

/** The requests waiting for the draw, with whom to tell. */
export async function requestsOf(db: Executor, communityId: string, shiftId: string) {
  return db
    .select({
      signupId: shiftSignups.id,
      volunteerId: shiftSignups.volunteerId,
      accountId: volunteers.accountId,
      role: shiftSignups.role,
      seq: shiftSignups.seq,
      createdAt: shiftSignups.createdAt,
    })
    .from(shiftSignups)
    .innerJoin(volunteers, volunteerOfSignup)
    .where(
      and(
        eq(shiftSignups.communityId, communityId),
        eq(shiftSignups.shiftId, shiftId),
        eq(shiftSignups.status, 'requested'),
      ),
    )
    .for('update', { of: shiftSignups });
}

/** Writes every entrant's outcome and waitlist order (seq) in one statement. */
export async function applyOutcomes(
  db: Executor,
  communityId: string,
  rows: { signupId: string; status: 'confirmed' | 'waitlisted'; seq: number }[],
) {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map((r) => sql`(${r.signupId}::uuid, ${r.status}::text, ${r.seq}::bigint)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${shiftSignups} as s set status = v.status, seq = v.seq
    from (values ${values}) as v(id, status, seq)
    where s.community_id = ${communityId} and s.id = v.id and s.status = 'requested'`);
}

export async function addTaken(
  db: Executor,
  communityId: string,
  shiftId: string,
  role: string,
  places: number,
) {
  if (places <= 0) return;
  await db
    .update(shiftRoles)
    .set({ taken: sql`${shiftRoles.taken} + ${places}` })
    .where(
      and(
        eq(shiftRoles.communityId, communityId),
        eq(shiftRoles.shiftId, shiftId),
        eq(shiftRoles.role, role),
      ),
    );
}

/** Display names of volunteers, for those allowed to see who drew what. */
export async function namesOfVolunteers(db: Executor, communityId: string, volunteerIds: string[]) {
  if (volunteerIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: volunteers.id, name: accounts.displayName })
    .from(volunteers)
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .where(and(eq(volunteers.communityId, communityId), inArray(volunteers.id, volunteerIds)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
