import { and, eq, inArray, isNotNull, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TAnnouncementAudience } from '../../../shared/api/announcements.ts';
import type { Db } from '../../db/client.ts';
import {
  buildings,
  groupMembers,
  households,
  memberships,
  residents,
  volunteerGroups,
  volunteers,
  zones,
} from '../../db/schema/index.ts';
import { perDatabase } from '../../platform/batched-lookup.ts';
import { buildingOfHousehold, householdOfResident } from '../registry/joins.ts';
import { isVulnerableResident } from '../registry/residents.repository.ts';

type Executor = Pick<Db, 'select' | 'selectDistinct'>;

/** One account an announcement reaches, with the building it lives in (null: none registered). */
export interface Reached {
  accountId: string;
  buildingId: string | null;
}

/** Of the ids given, those that are not zones, buildings or groups of this community (in order). */
export async function unknownTargets(
  db: Executor,
  communityId: string,
  audience: 'zones' | 'buildings' | 'group',
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const table = { zones, buildings, group: volunteerGroups }[audience];
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.communityId, communityId), inArray(table.id, [...ids])));
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/** Residents with an account, and the building of their household, in buildings matching `where`. */
function residentAccounts(db: Executor, communityId: string, where?: SQL) {
  return db
    .selectDistinct({ accountId: sql<string>`${residents.accountId}`, buildingId: households.buildingId })
    .from(residents)
    .innerJoin(households, householdOfResident)
    .innerJoin(buildings, buildingOfHousehold)
    .where(and(eq(residents.communityId, communityId), isNotNull(residents.accountId), where));
}

/** Approved volunteers (of one group, or all), with the building they gave when they registered. */
function volunteerAccounts(db: Executor, communityId: string, groupId?: string) {
  const approved = and(eq(volunteers.communityId, communityId), eq(volunteers.status, 'approved'));
  if (!groupId) {
    return db
      .selectDistinct({ accountId: volunteers.accountId, buildingId: volunteers.buildingId })
      .from(volunteers)
      .where(approved);
  }
  return db
    .selectDistinct({ accountId: volunteers.accountId, buildingId: volunteers.buildingId })
    .from(volunteers)
    .innerJoin(
      groupMembers,
      and(eq(groupMembers.communityId, volunteers.communityId), eq(groupMembers.volunteerId, volunteers.id)),
    )
    .where(and(approved, eq(groupMembers.groupId, groupId)));
}

/**
 * The accounts of vulnerable residents (the registry's vulnerable list), or, for one who has no account,
 * those of the others in their household: someone at home who can read it to them.
 */
function vulnerableAccounts(db: Executor, communityId: string) {
  const reader = alias(residents, 'reader');
  return db
    .selectDistinct({ accountId: sql<string>`${reader.accountId}`, buildingId: households.buildingId })
    .from(residents)
    .innerJoin(households, householdOfResident)
    .innerJoin(
      reader,
      and(
        eq(reader.communityId, residents.communityId),
        eq(reader.householdId, residents.householdId),
        isNotNull(reader.accountId),
        or(eq(reader.id, residents.id), sql`${residents.accountId} is null`),
      ),
    )
    .where(and(eq(residents.communityId, communityId), isVulnerableResident()));
}

/**
 * Who an audience reaches, fixed at publishing: each account once, with one building (where they live
 * as a resident, else where a volunteer said they live). Only members of the community count: an
 * account that has left cannot read it.
 */
export async function audienceAccounts(
  db: Executor,
  communityId: string,
  audience: TAnnouncementAudience,
  ids: readonly string[],
): Promise<Reached[]> {
  const lists: Reached[][] = [];
  if (audience === 'all') {
    lists.push(await residentAccounts(db, communityId), await volunteerAccounts(db, communityId));
  } else if (audience === 'zones') {
    lists.push(await residentAccounts(db, communityId, inArray(buildings.zoneId, [...ids])));
  } else if (audience === 'buildings') {
    lists.push(await residentAccounts(db, communityId, inArray(households.buildingId, [...ids])));
  } else if (audience === 'group') {
    const members = await volunteerAccounts(db, communityId, ids[0]);
    // where a member lives as a resident says more than what they typed when registering
    const accountIds = members.map((m) => m.accountId);
    const homes = accountIds.length
      ? await residentAccounts(db, communityId, inArray(residents.accountId, accountIds))
      : [];
    lists.push(homes, members);
  } else {
    lists.push(await vulnerableAccounts(db, communityId));
  }
  const reached = new Map<string, Reached>();
  for (const list of lists) {
    for (const r of list) if (!reached.has(r.accountId)) reached.set(r.accountId, r);
  }
  if (reached.size === 0) return [];
  const members = await db
    .selectDistinct({ accountId: memberships.accountId })
    .from(memberships)
    .where(
      and(eq(memberships.communityId, communityId), inArray(memberships.accountId, [...reached.keys()])),
    );
  const isMember = new Set(members.map((m) => m.accountId));
  return [...reached.values()].filter((r) => isMember.has(r.accountId));
}

/**
 * The buildings whose relay contacts are asked to pass it on: every building for everyone, those of
 * the zones or the buildings named, those where vulnerable residents live; none for a group.
 */
export async function audienceBuildings(
  db: Executor,
  communityId: string,
  audience: TAnnouncementAudience,
  ids: readonly string[],
): Promise<string[]> {
  if (audience === 'group') return [];
  if (audience === 'buildings') return [...new Set(ids)];
  if (audience === 'vulnerable') {
    const rows = await db
      .selectDistinct({ id: households.buildingId })
      .from(residents)
      .innerJoin(households, householdOfResident)
      .where(and(eq(residents.communityId, communityId), isVulnerableResident()));
    return rows.map((r) => r.id);
  }
  const rows = await db
    .select({ id: buildings.id })
    .from(buildings)
    .where(
      and(
        eq(buildings.communityId, communityId),
        audience === 'zones' ? inArray(buildings.zoneId, [...ids]) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

/** Labels of what audiences name (a zone's name, a building's code, a group's name), in one statement. */
const labelsOf = (db: Executor, communityId: string | Placeholder, idsJson: string | Placeholder) => {
  const named = (table: typeof zones | typeof buildings | typeof volunteerGroups) =>
    and(
      eq(table.communityId, communityId),
      sql`${table.id} in (select json_array_elements_text(${idsJson}::json)::uuid)`,
    );
  return db
    .select({ id: zones.id, label: zones.name })
    .from(zones)
    .where(named(zones))
    .unionAll(db.select({ id: buildings.id, label: buildings.code }).from(buildings).where(named(buildings)))
    .unionAll(
      db
        .select({ id: volunteerGroups.id, label: volunteerGroups.name })
        .from(volunteerGroups)
        .where(named(volunteerGroups)),
    );
};

/** Read on every open of a resident's notices: built once per database, planned once per connection. */
const namedLabels = perDatabase((db: Db) =>
  labelsOf(db, sql.placeholder('communityId'), sql.placeholder('ids')).prepare('audience_labels'),
);

/**
 * Labels by id of what audiences name. `db` outside a transaction reads them with a named statement;
 * inside one (`inTransaction`), with the same statement built afresh.
 */
export async function targetLabels(
  db: Executor,
  communityId: string,
  ids: readonly string[],
  inTransaction = false,
) {
  const labels = new Map<string, string>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return labels;
  const idsJson = JSON.stringify(unique);
  const rows = inTransaction
    ? await labelsOf(db, communityId, idsJson)
    : await namedLabels(db as Db).execute({ communityId, ids: idsJson });
  for (const row of rows) labels.set(row.id, row.label);
  return labels;
}
