import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { binCounts } from '../parcels/clearance.repository.ts';
import { boundsOf } from '../parcels/parcel-days.service.ts';

/**
 * Today's parcels as the clearance board (日清日结) shows the compound for the community's today: its
 * bins summed. Waiting = still at the gate or on a run (not yet at the building), from every day.
 */
export async function parcelFigures(
  db: Db,
  communityId: string,
  timeZone: string,
  today: string,
): Promise<TDashboard['parcels']> {
  const bins = await binCounts(db, communityId, boundsOf(today, today, timeZone));
  const figures: TDashboard['parcels'] = {
    receivedToday: 0,
    deliveredToday: 0,
    pickedUpToday: 0,
    waiting: 0,
    oldestWaitingSince: null,
  };
  for (const bin of bins) {
    figures.receivedToday += bin.received;
    figures.deliveredToday += bin.delivered;
    figures.pickedUpToday += bin.pickedUp;
    figures.waiting += bin.waiting + bin.onRun;
    const oldest = bin.oldestWaitingAt;
    if (oldest && (!figures.oldestWaitingSince || oldest < figures.oldestWaitingSince)) {
      figures.oldestWaitingSince = oldest;
    }
  }
  return figures;
}
