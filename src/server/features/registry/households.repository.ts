import { and, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { THouseholdQuery } from '../../../shared/api/registry.ts';
import type { Db } from '../../db/client.ts';
import { buildings, households, residents } from '../../db/schema/index.ts';
import { buildingOrder } from './buildings.repository.ts';
import { buildingOfHousehold } from './joins.ts';

export interface HouseholdFilter extends Partial<Omit<THouseholdQuery, 'reveal' | 'limit' | 'offset'>> {
  onlyHouseholdsOf?: string;
}

export async function listHouseholds(
  db: Db,
  communityId: string,
  f: HouseholdFilter,
  page: { limit: number; offset: number },
) {
  const where: SQL[] = [eq(households.communityId, communityId)];
  if (f.buildingId) where.push(eq(households.buildingId, f.buildingId));
  if (f.zoneId) where.push(eq(buildings.zoneId, f.zoneId));
  if (f.q) where.push(ilike(households.room, `%${f.q.replace(/[\\%_]/g, '\\$&')}%`));
  if (f.onlyHouseholdsOf) {
    where.push(
      sql`${households.id} in (select r.household_id from ${residents} r where r.community_id = ${communityId} and r.account_id = ${f.onlyHouseholdsOf})`,
    );
  }
  const rows = await db
    .select({
      id: households.id,
      buildingId: households.buildingId,
      buildingCode: buildings.code,
      room: households.room,
      phone: households.phone,
      size: households.size,
      note: households.note,
      residents: sql<number>`(select count(*)::int from ${residents} r where r.community_id = ${households.communityId} and r.household_id = ${households.id})`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(households)
    .innerJoin(buildings, buildingOfHousehold)
    .where(and(...where))
    .orderBy(buildingOrder, households.room)
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: rows[0]?.total ?? 0 };
}

/** The households whose resident rows carry this account (usually one): what "my household" means. */
export async function householdIdsOfAccount(
  db: Pick<Db, 'selectDistinct'>,
  communityId: string,
  accountId: string,
) {
  const rows = await db
    .selectDistinct({ householdId: residents.householdId })
    .from(residents)
    .where(and(eq(residents.communityId, communityId), eq(residents.accountId, accountId)));
  return rows.map((r) => r.householdId);
}
