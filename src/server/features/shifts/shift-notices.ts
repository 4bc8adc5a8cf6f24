import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { communities, volunteers } from '../../db/schema/index.ts';
import { notify } from '../../platform/notices.ts';
import { shiftTitle } from './shifts.repository.ts';

type Executor = Pick<Db, 'select' | 'insert'>;

interface ShiftOfNotice {
  shift: { id: string; title: string | null; startsAt: Date };
  groupName: string;
}

/**
 * Tells volunteers about a shift (moved up from the waitlist, cancelled, drawn), inside the
 * transaction of the change. The shift's start goes as an instant with the community's time zone,
 * so each reader sees it on the community's clock in their own language.
 */
export async function notifyShiftVolunteers(
  tx: Executor,
  notice: {
    communityId: string;
    volunteerIds: readonly string[];
    kind:
      | 'shift.promoted'
      | 'shift.cancelled'
      | 'shift.cancelled_reason'
      | 'shift.draw_won'
      | 'shift.draw_lost';
    shift: ShiftOfNotice;
    now: Date;
    params?: Record<string, string | number>;
  },
) {
  if (notice.volunteerIds.length === 0) return;
  const { communityId } = notice;
  const people = await tx
    .select({ accountId: volunteers.accountId })
    .from(volunteers)
    .where(and(eq(volunteers.communityId, communityId), inArray(volunteers.id, [...notice.volunteerIds])));
  const [community] = await tx
    .select({ timeZone: communities.timezone })
    .from(communities)
    .where(eq(communities.id, communityId));
  await notify(
    tx,
    {
      communityId,
      accountIds: people.map((p) => p.accountId),
      kind: notice.kind,
      params: {
        title: shiftTitle(notice.shift),
        startsAt: notice.shift.shift.startsAt.toISOString(),
        timeZone: community?.timeZone ?? 'Asia/Shanghai',
        ...notice.params,
      },
      link: '/my-shifts',
    },
    notice.now,
  );
}
