// The trends' own reads: only what no feature counts (the buildings' places on the site plan).
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { buildings } from '../../db/schema/index.ts';
import { buildingOrder } from '../registry/buildings.repository.ts';

/** Every building with its place on the site plan, in building order. */
export async function buildingPlaces(db: Pick<Db, 'select'>, communityId: string) {
  return db
    .select({ buildingId: buildings.id, code: buildings.code, x: buildings.x, y: buildings.y })
    .from(buildings)
    .where(eq(buildings.communityId, communityId))
    .orderBy(buildingOrder);
}
