import type { TDashboard } from '../../../shared/api/dashboard.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { dashboardActions } from './dashboard.policy.ts';
import { dashboardFigures } from './dashboard-figures.ts';

/** Coordinators, committee staff and viewers of the community; anyone else 403 (a non-member got 404). */
export const authorizeDashboard = (actor: Actor) => authorize(actor, dashboardActions['dashboard.read']);

/** getDashboard: the compound's figures now. Reading changes nothing, so it is not audited. */
export async function getDashboard(deps: AppDeps, actor: Actor): Promise<TDashboard> {
  authorizeDashboard(actor);
  return dashboardFigures(deps.db, actor.communityId!, deps.clock.now());
}
