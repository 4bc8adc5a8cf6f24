// Test helpers of the clearance board: put parcels into the states other features move them through
// (runs, delivery, pickup, reminders) directly, and give the parcels group shifts with attendance.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { groupMembers, memberships, parcels, shiftSignups, shifts } from '../../db/schema/index.ts';

export interface ParcelState {
  status?: 'waiting' | 'on_run' | 'delivered' | 'picked_up';
  day?: string;
  receivedAt?: string;
  deliveredAt?: string | null;
  pickedUpAt?: string | null;
  remindedAt?: string | null;
}

/** Sets the state and timestamps of some parcels as the run, delivery and pickup features would. */
export async function setParcelState(
  db: Db,
  communityId: string,
  ids: readonly string[],
  state: ParcelState,
) {
  const at = (iso: string | null | undefined) => (iso === undefined ? undefined : iso ? new Date(iso) : null);
  await db
    .update(parcels)
    .set({
      status: state.status,
      day: state.day,
      receivedAt: at(state.receivedAt) ?? undefined,
      deliveredAt: at(state.deliveredAt),
      pickedUpAt: at(state.pickedUpAt),
      remindedAt: at(state.remindedAt),
    })
    .where(and(eq(parcels.communityId, communityId), inArray(parcels.id, [...ids])));
}

/** Makes a group volunteer the group's leader (and a `leader` member of the community). */
export async function makeLeader(
  db: Db,
  communityId: string,
  groupId: string,
  who: { accountId: string; volunteerId: string },
) {
  await db.insert(memberships).values({ communityId, accountId: who.accountId, role: 'leader' });
  await db
    .update(groupMembers)
    .set({ isLeader: true })
    .where(
      and(
        eq(groupMembers.communityId, communityId),
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.volunteerId, who.volunteerId),
      ),
    );
}

export interface SignupSpec {
  volunteerId: string;
  status?: 'confirmed' | 'waitlisted';
  checkedInAt?: string;
  checkedOutAt?: string;
  noShow?: boolean;
}

/** A shift of a group from `startsAt` to `endsAt` (UTC) with its sign-ups, written directly. */
export async function addShift(
  db: Db,
  communityId: string,
  groupId: string,
  startsAt: string,
  endsAt: string,
  signups: readonly SignupSpec[],
  status: 'open' | 'cancelled' = 'open',
) {
  const start = new Date(startsAt);
  const [shift] = await db
    .insert(shifts)
    .values({
      communityId,
      groupId,
      startsAt: start,
      endsAt: new Date(endsAt),
      signupOpensAt: new Date(start.getTime() - 86_400_000),
      signupClosesAt: new Date(start.getTime() - 3_600_000),
      status,
    })
    .returning({ id: shifts.id });
  if (signups.length === 0) return shift!.id;
  await db.insert(shiftSignups).values(
    signups.map((s) => ({
      communityId,
      shiftId: shift!.id,
      role: 'default',
      volunteerId: s.volunteerId,
      status: s.status ?? 'confirmed',
      createdAt: new Date(start.getTime() - 86_400_000),
      checkedInAt: s.checkedInAt ? new Date(s.checkedInAt) : null,
      checkedOutAt: s.checkedOutAt ? new Date(s.checkedOutAt) : null,
      noShow: s.noShow ?? false,
    })),
  );
  return shift!.id;
}

/** What a refused close must leave untouched: parcels, closed days and the audit log. */
export async function clearanceFingerprint(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const table of ['parcels', 'parcel_days', 'audit_log']) {
    const result = await db.execute(
      sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`),
    );
    parts.push(`${table}:${(result as unknown as { rows: { h: string }[] }).rows[0]!.h}`);
  }
  return parts.join(',');
}
