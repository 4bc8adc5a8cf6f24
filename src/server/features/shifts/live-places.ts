import { sql } from 'drizzle-orm';
import { SHIFT_PLACES } from '../../../shared/api/live-events.ts';
import type { Db } from '../../db/client.ts';
import { shiftRoles, shiftSignups, shifts } from '../../db/schema/index.ts';
import { StatementShape } from '../../db/statement-shapes.ts';
import { LIVE_CHANNEL } from '../../platform/live-events.ts';
import { gateMemory, type PlacesSeen } from './signup-gate.ts';

type Executor = Pick<Db, 'execute'>;

/** The shift.places event of role row `r` (community_id, shift_id, role, capacity, taken), sent on commit. */
const placesNotice = sql`pg_notify(${LIVE_CHANNEL}, json_build_object(
  'communityId', r.community_id,
  'type', ${SHIFT_PLACES}::text,
  'coalesceKey', r.shift_id::text || '/' || r.role,
  'data', json_build_object('shiftId', r.shift_id, 'roles', json_build_array(json_build_object(
    'role', r.role, 'capacity', r.capacity, 'taken', r.taken,
    'waiting', (select count(*)::int from ${shiftSignups} s
      where s.community_id = r.community_id and s.shift_id = r.shift_id and s.role = r.role
        and s.status = 'waitlisted')))))::text)`;

/**
 * Tells every open shifts page the current places of some roles of a shift (all roles when none are
 * named): a `shift.places` live event per role, delivered on commit. Call it inside the transaction,
 * after the change: the figures are read there, in the same statement that publishes them, so a
 * sign-up pays one statement for it. The role's row is locked by the change that took or gave back a
 * place, so `taken` arrives in commit order; each role's events replace each other (coalesceKey).
 */
export async function publishShiftPlaces(
  tx: Executor,
  communityId: string,
  shiftId: string,
  roles?: readonly string[],
  { placeTaken = false } = {},
): Promise<PlacesSeen> {
  if (roles?.length === 0) return [];
  // A freed place or a changed capacity must not be refused from memory: this process forgets the
  // shift now, and other processes correct theirs when the event arrives. A place taken only makes
  // memory lag behind (more requests reach the transaction, none is wrongly refused), so the signer-up
  // keeps it and updates it after commit (rememberPlaces).
  if (!placeTaken) gateMemory.forgetShift(communityId, shiftId);
  const onlyRoles = roles
    ? sql`and r.role in (${sql.join(
        roles.map((role) => sql`${role}`),
        sql`, `,
      )})`
    : sql``;
  const result = await tx.execute(sql`
    select r.role, r.capacity, r.taken, ${placesNotice}
    from ${shiftRoles} r
    where r.community_id = ${communityId} and r.shift_id = ${shiftId} ${onlyRoles}`);
  return (result as unknown as { rows: PlacesSeen }).rows.map(({ role, capacity, taken }) => ({
    role,
    capacity,
    taken,
  }));
}

/** Takes a place of role `r` if one is free; the rows are those of `took`. */
const takeOne = (communityId: string, shiftId: string, role: string) => sql`
  update ${shiftRoles} r set taken = r.taken + 1
  where r.community_id = ${communityId} and r.shift_id = ${shiftId} and r.role = ${role}
    and r.taken < r.capacity
  returning r.community_id, r.shift_id, r.role, r.capacity, r.taken`;

type TakenRow = PlacesSeen[number] & { shift_status: string };
const placesOf = (rows: TakenRow[]): PlacesSeen =>
  rows.map(({ role, capacity, taken }) => ({ role, capacity, taken }));

/**
 * Takes a place of a role if one is free, publishes the role's places, and reads under a share lock
 * whether the shift is still open, in one statement: the role's row stays locked from here to commit,
 * so this is the sign-up's last statement. The locks come in the cancellation's order (the role's row,
 * then the shift's): a cancellation under way either made this wait and is seen here, or waits for
 * this to commit and cancels it with the rest. Null when the role is full (nothing published).
 */
export async function takePlaceAndPublish(
  tx: Executor,
  communityId: string,
  shiftId: string,
  role: string,
): Promise<{ places: PlacesSeen; shiftCancelled: boolean } | null> {
  const result = await tx.execute(sql`
    with took as (${takeOne(communityId, shiftId, role)})
    select r.role, r.capacity, r.taken, sh.status as shift_status, ${placesNotice}
    from took r join ${shifts} sh on sh.community_id = r.community_id and sh.id = r.shift_id
    for share of sh`);
  const rows = (result as unknown as { rows: TakenRow[] }).rows;
  if (rows.length === 0) return null;
  return { places: placesOf(rows), shiftCancelled: rows[0]!.shift_status === 'cancelled' };
}

/**
 * The same take as takePlaceAndPublish, but a full role or a cancelled shift makes the statement
 * itself fail (linli_refuse: SHIFT_FULL, SHIFT_CANCELLED), so the transaction's outcome is decided
 * inside the database and the commit can go in the same message (db/one-message.ts sendAsLast).
 */
export const takePlaceOrRefuse = new StatementShape(
  (v: { communityId: string; shiftId: string; role: string }) =>
    takeOrRefuse(v.communityId, v.shiftId, v.role),
);
const takeOrRefuse = (communityId: string, shiftId: string, role: string) => sql`
  with took as (${takeOne(communityId, shiftId, role)}),
  placed as (
    select r.role, r.capacity, r.taken, sh.status as shift_status, ${placesNotice}
    from took r join ${shifts} sh on sh.community_id = r.community_id and sh.id = r.shift_id
    for share of sh)
  select p.*, case
      when p.role is null then linli_refuse('SHIFT_FULL')
      when p.shift_status = 'cancelled' then linli_refuse('SHIFT_CANCELLED')
    end as refused
  from (select 1) as one left join placed p on true`;

/** The role's places after takePlaceOrRefuse. */
export const placesTaken = (result: { rows: unknown[] }) => placesOf(result.rows as TakenRow[]);
