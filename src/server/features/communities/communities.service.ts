import type {
  TCommunity,
  TCommunityOverview,
  TCreateCommunityRequest,
} from '../../../shared/api/communities.ts';
import { ZCreateCommunityRequest } from '../../../shared/api/communities.ts';
import { DEFAULT_GROUPS, STAFF_TITLES } from '../../../shared/groups.ts';
import type { Role } from '../../../shared/roles.ts';
import { communities, memberships, volunteerGroups } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps, SignedInAccount } from '../../platform/context.ts';
import { communityActions } from './communities.policy.ts';
import * as repo from './communities.repository.ts';

const slugTaken = (slug: string) =>
  new AppError('SLUG_TAKEN', { slug }, [{ path: 'body.slug', message: '' }]);

const present = (
  row: { id: string; slug: string; name: string; timezone: string },
  roles: Role[],
): TCommunity => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  timezone: row.timezone,
  roles,
});

export async function listMyCommunities(deps: AppDeps, account: SignedInAccount) {
  const rows = await repo.listCommunitiesOf(deps.db, account.id);
  return { items: rows.map((row) => present(row, row.roles as Role[])) };
}

/** The creator becomes staff and coordinator of the new community, which starts with the six groups. */
export async function createCommunity(
  deps: AppDeps,
  account: SignedInAccount,
  input: TCreateCommunityRequest,
) {
  const held = await repo.listCommunitiesOf(deps.db, account.id);
  const actor: Actor = {
    account,
    communityId: null,
    roles: [...new Set(held.flatMap((c) => c.roles as Role[]))],
  };
  const role = authorize(actor, communityActions['community.create']);
  const data = ZCreateCommunityRequest.parse(input);
  if (await repo.slugExists(deps.db, data.slug)) throw slugTaken(data.slug);
  const created = await deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(communities).values(data).onConflictDoNothing().returning();
    if (!row) throw slugTaken(data.slug);
    await tx.insert(memberships).values([
      { communityId: row.id, accountId: account.id, role: 'staff', title: STAFF_TITLES.cadre },
      { communityId: row.id, accountId: account.id, role: 'coordinator' },
    ]);
    await tx
      .insert(volunteerGroups)
      .values(DEFAULT_GROUPS.map((g, sort) => ({ communityId: row.id, key: g.key, name: g.name, sort })));
    await audit(tx, {
      communityId: row.id,
      account,
      role,
      action: 'community.create',
      targetType: 'community',
      targetId: row.id,
      params: { name: row.name, slug: row.slug },
    });
    return row;
  });
  return present(created, ['coordinator', 'staff']);
}

export async function getCommunityOverview(deps: AppDeps, actor: Actor): Promise<TCommunityOverview> {
  authorize(actor, communityActions['community.overview']);
  const communityId = actor.communityId!;
  const community = await repo.findCommunity(deps.db, communityId);
  if (!community) throw notFound('community');
  const staff = await repo.countStaffByTitle(deps.db, communityId);
  const volunteerCounts = await repo.countVolunteersByStatus(deps.db, communityId);
  const cadres = staff.find((s) => s.title === STAFF_TITLES.cadre)?.n ?? 0;
  const staffTotal = staff.reduce((sum, s) => sum + s.n, 0);
  return {
    community: present(community, actor.roles),
    people: {
      cadres,
      socialWorkers: staffTotal - cadres,
      staff: staffTotal,
      volunteers: volunteerCounts.find((v) => v.status === 'approved')?.n ?? 0,
      pendingVolunteers: volunteerCounts.find((v) => v.status === 'pending')?.n ?? 0,
    },
    groups: await repo.countGroupMembers(deps.db, communityId),
    registry: await repo.countRegistry(deps.db, communityId),
  };
}
