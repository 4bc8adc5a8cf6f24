import { sql } from 'drizzle-orm';
import { signupWindow } from '../../../domain/shifts/rules.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import type { Actor, SignedInAccount } from '../../platform/context.ts';

/**
 * In a stampede nearly every request is for a shift that is already full. The gate answers those
 * with one read-only statement and no transaction: who is asking (membership, volunteer status,
 * group), the shift's window and places, and an answer stored earlier under the same
 * Idempotency-Key. Requests that might get a place (or a waitlist entry, or a draw request) go on to
 * the full transactional sign-up, which checks everything again under locks.
 */
export interface GateResult {
  actor: Actor;
  /** the answer given earlier to this Idempotency-Key, if any */
  stored: { statusCode: number; response: unknown; operation: string } | null;
  /** a refusal that needs no transaction, or null to go on */
  refusal: AppError | null;
}

interface GateRow {
  roles: Role[] | null;
  volunteer_status: string | null;
  shift_status: string | null;
  mode: string | null;
  opens_at: string | Date | null;
  closes_at: string | Date | null;
  in_group: boolean;
  places: { role: string; capacity: number; taken: number }[] | null;
  stored: { statusCode: number; response: unknown; operation: string } | null;
}

const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

export async function signupGate(
  db: Db,
  account: SignedInAccount,
  communityId: string,
  shiftId: string,
  request: { role?: string; waitlist: boolean; key?: string },
  now: Date,
): Promise<GateResult> {
  const result = await db.execute(sql`
    select
      (select array_agg(m.role) from memberships m
        where m.community_id = ${communityId} and m.account_id = ${account.id}) as roles,
      v.status as volunteer_status,
      s.status as shift_status, s.mode, s.signup_opens_at as opens_at, s.signup_closes_at as closes_at,
      exists (select 1 from group_members gm where gm.community_id = ${communityId}
        and gm.group_id = s.group_id and gm.volunteer_id = v.id) as in_group,
      (select json_agg(json_build_object('role', r.role, 'capacity', r.capacity, 'taken', r.taken) order by r.sort)
        from shift_roles r where r.community_id = ${communityId} and r.shift_id = s.id) as places,
      (select json_build_object('statusCode', k.status_code, 'response', k.response, 'operation', k.operation)
        from idempotency_keys k where k.community_id = ${communityId} and k.account_id = ${account.id}
        and k.key = ${request.key ?? null}) as stored
    from (select 1) as one
      left join volunteers v on v.community_id = ${communityId} and v.account_id = ${account.id}
      left join shifts s on s.community_id = ${communityId} and s.id = ${shiftId}`);
  const row = (result as unknown as { rows: GateRow[] }).rows[0]!;
  // A non-member learns nothing about the community, as everywhere else.
  if (!row.roles?.length) throw notFound('community');
  const actor: Actor = { account, communityId, roles: row.roles };
  // Only a request that would pass every earlier check of the full sign-up may be refused here, so
  // that the errors and their order stay exactly those of signUpForShift.
  const reachesPlaces =
    !row.stored &&
    row.volunteer_status === 'approved' &&
    row.shift_status === 'open' &&
    row.in_group &&
    row.mode === 'first_come' &&
    !request.waitlist &&
    signupWindow(now, asDate(row.opens_at!), asDate(row.closes_at!)) === 'open';
  const places = row.places ?? [];
  const wanted = request.role ?? places.find((p) => p.taken < p.capacity)?.role ?? places[0]?.role;
  const chosen = places.find((p) => p.role === wanted);
  const full = reachesPlaces && chosen !== undefined && chosen.taken >= chosen.capacity;
  return { actor, stored: row.stored, refusal: full ? new AppError('SHIFT_FULL') : null };
}
