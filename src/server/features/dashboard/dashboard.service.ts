import type { TDashboard } from '../../../shared/api/dashboard.ts';
import { authorize } from '../../platform/authorize.ts';
import { perDatabase } from '../../platform/batched-lookup.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { SharedReading } from '../../platform/shared-reading.ts';
import { dashboardActions } from './dashboard.policy.ts';
import { dashboardFigures } from './dashboard-figures.ts';

/** Coordinators, committee staff and viewers of the community; anyone else 403 (a non-member got 404). */
export const authorizeDashboard = (actor: Actor) => authorize(actor, dashboardActions['dashboard.read']);

// The figures are the same for every reader of a community: those asking at once share one reading,
// and one that started within the last second answers too, as the live stream (dashboard-feed.ts) is
// itself up to a second behind. A committee room's screens polling it cost a reading every 0.7–1 s,
// and none of them waits for one: the next starts while the last still answers.
export const DASHBOARD_REUSE_MS = 1_000;
const readingsOf = perDatabase(
  (_db: object) => new SharedReading<TDashboard>({ reuseWithinMs: DASHBOARD_REUSE_MS, refreshAfterMs: 700 }),
);

/** getDashboard: the compound's figures now. Reading changes nothing, so it is not audited. */
export async function getDashboard(deps: AppDeps, actor: Actor): Promise<TDashboard> {
  authorizeDashboard(actor);
  const communityId = actor.communityId!;
  return readingsOf(deps.db).read(communityId, () =>
    dashboardFigures(deps.db, communityId, deps.clock.now()),
  );
}
