import { and, asc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { groupIntoTrips, type Urgency } from '../../../domain/medicine/index.ts';
import type { TMedicineTrip, TPlanMedicineTrips } from '../../../shared/api/medicine-work.ts';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  buildings,
  households,
  medicineRequests,
  medicineTrips,
  residents,
} from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { notify } from '../../platform/notices.ts';
import { authorizeMedicineWork } from './medicine-access.ts';
import { requireGroupMember } from './medicine-assignment.service.ts';
import { medicineSettings } from './medicine-requests.repository.ts';

type Reader = Pick<Db, 'select'>;
const assignee = alias(accounts, 'assignee');
const driver = alias(accounts, 'driver');

/** Open requests with who they are for: what a trip's driver needs to buy and where to bring it. */
function tripRequestQuery(db: Reader) {
  return db
    .select({
      id: medicineRequests.id,
      tripId: medicineRequests.tripId,
      drugName: medicineRequests.drugName,
      strength: medicineRequests.strength,
      quantity: medicineRequests.quantity,
      urgency: medicineRequests.urgency,
      status: medicineRequests.status,
      deadlineAt: medicineRequests.deadlineAt,
      payment: medicineRequests.payment,
      source: medicineRequests.source,
      sourceKey: medicineRequests.sourceKey,
      recipient: {
        residentId: residents.id,
        name: residents.name,
        buildingCode: buildings.code,
        room: households.room,
        flags: residents.flags,
      },
      assignedToName: assignee.displayName,
    })
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
type TripRequestRow = Awaited<ReturnType<ReturnType<typeof tripRequestQuery>['execute']>>[number];

const presentRequest = (r: TripRequestRow) => ({
  id: r.id,
  drugName: r.drugName,
  strength: r.strength,
  quantity: r.quantity,
  urgency: r.urgency as Urgency,
  status: r.status as TMedicineTrip['requests'][number]['status'],
  deadlineAt: r.deadlineAt.toISOString(),
  payment: r.payment,
  recipient: r.recipient as TMedicineTrip['requests'][number]['recipient'],
  assignedToName: r.assignedToName,
});

/**
 * Puts every open request (triaged or assigned, not on a trip yet) on a trip: one per hospital or
 * pharmacy (the domain's groupIntoTrips), one for those that named none; optionally with a driver
 * from the medicine group, who is told. All trips or none are written.
 */
export async function planMedicineTrips(deps: AppDeps, actor: Actor, input: TPlanMedicineTrips) {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.assign');
  const { communityId } = standing;
  const driverAccountId = input.driverAccountId ?? null;
  const driverMember = driverAccountId
    ? await requireGroupMember(deps.db, communityId, driverAccountId)
    : null;
  const { timeZone } = await medicineSettings(deps.db, communityId);
  const now = deps.clock.now();
  const tripIds = await deps.db.transaction(async (tx) => {
    const open = await tx
      .select({
        id: medicineRequests.id,
        source: medicineRequests.source,
        sourceKey: medicineRequests.sourceKey,
        urgency: medicineRequests.urgency,
        deadlineAt: medicineRequests.deadlineAt,
      })
      .from(medicineRequests)
      .where(
        and(
          eq(medicineRequests.communityId, communityId),
          inArray(medicineRequests.status, ['triaged', 'assigned']),
          isNull(medicineRequests.tripId),
        ),
      )
      .for('update');
    if (open.length === 0) throw new AppError('MEDICINE_NOTHING_TO_PLAN');
    const planned = groupIntoTrips(open.map((r) => ({ ...r, urgency: r.urgency as Urgency })));
    const ids: string[] = [];
    for (const trip of planned) {
      const [row] = await tx
        .insert(medicineTrips)
        .values({
          communityId,
          source: trip.source ?? '',
          sourceKey: trip.sourceKey ?? '',
          driver: driverAccountId,
          createdAt: now,
          createdBy: actor.account.id,
        })
        .returning({ id: medicineTrips.id });
      ids.push(row!.id);
      await tx
        .update(medicineRequests)
        .set({ tripId: row!.id, updatedAt: now })
        .where(
          and(
            eq(medicineRequests.communityId, communityId),
            inArray(
              medicineRequests.id,
              trip.requests.map((r) => r.id),
            ),
          ),
        );
    }
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'medicine.trips.plan',
      targetType: 'medicine_trip',
      targetId: ids[0]!,
      params: { trips: planned.length, requests: open.length, driver: driverMember?.name ?? '-' },
    });
    if (driverMember)
      await notify(
        tx,
        {
          communityId,
          accountIds: [driverMember.accountId],
          kind: 'medicine.trip_driver',
          params: {
            trips: planned.length,
            requests: open.length,
            deadlineAt: planned[0]!.deadlineAt.toISOString(),
            timeZone,
          },
          link: '/medicine/trips',
        },
        now,
      );
    return ids;
  });
  const trips = await tripsWithRequests(deps.db, communityId, { ids: tripIds });
  return { trips, timeZone };
}

/** Trips (all, or the given ones, or the open ones) with their requests, most urgent deadline first. */
async function tripsWithRequests(
  db: Reader,
  communityId: string,
  which: { ids?: string[]; openOnly?: boolean },
): Promise<TMedicineTrip[]> {
  const where = [eq(medicineTrips.communityId, communityId)];
  if (which.ids) where.push(inArray(medicineTrips.id, which.ids));
  if (which.openOnly) where.push(notInArray(medicineTrips.status, ['done']));
  const trips = await db
    .select({ trip: medicineTrips, driverName: driver.displayName })
    .from(medicineTrips)
    .leftJoin(driver, eq(driver.id, medicineTrips.driver))
    .where(and(...where))
    .orderBy(asc(medicineTrips.createdAt));
  if (trips.length === 0) return [];
  const requests = await tripRequestQuery(db)
    .where(
      and(
        eq(medicineRequests.communityId, communityId),
        inArray(
          medicineRequests.tripId,
          trips.map((t) => t.trip.id),
        ),
      ),
    )
    .orderBy(asc(medicineRequests.deadlineAt), asc(medicineRequests.id));
  const rank: Record<string, number> = { critical: 0, high: 1, normal: 2 };
  return trips
    .map(({ trip, driverName }) => {
      const on = requests.filter((r) => r.tripId === trip.id);
      const urgency = on.reduce<Urgency>(
        (u, r) => (rank[r.urgency]! < rank[u]! ? (r.urgency as Urgency) : u),
        'normal',
      );
      return {
        id: trip.id,
        kind: trip.sourceKey ? ('source' as const) : ('any' as const),
        source: trip.source || null,
        sourceKey: trip.sourceKey || null,
        status: trip.status as TMedicineTrip['status'],
        driver: trip.driver,
        driverName,
        urgency,
        deadlineAt: (on[0]?.deadlineAt ?? trip.createdAt).toISOString(),
        createdAt: trip.createdAt.toISOString(),
        requests: on.map(presentRequest),
      };
    })
    .sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt) || rank[a.urgency]! - rank[b.urgency]!);
}

/** Trips for the drivers and leaders: what to buy where, for whom (building and room); audited. */
export async function listMedicineTrips(deps: AppDeps, actor: Actor, query: { status: 'open' | 'all' }) {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.trips');
  const trips = await tripsWithRequests(deps.db, standing.communityId, { openOnly: query.status === 'open' });
  await audit(deps.db, {
    communityId: standing.communityId,
    account: actor.account,
    role: standing.role,
    action: 'medicine.trips.view',
    targetType: 'medicine_trip',
    params: { trips: trips.length, requests: trips.reduce((n, t) => n + t.requests.length, 0) },
  });
  const { timeZone } = await medicineSettings(deps.db, standing.communityId);
  return { trips, timeZone };
}
