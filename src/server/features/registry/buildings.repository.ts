import { and, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { buildings, gates, households, residents, zones } from '../../db/schema/index.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

/** Buildings sort by their number, then by the rest of the code: 2 before 10, 12 before 12A. */
export const buildingOrder = sql`coalesce(nullif(substring(${buildings.code} from '^[0-9]+'), '')::int, 2147483647), ${buildings.code}`;

export async function listZonesAndGates(db: Db, communityId: string) {
  const zoneRows = await db
    .select({
      id: zones.id,
      code: zones.code,
      name: zones.name,
      color: zones.color,
      gateId: zones.gateId,
      // Qualified by hand: drizzle leaves columns unqualified in a single-table select,
      // where they would bind to the subquery's own table.
      buildings: sql<number>`(select count(*)::int from ${buildings} b where b.community_id = "zones"."community_id" and b.zone_id = "zones"."id")`,
    })
    .from(zones)
    .where(eq(zones.communityId, communityId))
    .orderBy(zones.code);
  const gateRows = await db
    .select({ id: gates.id, code: gates.code, name: gates.name, x: gates.x, y: gates.y })
    .from(gates)
    .where(eq(gates.communityId, communityId))
    .orderBy(gates.code);
  return { zoneRows, gateRows };
}

export async function zoneExists(db: Executor, communityId: string, zoneId: string) {
  const [row] = await db
    .select({ id: zones.id })
    .from(zones)
    .where(and(eq(zones.communityId, communityId), eq(zones.id, zoneId)));
  return Boolean(row);
}

const relay = alias(residents, 'relay');
const relayHousehold = alias(households, 'relay_household');

export async function listBuildings(
  db: Db,
  communityId: string,
  filter: { zoneId?: string; q?: string; id?: string },
) {
  const where: SQL[] = [eq(buildings.communityId, communityId)];
  if (filter.zoneId) where.push(eq(buildings.zoneId, filter.zoneId));
  if (filter.id) where.push(eq(buildings.id, filter.id));
  if (filter.q) where.push(ilike(buildings.code, `${filter.q.replace(/[\\%_]/g, '\\$&')}%`));
  return db
    .select({
      id: buildings.id,
      code: buildings.code,
      zoneId: buildings.zoneId,
      floors: buildings.floors,
      x: buildings.x,
      y: buildings.y,
      households: sql<number>`(select count(*)::int from ${households} h where h.community_id = ${buildings.communityId} and h.building_id = ${buildings.id})`,
      residents: sql<number>`(select count(*)::int from ${residents} r join ${households} h on h.community_id = r.community_id and h.id = r.household_id where r.community_id = ${buildings.communityId} and h.building_id = ${buildings.id})`,
      vulnerable: sql<number>`(select count(*)::int from ${residents} r join ${households} h on h.community_id = r.community_id and h.id = r.household_id where r.community_id = ${buildings.communityId} and h.building_id = ${buildings.id} and cardinality(r.flags) > 0)`,
      relayId: relay.id,
      relayName: relay.name,
      relayMobile: relay.mobile,
      relayRoom: relayHousehold.room,
    })
    .from(buildings)
    .leftJoin(
      relay,
      and(eq(relay.communityId, buildings.communityId), eq(relay.id, buildings.relayResidentId)),
    )
    .leftJoin(
      relayHousehold,
      and(eq(relayHousehold.communityId, relay.communityId), eq(relayHousehold.id, relay.householdId)),
    )
    .where(and(...where))
    .orderBy(buildingOrder);
}
export type BuildingRow = Awaited<ReturnType<typeof listBuildings>>[number];

export async function updateBuilding(
  db: Executor,
  communityId: string,
  id: string,
  values: Partial<{
    zoneId: string | null;
    floors: number;
    x: number;
    y: number;
    relayResidentId: string | null;
  }>,
) {
  const rows = await db
    .update(buildings)
    .set(values)
    .where(and(eq(buildings.communityId, communityId), eq(buildings.id, id)))
    .returning({ id: buildings.id, code: buildings.code });
  return rows[0];
}

export async function buildingIdsByCode(db: Executor, communityId: string) {
  const rows = await db
    .select({ id: buildings.id, code: buildings.code })
    .from(buildings)
    .where(eq(buildings.communityId, communityId));
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function clearRelayOf(db: Executor, communityId: string, residentId: string) {
  await db
    .update(buildings)
    .set({ relayResidentId: null })
    .where(and(eq(buildings.communityId, communityId), eq(buildings.relayResidentId, residentId)));
}
