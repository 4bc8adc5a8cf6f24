import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RelaySource } from '../../../shared/api/relay-tasks.ts';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  announcements,
  buildings,
  communities,
  groupMembers,
  households,
  relayTasks,
  residents,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';

export type Executor = Pick<Db, 'select' | 'selectDistinct' | 'update' | 'execute'>;

const relayResident = alias(residents, 'relay_resident');
const confirmer = alias(accounts, 'confirmer');

/** A task with what the list and the escalation need: its building, relay contact and confirmer. */
const taskColumns = {
  id: relayTasks.id,
  communityId: relayTasks.communityId,
  buildingId: relayTasks.buildingId,
  buildingCode: buildings.code,
  sourceType: relayTasks.sourceType,
  sourceId: relayTasks.sourceId,
  kind: relayTasks.kind,
  params: relayTasks.params,
  link: relayTasks.link,
  relayAccountId: relayTasks.relayAccountId,
  relayName: relayResident.name,
  currentRelayAccountId: relayResident.accountId,
  createdAt: relayTasks.createdAt,
  escalateAt: relayTasks.escalateAt,
  escalatedAt: relayTasks.escalatedAt,
  confirmedAt: relayTasks.confirmedAt,
  confirmedBy: relayTasks.confirmedBy,
  confirmedByName: confirmer.displayName,
};
function selectTasks(db: Executor, where: SQL | undefined) {
  return db
    .select(taskColumns)
    .from(relayTasks)
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, relayTasks.communityId), eq(buildings.id, relayTasks.buildingId)),
    )
    .leftJoin(
      relayResident,
      and(
        eq(relayResident.communityId, buildings.communityId),
        eq(relayResident.id, buildings.relayResidentId),
      ),
    )
    .leftJoin(confirmer, eq(confirmer.id, relayTasks.confirmedBy))
    .where(where);
}
export type RelayTaskRow = Awaited<ReturnType<typeof selectTasks>>[number];

/** The buildings whose relay contact (楼组长) is a resident row carrying this account. */
export async function relayBuildingIds(db: Executor, communityId: string, accountId: string) {
  const rows = await db
    .select({ id: buildings.id })
    .from(buildings)
    .innerJoin(
      residents,
      and(eq(residents.communityId, buildings.communityId), eq(residents.id, buildings.relayResidentId)),
    )
    .where(and(eq(buildings.communityId, communityId), eq(residents.accountId, accountId)));
  return rows.map((r) => r.id);
}

/**
 * The tasks worth showing now: every one not yet confirmed made since `since`, and those confirmed
 * since the start of the community's day. Bounded, so a busy week cannot flood a phone.
 */
export function tasksInWindow(
  db: Executor,
  communityId: string,
  window: { since: Date; dayStart: Date; source?: RelaySource; buildingIds?: readonly string[] },
) {
  const where = [
    eq(relayTasks.communityId, communityId),
    or(
      and(isNull(relayTasks.confirmedAt), gte(relayTasks.createdAt, window.since)),
      gte(relayTasks.confirmedAt, window.dayStart),
    ),
  ];
  if (window.source) where.push(eq(relayTasks.sourceType, window.source));
  if (window.buildingIds) where.push(inArray(relayTasks.buildingId, [...window.buildingIds]));
  return selectTasks(db, and(...where))
    .orderBy(desc(relayTasks.createdAt))
    .limit(3000);
}

export async function findTask(db: Executor, communityId: string, taskId: string) {
  const [row] = await selectTasks(
    db,
    and(eq(relayTasks.communityId, communityId), eq(relayTasks.id, taskId)),
  );
  return row ?? null;
}

/** Confirms a task not confirmed yet; false when it already was (by anyone): then nothing changes. */
export async function confirmTask(
  tx: Executor,
  task: { communityId: string; id: string },
  accountId: string,
  now: Date,
) {
  const rows = await tx
    .update(relayTasks)
    .set({ confirmedAt: now, confirmedBy: accountId })
    .where(
      and(
        eq(relayTasks.communityId, task.communityId),
        eq(relayTasks.id, task.id),
        isNull(relayTasks.confirmedAt),
      ),
    )
    .returning({ id: relayTasks.id });
  return rows.length > 0;
}

export async function relaySettings(db: Executor, communityId: string) {
  const [row] = await db
    .select({ minutes: communities.relayEscalateMinutes, timeZone: communities.timezone })
    .from(communities)
    .where(eq(communities.id, communityId));
  return row ?? { minutes: 120, timeZone: 'Asia/Shanghai' };
}

export async function setEscalateMinutes(tx: Executor, communityId: string, minutes: number) {
  await tx.update(communities).set({ relayEscalateMinutes: minutes }).where(eq(communities.id, communityId));
}

// ---- escalation ----

/** Sources with at least one task due: unconfirmed, not escalated, past its time. */
export async function dueSources(db: Executor, now: Date, limit = 200) {
  return db
    .selectDistinct({
      communityId: relayTasks.communityId,
      sourceType: relayTasks.sourceType,
      sourceId: relayTasks.sourceId,
    })
    .from(relayTasks)
    .where(
      and(isNull(relayTasks.confirmedAt), isNull(relayTasks.escalatedAt), lte(relayTasks.escalateAt, now)),
    )
    .limit(limit);
}

export interface SourceKey {
  communityId: string;
  sourceType: string;
  sourceId: string;
}

/**
 * Claims a source's due tasks for escalation, once: the rows are locked in id order (so two
 * processes never deadlock), and a second process waiting on the lock finds them escalated and
 * claims none. Returns the claimed tasks with their buildings.
 */
export async function claimDueTasks(tx: Executor, key: SourceKey, now: Date) {
  const due = and(
    eq(relayTasks.communityId, key.communityId),
    eq(relayTasks.sourceType, key.sourceType),
    eq(relayTasks.sourceId, key.sourceId),
    isNull(relayTasks.confirmedAt),
    isNull(relayTasks.escalatedAt),
    lte(relayTasks.escalateAt, now),
  );
  const locked = await tx
    .select({ id: relayTasks.id })
    .from(relayTasks)
    .where(due)
    .orderBy(relayTasks.id)
    .for('update');
  if (locked.length === 0) return [];
  const claimed = await tx
    .update(relayTasks)
    .set({ escalatedAt: now })
    .where(
      and(
        due,
        inArray(
          relayTasks.id,
          locked.map((r) => r.id),
        ),
      ),
    )
    .returning({ id: relayTasks.id });
  if (claimed.length === 0) return [];
  return selectTasks(
    tx,
    and(
      eq(relayTasks.communityId, key.communityId),
      inArray(
        relayTasks.id,
        claimed.map((r) => r.id),
      ),
    ),
  );
}

/** The publicity group's approved leaders and members: escalated relays are their work. */
export async function groupAccounts(db: Executor, communityId: string, groupKey: string) {
  const rows = await db
    .selectDistinct({ accountId: volunteers.accountId })
    .from(groupMembers)
    .innerJoin(
      volunteers,
      and(eq(volunteers.communityId, groupMembers.communityId), eq(volunteers.id, groupMembers.volunteerId)),
    )
    .innerJoin(
      volunteerGroups,
      and(
        eq(volunteerGroups.communityId, groupMembers.communityId),
        eq(volunteerGroups.id, groupMembers.groupId),
      ),
    )
    .where(
      and(
        eq(groupMembers.communityId, communityId),
        eq(volunteerGroups.key, groupKey),
        eq(volunteers.status, 'approved'),
      ),
    );
  return rows.map((r) => r.accountId);
}

/** The accounts of residents living in each building (the registry's households). */
export async function residentAccountsByBuilding(
  db: Executor,
  communityId: string,
  buildingIds: readonly string[],
) {
  const rows = await db
    .selectDistinct({ buildingId: households.buildingId, accountId: residents.accountId })
    .from(residents)
    .innerJoin(
      households,
      and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
    )
    .where(
      and(
        eq(residents.communityId, communityId),
        inArray(households.buildingId, [...buildingIds]),
        isNotNull(residents.accountId),
      ),
    );
  const byBuilding = new Map<string, string[]>();
  for (const r of rows) byBuilding.set(r.buildingId, [...(byBuilding.get(r.buildingId) ?? []), r.accountId!]);
  return byBuilding;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the announcement a relay passes on was published as critical (it ignores quiet hours). */
export async function announcementIsCritical(db: Executor, communityId: string, announcementId: string) {
  if (!UUID.test(announcementId)) return false;
  const [row] = await db
    .select({ critical: announcements.critical })
    .from(announcements)
    .where(and(eq(announcements.communityId, communityId), eq(announcements.id, announcementId)));
  return row?.critical ?? false;
}
