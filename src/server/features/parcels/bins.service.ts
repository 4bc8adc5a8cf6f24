import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import type { TParcelBin, TParcelBins, TParcelList, TParcelQuery } from '../../../shared/api/parcels.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { presentParcel } from './parcels.presenter.ts';
import {
  buildingsOf,
  communityTimeZone,
  listParcelRows,
  receivedOn,
  waitingPerBin,
} from './parcels.repository.ts';
import { authorizeParcelWork } from './parcels-access.ts';

/** listParcels: the newest first, filtered by day, bin, status and part of a waybill. */
export async function listParcels(
  deps: AppDeps,
  actor: Actor,
  query: TParcelQuery & { limit: number },
): Promise<TParcelList> {
  await authorizeParcelWork(deps, actor, 'parcels.view');
  const rows = await listParcelRows(deps.db, actor.communityId!, {
    ...query,
    q: query.q ? query.q.replace(/\s+/g, '') : undefined,
  });
  return { parcels: rows.map(presentParcel) };
}

const byBuildingCode = new Intl.Collator('zh-CN', { numeric: true });

/**
 * listParcelBins: what waits in each building's bin (every building, so an empty bin reads as zero)
 * and in the unassigned bin; bins hold parcels of any day until they leave, so only `receivedToday`
 * depends on the day (the community's today unless asked).
 */
export async function listParcelBins(deps: AppDeps, actor: Actor, askedDay?: string): Promise<TParcelBins> {
  await authorizeParcelWork(deps, actor, 'parcels.view');
  const communityId = actor.communityId!;
  const day = askedDay ?? wallClockAt(deps.clock.now(), await communityTimeZone(deps.db, communityId)).day;
  const known = await buildingsOf(deps.db, communityId);
  const waiting = await waitingPerBin(deps.db, communityId);
  const receivedToday = await receivedOn(deps.db, communityId, day);
  const bin = (buildingId: string | null, buildingCode: string | null): TParcelBin => {
    const row = waiting.find((w) => w.buildingId === buildingId);
    return {
      buildingId,
      buildingCode,
      waiting: row?.waiting ?? 0,
      oldestReceivedAt: row?.oldest ? new Date(row.oldest).toISOString() : null,
    };
  };
  const buildings = known
    .sort((x, y) => byBuildingCode.compare(x.code, y.code))
    .map((b) => bin(b.id, b.code));
  return {
    day,
    receivedToday,
    waiting: waiting.reduce((sum, w) => sum + w.waiting, 0),
    unassigned: bin(null, null),
    buildings,
  };
}
