import { and, asc, desc, eq, ilike, inArray, isNull, min, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedRead } from '../../db/read-together.ts';
import { buildings, households, parcels } from '../../db/schema/index.ts';
import { perDatabase } from '../../platform/batched-lookup.ts';
import { groupMembership } from '../volunteers/group-membership.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export const PARCELS_GROUP_KEY = 'parcels';

/** Whether the account is an approved volunteer of the parcels group of the community. */
export async function inParcelsGroup(db: Executor, communityId: string, accountId: string) {
  return (await groupMembership(db, communityId, accountId, PARCELS_GROUP_KEY)) !== 'none';
}

export { communityTimeZone } from '../../platform/community-constants.ts';

// Read by every scan at the gate: built once per database (or transaction), planned once per connection.
const buildingsRead = perDatabase((db: Executor) =>
  db
    .select({ id: buildings.id, code: buildings.code })
    .from(buildings)
    .where(eq(buildings.communityId, sql.placeholder('communityId')))
    .prepare('community_buildings'),
);

/** The community's buildings (id and code), unread: to be awaited, or sent with other reads. */
export const buildingsOf = (db: Executor, communityId: string) =>
  preparedRead(buildingsRead(db), { communityId });

export async function householdsIn(db: Executor, communityId: string, buildingIds: string[]) {
  if (buildingIds.length === 0) return [];
  return db
    .select({ id: households.id, buildingId: households.buildingId, room: households.room })
    .from(households)
    .where(and(eq(households.communityId, communityId), inArray(households.buildingId, buildingIds)));
}

/** Parcels of the community already carrying one of these waybills, with where they were put. */
export async function recordedWaybills(db: Executor, communityId: string, waybills: string[]) {
  if (waybills.length === 0) return [];
  return db
    .select({ waybill: parcels.waybill, receivedAt: parcels.receivedAt, buildingCode: buildings.code })
    .from(parcels)
    .leftJoin(
      buildings,
      and(eq(buildings.communityId, parcels.communityId), eq(buildings.id, parcels.buildingId)),
    )
    .where(and(eq(parcels.communityId, communityId), inArray(parcels.waybill, waybills)))
    .orderBy(asc(parcels.receivedAt));
}

const parcelColumns = {
  id: parcels.id,
  waybill: parcels.waybill,
  buildingId: parcels.buildingId,
  buildingCode: buildings.code,
  room: parcels.room,
  householdId: parcels.householdId,
  phoneTail: parcels.phoneTail,
  status: parcels.status,
  source: parcels.source,
  note: parcels.note,
  day: parcels.day,
  receivedAt: parcels.receivedAt,
};
export type ParcelRow = Awaited<ReturnType<typeof listParcelRows>>[number];

export async function listParcelRows(
  db: Executor,
  communityId: string,
  f: { day?: string; buildingId?: string; status?: string; q?: string; ids?: string[]; limit: number },
) {
  const where: SQL[] = [eq(parcels.communityId, communityId)];
  if (f.day) where.push(eq(parcels.day, f.day));
  if (f.buildingId === 'unassigned') where.push(isNull(parcels.buildingId));
  else if (f.buildingId) where.push(eq(parcels.buildingId, f.buildingId));
  if (f.status) where.push(eq(parcels.status, f.status));
  if (f.q) where.push(ilike(parcels.waybill, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.ids) where.push(f.ids.length ? inArray(parcels.id, f.ids) : sql`false`);
  return db
    .select(parcelColumns)
    .from(parcels)
    .leftJoin(
      buildings,
      and(eq(buildings.communityId, parcels.communityId), eq(buildings.id, parcels.buildingId)),
    )
    .where(and(...where))
    .orderBy(desc(parcels.receivedAt), desc(parcels.id))
    .limit(f.limit);
}

/** Waiting parcels per bin (building id, null for unassigned), with the oldest arrival. */
export async function waitingPerBin(db: Executor, communityId: string) {
  return db
    .select({
      buildingId: parcels.buildingId,
      waiting: sql<number>`count(*)::int`,
      oldest: min(parcels.receivedAt),
    })
    .from(parcels)
    .where(and(eq(parcels.communityId, communityId), eq(parcels.status, 'waiting')))
    .groupBy(parcels.buildingId);
}

export async function receivedOn(db: Executor, communityId: string, day: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(parcels)
    .where(and(eq(parcels.communityId, communityId), eq(parcels.day, day)));
  return row?.n ?? 0;
}
