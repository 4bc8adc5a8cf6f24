import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { distributionProgress } from '../group-buys/group-buy-progress.repository.ts';
import { campaignsOf, householdCounts } from '../group-buys/group-buys.repository.ts';

/** Closed with stock shared out, or arrived at the gate: being handed out until every building has its drop. */
const IN_DISTRIBUTION = ['allocated', 'arrived'];

/**
 * The group-buy list's open campaigns (taking orders now) with their ordering households, and the
 * campaigns being handed out with the buildings done of those their distribution list names.
 */
export async function groupBuyFigures(
  db: Db,
  communityId: string,
  now: Date,
): Promise<TDashboard['groupBuys']> {
  const [open, active] = await Promise.all([
    campaignsOf(db, communityId, 'open', now),
    campaignsOf(db, communityId, 'active', now),
  ]);
  const handingOut = active.filter((c) => IN_DISTRIBUTION.includes(c.status));
  const [households, progress] = await Promise.all([
    householdCounts(
      db,
      communityId,
      open.map((c) => c.id),
    ),
    distributionProgress(
      db,
      communityId,
      handingOut.map((c) => c.id),
    ),
  ]);
  return {
    open: open.map((c) => ({
      id: c.id,
      title: c.title,
      closesAt: c.closesAt.toISOString(),
      households: households.get(c.id) ?? 0,
    })),
    inDistribution: handingOut.map((c) => ({
      id: c.id,
      title: c.title,
      buildingsDone: progress.get(c.id)?.buildingsDone ?? 0,
      buildings: progress.get(c.id)?.buildings ?? 0,
    })),
  };
}
