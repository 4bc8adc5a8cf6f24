import { eq } from 'drizzle-orm';
import type { TStreetOverview } from '../../../shared/api/dashboard.ts';
import type { Role } from '../../../shared/roles.ts';
import { memberships } from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps, SignedInAccount } from '../../platform/context.ts';
import { streetActions } from './street.policy.ts';
import { streetFigures } from './street-figures.repository.ts';

/** The communities in which the account may see the street view, by the same policy as everything else. */
async function grantedCommunities(deps: AppDeps, account: SignedInAccount): Promise<string[]> {
  const rows = await deps.db
    .select({ communityId: memberships.communityId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.accountId, account.id));
  const roles = new Map<string, Role[]>();
  for (const row of rows)
    roles.set(row.communityId, [...(roles.get(row.communityId) ?? []), row.role as Role]);
  return [...roles].flatMap(([communityId, held]) => {
    const actor: Actor = { account, communityId, roles: held };
    try {
      authorize(actor, streetActions['street.overview']);
      return [communityId];
    } catch {
      return [];
    }
  });
}

/**
 * getStreetOverview: every compound where the caller is a street `viewer` (or coordinator or staff),
 * with the dashboard's headline figures, computed for all of them at once. Nobody else's compounds
 * appear; someone with no such membership at all is refused.
 */
export async function getStreetOverview(deps: AppDeps, account: SignedInAccount): Promise<TStreetOverview> {
  const communityIds = await grantedCommunities(deps, account);
  if (communityIds.length === 0) throw new AppError('FORBIDDEN');
  const now = deps.clock.now();
  return { at: now.toISOString(), communities: await streetFigures(deps.db, communityIds, now) };
}
