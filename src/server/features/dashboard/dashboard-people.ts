import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { Db } from '../../db/client.ts';
import {
  countGroupMembers,
  countMembersByRole,
  countVolunteersByStatus,
} from '../communities/communities.repository.ts';
import { onShiftNow } from '../shifts/on-shift.repository.ts';

/**
 * The "2+6+280" headline: committee staff and coordinators (memberships), volunteers by status and
 * each group's approved members as the community overview counts them, and who is on shift now as the
 * shifts' rosters show it.
 */
export async function peopleFigures(db: Db, communityId: string, now: Date): Promise<TDashboard['people']> {
  const [roles, volunteers, groups, onShift] = await Promise.all([
    countMembersByRole(db, communityId),
    countVolunteersByStatus(db, communityId),
    countGroupMembers(db, communityId),
    onShiftNow(db, communityId, now),
  ]);
  const withStatus = (status: string) => volunteers.find((v) => v.status === status)?.n ?? 0;
  return {
    staff: roles.get('staff') ?? 0,
    coordinators: roles.get('coordinator') ?? 0,
    volunteers: { approved: withStatus('approved'), pending: withStatus('pending') },
    onShiftNow: onShift.total,
    groups: groups.map((g) => ({
      groupId: g.groupId,
      key: g.key,
      name: g.name,
      members: g.volunteers,
      onShiftNow: onShift.byGroup.get(g.groupId) ?? 0,
    })),
  };
}
