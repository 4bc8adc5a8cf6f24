import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import {
  householdKey,
  type ImportPlan,
  type RegistrySnapshot,
  type ResidentValues,
  residentKey,
} from '../../../domain/roster-plan.ts';
import type { Db } from '../../db/client.ts';
import { buildings, households, residents, rosterImports } from '../../db/schema/index.ts';
import { refreshHouseholdSizes } from './residents.repository.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;
const CHUNK = 1000;

export async function loadSnapshot(db: Executor, communityId: string): Promise<RegistrySnapshot> {
  const bRows = await db
    .select({ id: buildings.id, code: buildings.code })
    .from(buildings)
    .where(eq(buildings.communityId, communityId));
  const hRows = await db
    .select({ id: households.id, code: buildings.code, room: households.room, phone: households.phone })
    .from(households)
    .innerJoin(buildings, buildingOfHousehold)
    .where(eq(households.communityId, communityId));
  const rRows = await db
    .select({
      id: residents.id,
      code: buildings.code,
      room: households.room,
      name: residents.name,
      sex: residents.sex,
      birthYear: residents.birthYear,
      mobile: residents.mobile,
      flags: residents.flags,
      note: residents.note,
    })
    .from(residents)
    .innerJoin(households, householdOfResident)
    .innerJoin(buildings, buildingOfHousehold)
    .where(eq(residents.communityId, communityId));
  return {
    buildings: new Map(bRows.map((b) => [b.code, b.id])),
    households: new Map(hRows.map((h) => [householdKey(h.code, h.room), { id: h.id, phone: h.phone }])),
    residents: new Map(rRows.map(({ code, room, ...r }) => [residentKey(code, room, r.name), r])),
  };
}

async function bulkUpdateResidents(
  db: Executor,
  communityId: string,
  rows: { id: string; values: ResidentValues }[],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK).map((r) => ({ id: r.id, ...r.values })));
    await db.execute(sql`
      update ${residents} as r set sex = v.sex, birth_year = v."birthYear", mobile = v.mobile, flags = v.flags, note = v.note
      from jsonb_to_recordset(${json}::jsonb) as v(id uuid, sex text, "birthYear" int, mobile text, flags text[], note text)
      where r.community_id = ${communityId} and r.id = v.id`);
  }
}

async function bulkSetPhones(db: Executor, communityId: string, rows: { id: string; phone: string }[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    await db.execute(sql`
      update ${households} as h set phone = v.phone
      from jsonb_to_recordset(${json}::jsonb) as v(id uuid, phone text)
      where h.community_id = ${communityId} and h.id = v.id and h.phone is null`);
  }
}

/** Writes a plan; runs inside the commit's transaction. */
export async function applyPlan(
  db: Executor,
  communityId: string,
  plan: ImportPlan,
  snapshot: RegistrySnapshot,
) {
  const buildingIds = new Map(snapshot.buildings);
  if (plan.newBuildings.length > 0) {
    const created = await db
      .insert(buildings)
      .values(plan.newBuildings.map((code) => ({ communityId, code })))
      .returning({ id: buildings.id, code: buildings.code });
    for (const b of created) buildingIds.set(b.code, b.id);
  }
  const codeOf = new Map([...buildingIds].map(([code, id]) => [id, code]));
  const householdIds = new Map([...snapshot.households].map(([key, h]) => [key, h.id]));
  for (let i = 0; i < plan.newHouseholds.length; i += CHUNK) {
    const chunk = plan.newHouseholds.slice(i, i + CHUNK);
    const created = await db
      .insert(households)
      .values(
        chunk.map((h) => ({
          communityId,
          buildingId: buildingIds.get(h.building)!,
          room: h.room,
          phone: h.phone,
        })),
      )
      .returning({ id: households.id, room: households.room, buildingId: households.buildingId });
    for (const h of created) householdIds.set(householdKey(codeOf.get(h.buildingId)!, h.room), h.id);
  }
  await bulkSetPhones(db, communityId, plan.householdPhones);
  const touched = new Set<string>();
  for (let i = 0; i < plan.newResidents.length; i += CHUNK) {
    const chunk = plan.newResidents.slice(i, i + CHUNK).map((r) => {
      const householdId = householdIds.get(householdKey(r.building, r.room))!;
      touched.add(householdId);
      return { communityId, householdId, name: r.name, ...r.values };
    });
    await db.insert(residents).values(chunk);
  }
  await bulkUpdateResidents(db, communityId, plan.updatedResidents);
  const ids = [...touched];
  for (let i = 0; i < ids.length; i += CHUNK)
    await refreshHouseholdSizes(db, communityId, ids.slice(i, i + CHUNK));
}

export async function insertImport(db: Db, values: typeof rosterImports.$inferInsert) {
  await db.insert(rosterImports).values(values);
}

/** Marks the import committed; only one caller ever gets the payload back. */
export async function claimImport(db: Executor, communityId: string, id: string, now: Date) {
  const [row] = await db
    .update(rosterImports)
    .set({ committedAt: now })
    .where(
      and(
        eq(rosterImports.communityId, communityId),
        eq(rosterImports.id, id),
        isNull(rosterImports.committedAt),
        sql`${rosterImports.expiresAt} > ${now}`,
      ),
    )
    .returning({ payload: rosterImports.payload, fileName: rosterImports.fileName });
  return row;
}

import { buildingOfHousehold, householdOfResident } from './joins.ts';

export async function findImport(db: Db, communityId: string, id: string) {
  const [row] = await db
    .select({ committedAt: rosterImports.committedAt, expiresAt: rosterImports.expiresAt })
    .from(rosterImports)
    .where(and(eq(rosterImports.communityId, communityId), eq(rosterImports.id, id)));
  return row;
}

export async function saveResult(db: Executor, communityId: string, id: string, result: unknown) {
  await db
    .update(rosterImports)
    .set({ result })
    .where(and(eq(rosterImports.communityId, communityId), eq(rosterImports.id, id)));
}

export async function pruneExpired(db: Db, communityId: string, now: Date) {
  await db
    .delete(rosterImports)
    .where(
      and(
        eq(rosterImports.communityId, communityId),
        isNull(rosterImports.committedAt),
        lt(rosterImports.expiresAt, now),
      ),
    );
}
