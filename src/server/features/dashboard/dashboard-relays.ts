import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { relayFigures } from '../relays/relays.presenter.ts';
import { tasksInWindow } from '../relays/relays.repository.ts';
import { UNCONFIRMED_LISTED_HOURS } from '../relays/relays.service.ts';

/**
 * The relay list's figures as coordinators see them (listRelayTasks: every building): not yet
 * confirmed (open or escalated to the publicity group), escalated, and the buildings with any
 * unconfirmed task, the most escalated first.
 */
export async function relayFiguresNow(
  db: Db,
  communityId: string,
  dayStart: Date,
  now: Date,
): Promise<TDashboard['relays']> {
  const rows = await tasksInWindow(db, communityId, {
    since: new Date(now.getTime() - UNCONFIRMED_LISTED_HOURS * 3_600_000),
    dayStart,
  });
  const { totals, buildings } = relayFigures(rows);
  return {
    unconfirmed: totals.open + totals.escalated,
    escalated: totals.escalated,
    buildings: buildings.filter((b) => b.open + b.escalated > 0).map((b) => b.buildingCode),
  };
}
