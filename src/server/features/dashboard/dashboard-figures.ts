// The live "2+6+280" picture of a compound (issue 10): ONE function that the dashboard, its live
// stream and the daily report all read. Each area's figures come from its feature's own queries (see
// the dashboard-*.ts files), so every number equals what the feature's own page shows.
import { wallClockAt, wallTimeToInstant } from '../../../domain/shifts/zoned-time.ts';
import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../platform/app-error.ts';
import { findCommunity } from '../communities/communities.repository.ts';
import { disinfectionFigures } from './dashboard-disinfection.ts';
import { groupBuyFigures } from './dashboard-group-buys.ts';
import { medicineFigures } from './dashboard-medicine.ts';
import { parcelFigures } from './dashboard-parcels.ts';
import { peopleFigures } from './dashboard-people.ts';
import { relayFiguresNow } from './dashboard-relays.ts';
import { testingFigures } from './dashboard-testing.ts';

/**
 * The compound's figures at `now`. "Today" is the community's local day (since local midnight in its
 * time zone). About twenty short statements, all areas at once: a PostgreSQL pool runs them side by
 * side, PGlite one after another; none runs per row (no N+1). Throws NOT_FOUND for an unknown community.
 */
export async function dashboardFigures(db: Db, communityId: string, now: Date): Promise<TDashboard> {
  const community = await findCommunity(db, communityId);
  if (!community) throw notFound('community');
  const timeZone = community.timezone;
  const today = wallClockAt(now, timeZone).day;
  const dayStart = wallTimeToInstant(today, '00:00', timeZone);
  const [people, parcels, testing, medicine, groupBuys, disinfection, relays] = await Promise.all([
    peopleFigures(db, communityId, now),
    parcelFigures(db, communityId, timeZone, today),
    testingFigures(db, communityId, now),
    medicineFigures(db, communityId, now),
    groupBuyFigures(db, communityId, now),
    disinfectionFigures(db, communityId, timeZone, today, now),
    relayFiguresNow(db, communityId, dayStart, now),
  ]);
  return {
    communityId,
    name: community.name,
    timeZone,
    at: now.toISOString(),
    people,
    parcels,
    testing,
    medicine,
    groupBuys,
    disinfection,
    relays,
  };
}
