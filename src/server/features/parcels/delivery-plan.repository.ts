import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  buildings,
  deliveryRunStops,
  deliveryRuns,
  gates,
  groupMembers,
  parcels,
  parcelTallies,
  shiftSignups,
  shifts,
  UNASSIGNED_BIN,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';
import { groupMembership } from '../volunteers/group-membership.ts';
import { PARCELS_GROUP_KEY } from './parcels.repository.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

// Every join on the full composite key, so one community never meets another's rows.
const groupOfMember = and(
  eq(volunteerGroups.communityId, groupMembers.communityId),
  eq(volunteerGroups.id, groupMembers.groupId),
);
const volunteerOfMember = and(
  eq(volunteers.communityId, groupMembers.communityId),
  eq(volunteers.id, groupMembers.volunteerId),
);

/** Whether the account leads the parcels group of the community (not just any group). */
export async function leadsParcelsGroup(db: Executor, communityId: string, accountId: string) {
  return (await groupMembership(db, communityId, accountId, PARCELS_GROUP_KEY)) === 'leader';
}

/** Approved volunteers of the parcels group among `ids`, with their names: who may ride a run. */
/** Approved volunteers of the parcels group: those named by `ids`, or all of them when `ids` is omitted. */
export function parcelsRiders(db: Executor, communityId: string, ids?: string[]) {
  if (ids?.length === 0) return Promise.resolve([]);
  return db
    .select({ id: volunteers.id, name: accounts.displayName, vehicles: volunteers.vehicles })
    .from(groupMembers)
    .innerJoin(volunteers, volunteerOfMember)
    .innerJoin(volunteerGroups, groupOfMember)
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .where(
      and(
        eq(groupMembers.communityId, communityId),
        ids ? inArray(volunteers.id, ids) : undefined,
        eq(volunteers.status, 'approved'),
        eq(volunteerGroups.key, PARCELS_GROUP_KEY),
      ),
    );
}

export function gatesOf(db: Executor, communityId: string) {
  return db
    .select({ id: gates.id, code: gates.code, name: gates.name, x: gates.x, y: gates.y })
    .from(gates)
    .where(eq(gates.communityId, communityId))
    .orderBy(asc(gates.code));
}

/** The parcels group's shifts starting in [from, to), not called off, in order of start. */
export function parcelsShiftsBetween(db: Executor, communityId: string, from: Date, to: Date) {
  return db
    .select({ id: shifts.id, title: shifts.title, startsAt: shifts.startsAt, endsAt: shifts.endsAt })
    .from(shifts)
    .innerJoin(
      volunteerGroups,
      and(eq(volunteerGroups.communityId, shifts.communityId), eq(volunteerGroups.id, shifts.groupId)),
    )
    .where(
      and(
        eq(shifts.communityId, communityId),
        eq(volunteerGroups.key, PARCELS_GROUP_KEY),
        ne(shifts.status, 'cancelled'),
        gte(shifts.startsAt, from),
        lt(shifts.startsAt, to),
      ),
    )
    .orderBy(asc(shifts.startsAt));
}

/** Confirmed sign-ups of these shifts, with each volunteer's name and the vehicles on their profile. */
export function signedUpFor(db: Executor, communityId: string, shiftIds: string[]) {
  if (shiftIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      shiftId: shiftSignups.shiftId,
      id: volunteers.id,
      name: accounts.displayName,
      role: shiftSignups.role,
      vehicles: volunteers.vehicles,
    })
    .from(shiftSignups)
    .innerJoin(
      volunteers,
      and(eq(volunteers.communityId, shiftSignups.communityId), eq(volunteers.id, shiftSignups.volunteerId)),
    )
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .where(
      and(
        eq(shiftSignups.communityId, communityId),
        inArray(shiftSignups.shiftId, shiftIds),
        eq(shiftSignups.status, 'confirmed'),
      ),
    )
    .orderBy(asc(shiftSignups.seq));
}

/** The parcels waiting in each bin, from the tallies (schema/parcel-tallies.ts): one row per bin and day. */
function waitingByBin(db: Executor, communityId: string) {
  return db
    .select({
      bin: parcelTallies.bin,
      parcels: sql<number>`sum(${parcelTallies.parcels})::int`.as('parcels'),
    })
    .from(parcelTallies)
    .where(and(eq(parcelTallies.communityId, communityId), eq(parcelTallies.kind, 'waiting')))
    .groupBy(parcelTallies.bin);
}

/** Every building with its site-plan position and the parcels waiting in its bin. */
export function buildingsWithWaiting(db: Executor, communityId: string) {
  const waiting = waitingByBin(db, communityId).as('waiting');
  return db
    .select({
      id: buildings.id,
      code: buildings.code,
      x: buildings.x,
      y: buildings.y,
      waiting: sql<number>`coalesce(${waiting.parcels}, 0)::int`,
    })
    .from(buildings)
    .leftJoin(waiting, eq(waiting.bin, buildings.id))
    .where(eq(buildings.communityId, communityId));
}

/** Parcels waiting with no building, as one row's count (unread: to be awaited or sent with others). */
export function unassignedWaitingRows(db: Executor, communityId: string) {
  return db
    .select({ n: sql<number>`coalesce(sum(${parcelTallies.parcels}), 0)::int` })
    .from(parcelTallies)
    .where(
      and(
        eq(parcelTallies.communityId, communityId),
        eq(parcelTallies.kind, 'waiting'),
        eq(parcelTallies.bin, UNASSIGNED_BIN),
      ),
    );
}

/**
 * Waiting parcels of these buildings, locked until the transaction ends so that no other request
 * attaches them meanwhile. Parcels that land after this read are not among them and stay waiting.
 */
export async function lockWaitingParcels(tx: Executor, communityId: string, buildingIds: string[]) {
  if (buildingIds.length === 0) return [];
  const rows = await tx
    .select({ id: parcels.id, buildingId: parcels.buildingId })
    .from(parcels)
    .where(
      and(
        eq(parcels.communityId, communityId),
        inArray(parcels.buildingId, buildingIds),
        eq(parcels.status, 'waiting'),
      ),
    )
    .orderBy(asc(parcels.id))
    .for('update');
  return rows as { id: string; buildingId: string }[];
}

export async function buildingPositions(db: Executor, communityId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: buildings.id, code: buildings.code, x: buildings.x, y: buildings.y })
    .from(buildings)
    .where(and(eq(buildings.communityId, communityId), inArray(buildings.id, ids)));
}

export type RunRow = typeof deliveryRuns.$inferSelect;
export type StopRow = typeof deliveryRunStops.$inferSelect;

/** The runs of one plan, locked for the rest of the transaction (a move or a confirmation). */
export async function lockPlanRuns(tx: Executor, communityId: string, planId: string): Promise<RunRow[]> {
  return tx
    .select()
    .from(deliveryRuns)
    .where(
      and(
        eq(deliveryRuns.communityId, communityId),
        eq(deliveryRuns.planId, planId),
        // a group buy's runs are planned and ridden by the group buy (features/group-buys)
        isNull(deliveryRuns.groupBuyId),
      ),
    )
    .orderBy(asc(deliveryRuns.seq))
    .for('update');
}

export async function stopsOfRuns(db: Executor, communityId: string, runIds: string[]): Promise<StopRow[]> {
  if (runIds.length === 0) return [];
  return db
    .select()
    .from(deliveryRunStops)
    .where(and(eq(deliveryRunStops.communityId, communityId), inArray(deliveryRunStops.runId, runIds)))
    .orderBy(asc(deliveryRunStops.runId), asc(deliveryRunStops.seq));
}

/**
 * Runs for the presenter: the plan's, the draft's, or those created in [from, to), with the rider's
 * name. Parcel runs only, unless `groupBuyId` asks for one group buy's runs instead.
 */
export function listRuns(
  db: Executor,
  communityId: string,
  f: {
    planId?: string;
    status?: 'planned';
    notStatus?: 'planned';
    from?: Date;
    to?: Date;
    groupBuyId?: string;
  },
) {
  const where: SQL[] = [
    eq(deliveryRuns.communityId, communityId),
    f.groupBuyId ? eq(deliveryRuns.groupBuyId, f.groupBuyId) : isNull(deliveryRuns.groupBuyId),
  ];
  if (f.planId) where.push(eq(deliveryRuns.planId, f.planId));
  if (f.status) where.push(eq(deliveryRuns.status, f.status));
  if (f.notStatus) where.push(ne(deliveryRuns.status, f.notStatus));
  if (f.from) where.push(gte(deliveryRuns.createdAt, f.from));
  if (f.to) where.push(lt(deliveryRuns.createdAt, f.to));
  return db
    .select({ run: deliveryRuns, riderName: accounts.displayName })
    .from(deliveryRuns)
    .leftJoin(
      volunteers,
      and(eq(volunteers.communityId, deliveryRuns.communityId), eq(volunteers.id, deliveryRuns.riderId)),
    )
    .leftJoin(accounts, and(isNotNull(volunteers.accountId), eq(accounts.id, volunteers.accountId)))
    .where(and(...where))
    .orderBy(asc(deliveryRuns.createdAt), asc(deliveryRuns.planId), asc(deliveryRuns.seq));
}

/** Stops of these runs with their building's code and position, in riding order. */
export function stopsWithBuildings(db: Executor, communityId: string, runIds: string[]) {
  if (runIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      runId: deliveryRunStops.runId,
      seq: deliveryRunStops.seq,
      buildingId: deliveryRunStops.buildingId,
      buildingCode: buildings.code,
      parcels: deliveryRunStops.parcels,
      x: buildings.x,
      y: buildings.y,
      deliveredAt: deliveryRunStops.deliveredAt,
    })
    .from(deliveryRunStops)
    .innerJoin(
      buildings,
      and(
        eq(buildings.communityId, deliveryRunStops.communityId),
        eq(buildings.id, deliveryRunStops.buildingId),
      ),
    )
    .where(and(eq(deliveryRunStops.communityId, communityId), inArray(deliveryRunStops.runId, runIds)))
    .orderBy(asc(deliveryRunStops.runId), asc(deliveryRunStops.seq));
}

/** A shift of the parcels group, or undefined (another group's shift is no parcels shift). */
export async function parcelsShift(db: Executor, communityId: string, shiftId: string) {
  const [row] = await db
    .select({ id: shifts.id })
    .from(shifts)
    .innerJoin(
      volunteerGroups,
      and(eq(volunteerGroups.communityId, shifts.communityId), eq(volunteerGroups.id, shifts.groupId)),
    )
    .where(
      and(
        eq(shifts.communityId, communityId),
        eq(shifts.id, shiftId),
        eq(volunteerGroups.key, PARCELS_GROUP_KEY),
      ),
    );
  return row;
}
