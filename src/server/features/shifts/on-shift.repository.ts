import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shiftSignups, shifts, volunteers } from '../../db/schema/index.ts';

export interface OnShiftNow {
  /** approved volunteers on a shift right now, each counted once */
  total: number;
  /** per group of the shift they are on */
  byGroup: Map<string, number>;
}

/**
 * Who is on shift at `now`, as the shift's roster shows it: an approved volunteer with a confirmed
 * sign-up, checked in and not checked out, not marked absent, on a shift not called off that has not
 * ended yet (after its end the hours rule stops counting, attendance.repository.ts). One statement:
 * per group, and (the rollup's row without a group) everyone once.
 */
export async function onShiftNow(
  db: Pick<Db, 'execute'>,
  communityId: string,
  now: Date,
): Promise<OnShiftNow> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    select sh.group_id as "groupId", count(distinct s.volunteer_id)::int as n
    from ${shiftSignups} s
    join ${shifts} sh on sh.community_id = s.community_id and sh.id = s.shift_id
    join ${volunteers} v on v.community_id = s.community_id and v.id = s.volunteer_id
    where s.community_id = ${communityId} and s.status = 'confirmed' and not s.no_show
      and s.checked_in_at <= ${at} and s.checked_out_at is null
      and sh.status <> 'cancelled' and sh.ends_at > ${at}
      and v.status = 'approved'
    group by rollup (sh.group_id)`);
  const rows = (result as unknown as { rows: { groupId: string | null; n: number }[] }).rows;
  const byGroup = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    if (row.groupId === null) total = Number(row.n);
    else byGroup.set(row.groupId, Number(row.n));
  }
  return { total, byGroup };
}
