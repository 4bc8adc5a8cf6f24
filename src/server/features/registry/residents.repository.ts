import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { TResidentQuery } from '../../../shared/api/registry.ts';
import type { Db } from '../../db/client.ts';
import { buildings, households, residents } from '../../db/schema/index.ts';
import { buildingOrder } from './buildings.repository.ts';
import { buildingOfHousehold, householdOfResident } from './joins.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

const likePrefix = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export const residentColumns = {
  id: residents.id,
  householdId: residents.householdId,
  buildingId: households.buildingId,
  buildingCode: buildings.code,
  room: households.room,
  name: residents.name,
  sex: residents.sex,
  birthYear: residents.birthYear,
  mobile: residents.mobile,
  flags: residents.flags,
  note: residents.note,
  isRelay: sql<boolean>`(${buildings.relayResidentId} is not distinct from ${residents.id})`,
};

export interface ResidentFilter extends Partial<Omit<TResidentQuery, 'reveal' | 'limit' | 'offset'>> {
  id?: string;
  /** a resident who holds no other role sees only their own household */
  onlyHouseholdsOf?: string;
}

/** The vulnerable list's rule: a resident with any vulnerability flag (announcements target the same). */
export const isVulnerableResident = () => sql`cardinality(${residents.flags}) > 0`;

function residentWhere(communityId: string, f: ResidentFilter): SQL {
  const where: SQL[] = [eq(residents.communityId, communityId)];
  if (f.id) where.push(eq(residents.id, f.id));
  if (f.buildingId) where.push(eq(households.buildingId, f.buildingId));
  if (f.zoneId) where.push(eq(buildings.zoneId, f.zoneId));
  if (f.householdId) where.push(eq(residents.householdId, f.householdId));
  if (f.flag) where.push(sql`${f.flag} = any(${residents.flags})`);
  if (f.vulnerable) where.push(isVulnerableResident());
  if (f.q) where.push(or(ilike(residents.name, likePrefix(f.q)), ilike(households.room, likePrefix(f.q)))!);
  if (f.onlyHouseholdsOf) {
    where.push(
      sql`${residents.householdId} in (select r.household_id from ${residents} r where r.community_id = ${communityId} and r.account_id = ${f.onlyHouseholdsOf})`,
    );
  }
  return and(...where)!;
}

export async function listResidents(
  db: Db,
  communityId: string,
  f: ResidentFilter,
  page: { limit: number; offset: number },
) {
  const rows = await db
    .select({ ...residentColumns, total: sql<number>`count(*) over ()::int` })
    .from(residents)
    .innerJoin(households, householdOfResident)
    .innerJoin(buildings, buildingOfHousehold)
    .where(residentWhere(communityId, f))
    .orderBy(buildingOrder, households.room, residents.name)
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: rows[0]?.total ?? (page.offset > 0 ? await countResidents(db, communityId, f) : 0) };
}
export type ResidentRow = Awaited<ReturnType<typeof listResidents>>['rows'][number];

async function countResidents(db: Db, communityId: string, f: ResidentFilter) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(residents)
    .innerJoin(households, householdOfResident)
    .innerJoin(buildings, buildingOfHousehold)
    .where(residentWhere(communityId, f));
  return row?.n ?? 0;
}

export async function findResident(db: Executor, communityId: string, id: string) {
  const [row] = await db
    .select(residentColumns)
    .from(residents)
    .innerJoin(households, householdOfResident)
    .innerJoin(buildings, buildingOfHousehold)
    .where(residentWhere(communityId, { id }));
  return row;
}

/** The household of a building and room, created if it does not exist yet. */
export async function ensureHousehold(db: Executor, communityId: string, buildingId: string, room: string) {
  await db.insert(households).values({ communityId, buildingId, room }).onConflictDoNothing();
  const [row] = await db
    .select({ id: households.id })
    .from(households)
    .where(
      and(
        eq(households.communityId, communityId),
        eq(households.buildingId, buildingId),
        eq(households.room, room),
      ),
    );
  return row!.id;
}

/** Keeps a household's size in step with the residents registered in it. */
export async function refreshHouseholdSizes(db: Executor, communityId: string, householdIds: string[]) {
  if (householdIds.length === 0) return;
  await db
    .update(households)
    .set({
      // Qualified by hand: in an UPDATE drizzle leaves columns unqualified, and they would bind to r.
      size: sql`greatest(1, (select count(*)::int from ${residents} r where r.community_id = "households"."community_id" and r.household_id = "households"."id"))`,
    })
    .where(and(eq(households.communityId, communityId), inArray(households.id, householdIds)));
}
