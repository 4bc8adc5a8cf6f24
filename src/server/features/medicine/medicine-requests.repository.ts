import { and, asc, desc, eq, ilike, inArray, isNotNull, notInArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  buildings,
  communities,
  groupMembers,
  households,
  medicineAttachments,
  medicineRequestEvents,
  medicineRequests,
  memberships,
  residents,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';
import { MEDICINE_GROUP_KEY } from './medicine-access.ts';

export type Reader = Pick<Db, 'select' | 'selectDistinct'>;
export type Executor = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'execute'>;

const FINISHED = ['confirmed', 'cancelled', 'unavailable'];

/** The community's clock and deadline hours. */
export async function medicineSettings(db: Reader, communityId: string) {
  const [row] = await db
    .select({
      timeZone: communities.timezone,
      critical: communities.medicineCriticalHours,
      high: communities.medicineHighHours,
      normal: communities.medicineNormalHours,
    })
    .from(communities)
    .where(eq(communities.id, communityId));
  return {
    timeZone: row?.timeZone ?? 'Asia/Shanghai',
    hours: { critical: row?.critical ?? 12, high: row?.high ?? 24, normal: row?.normal ?? 72 },
  };
}

const place = {
  residentId: residents.id,
  name: residents.name,
  householdId: residents.householdId,
  flags: residents.flags,
  buildingCode: buildings.code,
  room: households.room,
};

const residentJoins = <T extends { innerJoin: any }>(q: T) =>
  q
    .innerJoin(
      households,
      and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
    )
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
    );

export async function residentWithPlace(db: Reader, communityId: string, residentId: string) {
  const [row] = await residentJoins(db.select(place).from(residents)).where(
    and(eq(residents.communityId, communityId), eq(residents.id, residentId)),
  );
  return row as
    | {
        residentId: string;
        name: string;
        householdId: string;
        flags: string[];
        buildingCode: string;
        room: string;
      }
    | undefined;
}

const assignee = alias(accounts, 'assignee');

/** A request with the recipient's place and the assignee's name. */
const requestColumns = {
  request: medicineRequests,
  recipient: place,
  assignedToName: assignee.displayName,
};

function requestQuery(db: Reader) {
  return db
    .select(requestColumns)
    .from(medicineRequests)
    .innerJoin(
      residents,
      and(
        eq(residents.communityId, medicineRequests.communityId),
        eq(residents.id, medicineRequests.residentId),
      ),
    )
    .innerJoin(
      households,
      and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
    )
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
    )
    .leftJoin(assignee, eq(assignee.id, medicineRequests.assignedTo));
}
export type RequestWithPlace = Awaited<ReturnType<typeof findRequest>> & {};

export async function findRequest(db: Reader, communityId: string, requestId: string) {
  const [row] = await requestQuery(db).where(
    and(eq(medicineRequests.communityId, communityId), eq(medicineRequests.id, requestId)),
  );
  return row;
}

export interface RequestFilter {
  status: 'open' | 'finished' | 'all';
  urgency?: string | undefined;
  assignedTo?: string | undefined;
  householdIds?: string[] | undefined;
}

/** Open ones first, by deadline (the overdue have the earliest); finished ones latest first. */
export async function listRequests(db: Reader, communityId: string, f: RequestFilter) {
  const where: SQL[] = [eq(medicineRequests.communityId, communityId)];
  if (f.status === 'open') where.push(notInArray(medicineRequests.status, FINISHED));
  if (f.status === 'finished') where.push(inArray(medicineRequests.status, FINISHED));
  if (f.urgency) where.push(eq(medicineRequests.urgency, f.urgency));
  if (f.assignedTo) where.push(eq(medicineRequests.assignedTo, f.assignedTo));
  if (f.householdIds) {
    if (f.householdIds.length === 0) return [];
    where.push(inArray(medicineRequests.householdId, f.householdIds));
  }
  const finished = sql`${medicineRequests.status} in ('confirmed', 'cancelled', 'unavailable')`;
  return (
    requestQuery(db)
      .where(and(...where))
      // the work still to do by deadline, then deliveries awaiting confirmation, then what is finished
      .orderBy(
        sql`case when ${finished} then 2 when ${medicineRequests.status} = 'delivered' then 1 else 0 end`,
        sql`case when ${finished} then null else ${medicineRequests.deadlineAt} end asc nulls last`,
        desc(medicineRequests.updatedAt),
        asc(medicineRequests.id),
      )
      .limit(500)
  );
}

/**
 * The requests made in [start, end) or handed over in it, as the work lists load them (the committee's
 * week figures count them with the lists' own urgency and deadline state).
 */
export async function requestsMadeOrDeliveredWithin(db: Reader, communityId: string, start: Date, end: Date) {
  const within = (column: typeof medicineRequests.createdAt | typeof medicineRequests.deliveredAt) =>
    sql`(${column} >= ${start.toISOString()}::timestamptz and ${column} < ${end.toISOString()}::timestamptz)`;
  return requestQuery(db).where(
    and(
      eq(medicineRequests.communityId, communityId),
      sql`(${within(medicineRequests.createdAt)} or ${within(medicineRequests.deliveredAt)})`,
    ),
  );
}

/**
 * The queue's open requests (status filter 'open': not finished) per building of the recipient's
 * home, for the dashboard's site-plan heat map.
 */
export async function openRequestsPerBuilding(db: Reader, communityId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ buildingId: households.buildingId, open: sql<number>`count(*)::int` })
    .from(medicineRequests)
    .innerJoin(
      residents,
      and(
        eq(residents.communityId, medicineRequests.communityId),
        eq(residents.id, medicineRequests.residentId),
      ),
    )
    .innerJoin(
      households,
      and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
    )
    .where(and(eq(medicineRequests.communityId, communityId), notInArray(medicineRequests.status, FINISHED)))
    .groupBy(households.buildingId);
  return new Map(rows.map((r) => [r.buildingId, Number(r.open)]));
}

/**
 * The open queue's size by urgency and how many of it are late at `now` (still to bring, past the
 * deadline), counted in full: the queue's list stops at 500 rows.
 */
export async function openRequestCounts(db: Reader, communityId: string, now: Date) {
  const rows = await db
    .select({
      urgency: medicineRequests.urgency,
      open: sql<number>`count(*)::int`,
      late: sql<number>`(count(*) filter (where ${medicineRequests.status} <> 'delivered' and ${medicineRequests.deadlineAt} <= ${now}))::int`,
    })
    .from(medicineRequests)
    .where(and(eq(medicineRequests.communityId, communityId), notInArray(medicineRequests.status, FINISHED)))
    .groupBy(medicineRequests.urgency);
  return rows.map((r) => ({ urgency: r.urgency, open: Number(r.open), late: Number(r.late) }));
}

export async function requestEvents(db: Reader, communityId: string, requestId: string) {
  return db
    .select({
      id: medicineRequestEvents.id,
      fromStatus: medicineRequestEvents.fromStatus,
      toStatus: medicineRequestEvents.toStatus,
      reason: medicineRequestEvents.reason,
      at: medicineRequestEvents.at,
      by: medicineRequestEvents.by,
      byName: accounts.displayName,
    })
    .from(medicineRequestEvents)
    .leftJoin(accounts, eq(accounts.id, medicineRequestEvents.by))
    .where(
      and(eq(medicineRequestEvents.communityId, communityId), eq(medicineRequestEvents.requestId, requestId)),
    )
    .orderBy(asc(medicineRequestEvents.at), asc(medicineRequestEvents.id));
}

export async function requestAttachments(db: Reader, communityId: string, requestId: string) {
  return db
    .select({
      id: medicineAttachments.id,
      kind: medicineAttachments.kind,
      uploadedAt: medicineAttachments.uploadedAt,
    })
    .from(medicineAttachments)
    .where(
      and(eq(medicineAttachments.communityId, communityId), eq(medicineAttachments.requestId, requestId)),
    )
    .orderBy(asc(medicineAttachments.uploadedAt));
}

/** Accounts of the medicine group's approved volunteers; only its leaders when asked. */
export async function medicineGroupAccounts(db: Reader, communityId: string, leadersOnly: boolean) {
  const where: SQL[] = [
    eq(groupMembers.communityId, communityId),
    eq(volunteerGroups.key, MEDICINE_GROUP_KEY),
    eq(volunteers.status, 'approved'),
  ];
  if (leadersOnly) where.push(eq(groupMembers.isLeader, true));
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
    .where(and(...where));
  return rows.map((r) => r.accountId);
}

export async function coordinatorAccounts(db: Reader, communityId: string) {
  const rows = await db
    .selectDistinct({ accountId: memberships.accountId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, 'coordinator')));
  return rows.map((r) => r.accountId);
}

/** Accounts of a household's residents: who is told about its deliveries. */
export async function householdAccounts(db: Reader, communityId: string, householdId: string) {
  const rows = await db
    .selectDistinct({ accountId: residents.accountId })
    .from(residents)
    .where(
      and(
        eq(residents.communityId, communityId),
        eq(residents.householdId, householdId),
        isNotNull(residents.accountId),
      ),
    );
  return rows.map((r) => r.accountId!);
}

const likeAnywhere = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

/** Residents to ask for, vulnerable first (then by building, room, name), with their open requests. */
export async function searchResidents(
  db: Reader,
  communityId: string,
  f: {
    buildingCode?: string | undefined;
    room?: string | undefined;
    q?: string | undefined;
    householdIds?: string[] | undefined;
  },
  limit: number,
) {
  const where: SQL[] = [eq(residents.communityId, communityId)];
  if (f.householdIds) where.push(inArray(residents.householdId, f.householdIds));
  if (f.buildingCode) where.push(eq(buildings.code, f.buildingCode));
  if (f.room) where.push(eq(households.room, f.room));
  if (f.q) where.push(ilike(residents.name, likeAnywhere(f.q)));
  const open = sql<number>`(select count(*)::int from ${medicineRequests} m where m.community_id = ${residents.communityId} and m.resident_id = ${residents.id} and m.status not in ('confirmed', 'cancelled', 'unavailable'))`;
  return residentJoins(
    db.select({ ...place, birthYear: residents.birthYear, openRequests: open }).from(residents),
  )
    .where(and(...where))
    .orderBy(
      sql`cardinality(${residents.flags}) = 0`,
      asc(buildings.code),
      asc(households.room),
      asc(residents.name),
    )
    .limit(limit) as Promise<
    {
      residentId: string;
      name: string;
      householdId: string;
      flags: string[];
      buildingCode: string;
      room: string;
      birthYear: number | null;
      openRequests: number;
    }[]
  >;
}
