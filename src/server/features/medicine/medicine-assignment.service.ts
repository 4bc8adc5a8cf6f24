import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TAssignMedicineRequests, TMedicineAssignee } from '../../../shared/api/medicine-work.ts';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  buildings,
  groupMembers,
  households,
  medicineRequests,
  residents,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { notify } from '../../platform/notices.ts';
import { authorizeMedicineWork, MEDICINE_GROUP_KEY } from './medicine-access.ts';
import { medicineSettings } from './medicine-requests.repository.ts';
import { moveRequestStatus } from './medicine-transitions.ts';

type Reader = Pick<Db, 'select'>;

/**
 * The medicine group's approved volunteers, each with their vehicles and the requests they carry:
 * those with a vehicle first (a trip to a hospital needs one), then the least busy, then by name.
 * With `accountId`, that one person only (empty when they are not an approved member).
 */
export async function medicineAssignees(db: Reader, communityId: string, accountId?: string) {
  // requests someone carries: assigned to them and not yet delivered
  const carrying = sql<number>`(select count(*)::int from ${medicineRequests} m where m.community_id = ${volunteers.communityId} and m.assigned_to = ${volunteers.accountId} and m.status in ('assigned', 'purchasing'))`;
  const where = [
    eq(groupMembers.communityId, communityId),
    eq(volunteerGroups.key, MEDICINE_GROUP_KEY),
    eq(volunteers.status, 'approved'),
  ];
  if (accountId) where.push(eq(volunteers.accountId, accountId));
  const rows = await db
    .select({
      accountId: volunteers.accountId,
      name: accounts.displayName,
      isLeader: groupMembers.isLeader,
      vehicles: volunteers.vehicles,
      openRequests: carrying,
    })
    .from(groupMembers)
    .innerJoin(
      volunteerGroups,
      and(
        eq(volunteerGroups.communityId, groupMembers.communityId),
        eq(volunteerGroups.id, groupMembers.groupId),
      ),
    )
    .innerJoin(
      volunteers,
      and(eq(volunteers.communityId, groupMembers.communityId), eq(volunteers.id, groupMembers.volunteerId)),
    )
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .where(and(...where))
    .orderBy(sql`cardinality(${volunteers.vehicles}) = 0`, asc(carrying), asc(accounts.displayName));
  return rows satisfies TMedicineAssignee[];
}

/** The assignable volunteers, for the leader's "assign to" choice. */
export async function listMedicineAssignees(deps: AppDeps, actor: Actor) {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.assign');
  return { assignees: await medicineAssignees(deps.db, standing.communityId) };
}

/** The assignee as an approved member of the medicine group, or 403 naming them. */
export async function requireGroupMember(db: Reader, communityId: string, accountId: string) {
  const [member] = await medicineAssignees(db, communityId, accountId);
  if (member) return member;
  const [account] = await db
    .select({ name: accounts.displayName })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  throw new AppError('MEDICINE_ASSIGNEE_NOT_IN_GROUP', { name: account?.name ?? accountId });
}

/**
 * Assigns triaged requests to one volunteer of the medicine group, all or none: each moves
 * triaged → assigned with its history row, an audit entry, and one notice to the assignee.
 */
export async function assignMedicineRequests(deps: AppDeps, actor: Actor, input: TAssignMedicineRequests) {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.assign');
  const { communityId } = standing;
  const assignee = await requireGroupMember(deps.db, communityId, input.assigneeAccountId);
  const { timeZone } = await medicineSettings(deps.db, communityId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: medicineRequests.id,
        status: medicineRequests.status,
        drugName: medicineRequests.drugName,
        deadlineAt: medicineRequests.deadlineAt,
        buildingCode: buildings.code,
        room: households.room,
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
      .where(
        and(eq(medicineRequests.communityId, communityId), inArray(medicineRequests.id, input.requestIds)),
      )
      .for('update', { of: medicineRequests });
    if (rows.length !== input.requestIds.length) throw notFound('medicineRequest');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = input.requestIds.map((id) => byId.get(id)!);
    const refused = ordered.find((r) => r.status !== 'triaged');
    if (refused) throw notTriaged(refused);
    for (const r of ordered) {
      const moved = await moveRequestStatus(tx, {
        communityId,
        requestId: r.id,
        from: 'triaged',
        to: 'assigned',
        by: actor.account.id,
        now,
        set: { assignedTo: assignee.accountId, assignedAt: now },
      });
      if (!moved) throw notTriaged(r);
      await audit(tx, {
        communityId,
        account: actor.account,
        role: standing.role,
        action: 'medicine.assign',
        targetType: 'medicine_request',
        targetId: r.id,
        params: { building: r.buildingCode, room: r.room, assignee: assignee.name },
      });
    }
    const first = ordered.reduce((a, b) => (a.deadlineAt <= b.deadlineAt ? a : b));
    await notify(
      tx,
      {
        communityId,
        accountIds: [assignee.accountId],
        kind: 'medicine.assigned',
        params: { count: ordered.length, deadlineAt: first.deadlineAt.toISOString(), timeZone },
        link: '/medicine',
      },
      now,
    );
    return {
      assignee: { ...assignee, openRequests: assignee.openRequests + ordered.length },
      requestIds: input.requestIds,
    };
  });
}

const notTriaged = (r: { buildingCode: string; room: string; drugName: string; status: string }) =>
  new AppError('MEDICINE_REQUEST_NOT_TRIAGED', {
    building: r.buildingCode,
    room: r.room,
    drug: r.drugName,
    status: r.status,
  });
