import { and, eq } from 'drizzle-orm';
import {
  canMove,
  deadlineFor,
  deadlineState,
  FINISHED_STATUSES,
  type MedicineStatus,
  nextStatuses,
  STATUSES_NEEDING_REASON,
  type Urgency,
} from '../../../domain/medicine/index.ts';
import type {
  TMedicineRequestRow,
  TUpdateMedicineRequestStatusParsed,
} from '../../../shared/api/medicine.ts';
import { medicineRequests } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { notify } from '../../platform/notices.ts';
import { authorizeMedicineWork, canSeeRequest } from './medicine-access.ts';
import { movesAllowedFor } from './medicine-moves.ts';
import { type LoadedRequest, presentRow } from './medicine-requests.presenter.ts';
import * as repo from './medicine-requests.repository.ts';
import { moveRequestStatus, publishMedicineChange } from './medicine-transitions.ts';

const DAY_MS = 86_400_000;
const ESCALATION_OF = { ok: 0, near: 1, overdue: 2 } as const;

async function loadVisible(
  deps: AppDeps,
  actor: Actor,
  requestId: string,
  standing: Parameters<typeof canSeeRequest>[0],
) {
  const loaded = await repo.findRequest(deps.db, actor.communityId!, requestId);
  if (!loaded || !canSeeRequest(standing, loaded.request)) throw notFound('medicineRequest');
  return loaded;
}

const notAllowed = (from: string, to: string) =>
  new AppError('MEDICINE_STATUS_NOT_ALLOWED', {
    from,
    to,
    allowed: nextStatuses(from as MedicineStatus).join(','),
  });

/**
 * triageMedicineRequest: a medicine leader (or coordinator) sets the urgency with a reason; the
 * deadline is counted again from the request's creation. Escalation already sent stays sent only as
 * far as the new deadline still warrants, so a tightened deadline is escalated again by the task.
 */
export async function triageMedicineRequest(
  deps: AppDeps,
  actor: Actor,
  requestId: string,
  body: { urgency: Urgency; reason: string },
): Promise<TMedicineRequestRow> {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.request.triage');
  const communityId = actor.communityId!;
  const loaded = await loadVisible(deps, actor, requestId, standing);
  const r = loaded.request;
  if (FINISHED_STATUSES.includes(r.status as MedicineStatus))
    throw new AppError('MEDICINE_REQUEST_FINISHED', { status: r.status });
  const { hours } = await repo.medicineSettings(deps.db, communityId);
  const now = deps.clock.now();
  const deadlineAt = deadlineFor(body.urgency, r.createdAt, hours);
  const escalation = Math.min(r.escalation, ESCALATION_OF[deadlineState(r.createdAt, deadlineAt, now)]);
  await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(medicineRequests)
      .set({
        urgency: body.urgency,
        urgencyReason: body.reason,
        urgencyOverriddenBy: actor.account.id,
        deadlineAt,
        escalation,
        updatedAt: now,
      })
      .where(
        and(
          eq(medicineRequests.communityId, communityId),
          eq(medicineRequests.id, requestId),
          eq(medicineRequests.status, r.status),
        ),
      )
      .returning({ id: medicineRequests.id });
    if (!updated) throw new AppError('MEDICINE_REQUEST_FINISHED', { status: r.status });
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'medicine.triage',
      targetType: 'medicine_request',
      targetId: requestId,
      params: {
        building: loaded.recipient.buildingCode,
        room: loaded.recipient.room,
        urgency: body.urgency,
        previous: r.urgency,
        reason: body.reason,
      },
    });
    await publishMedicineChange(tx, communityId, requestId, r.status);
  });
  return presentRow((await repo.findRequest(deps.db, communityId, requestId))!, now);
}

/** The columns a move sets besides the status, checked before anything is written. */
function changesFor(
  loaded: LoadedRequest,
  to: MedicineStatus,
  body: TUpdateMedicineRequestStatusParsed,
  actor: Actor,
  isHousehold: boolean,
  now: Date,
) {
  const r = loaded.request;
  const set: Partial<typeof medicineRequests.$inferInsert> = {};
  if (STATUSES_NEEDING_REASON.includes(to)) {
    if (!body.reason) throw new AppError('MEDICINE_REASON_REQUIRED', { status: to });
    set.statusReason = body.reason;
  }
  if (to === 'assigned' && !r.assignedTo) throw new AppError('MEDICINE_NOT_ASSIGNED_YET');
  if (to === 'purchasing' || to === 'delivered') {
    if (body.bought !== undefined) set.bought = body.bought;
    if (body.costCents !== undefined) set.costCents = body.costCents;
    if (body.substitution !== undefined) {
      set.substitution = body.substitution;
      set.substitutionConfirmedAt = null;
    }
  }
  if (to === 'delivered') {
    set.deliveredAt = now;
    if (body.daysSupplied !== undefined) {
      set.daysSupplied = body.daysSupplied;
      set.nextRunsOutAt = new Date(now.getTime() + body.daysSupplied * DAY_MS);
    }
  }
  if (to === 'confirmed') {
    // a substitution (another brand, fewer days) stands only once the household accepts it
    if (r.substitution && !r.substitutionConfirmedAt) {
      if (!(isHousehold && body.acceptSubstitution === true))
        throw new AppError('MEDICINE_SUBSTITUTION_NOT_CONFIRMED', { substitution: r.substitution });
      set.substitutionConfirmedAt = now;
    }
    set.confirmedAt = now;
    set.confirmedBy = actor.account.id;
  }
  return set;
}

/**
 * updateMedicineRequestStatus: only the domain's next steps (409 with them otherwise), only by those
 * who may take that step, with the reason the ends need; the move, its history row, audit, the live
 * event and the household's notice of a delivery in one transaction. Two moves at once: the
 * conditional update lets one through and the other gets 409 from the status it lost to.
 */
export async function updateMedicineRequestStatus(
  deps: AppDeps,
  actor: Actor,
  requestId: string,
  body: TUpdateMedicineRequestStatusParsed,
): Promise<TMedicineRequestRow> {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.request.status');
  const communityId = actor.communityId!;
  const loaded = await loadVisible(deps, actor, requestId, standing);
  const r = loaded.request;
  const from = r.status as MedicineStatus;
  const to = body.status;
  if (!canMove(from, to)) throw notAllowed(from, to);
  const substitutionPending = r.substitution !== null && r.substitutionConfirmedAt === null;
  if (to === 'confirmed' && substitutionPending && !standing.householdIds.includes(r.householdId))
    throw new AppError('MEDICINE_SUBSTITUTION_NOT_CONFIRMED', { substitution: r.substitution ?? '' });
  if (!movesAllowedFor(standing, r).includes(to)) {
    const volunteerNotAssigned = standing.group === 'member' && r.assignedTo !== standing.accountId;
    throw new AppError(volunteerNotAssigned ? 'MEDICINE_NOT_ASSIGNED_TO_YOU' : 'FORBIDDEN');
  }
  const isHousehold = standing.householdIds.includes(r.householdId);
  // Confirmed by the household, or by the group with a photo of the medicine handed over.
  if (to === 'confirmed' && !isHousehold) {
    const photos = await repo.requestAttachments(deps.db, communityId, requestId);
    if (!photos.some((p) => p.kind === 'delivery')) throw new AppError('MEDICINE_DELIVERY_PHOTO_NEEDED');
  }
  const now = deps.clock.now();
  const set = changesFor(loaded, to, body, actor, isHousehold, now);
  const settings = to === 'delivered' ? await repo.medicineSettings(deps.db, communityId) : null;

  await deps.db.transaction(async (tx) => {
    const moved = await moveRequestStatus(tx, {
      communityId,
      requestId,
      from,
      to,
      by: actor.account.id,
      reason: body.reason ?? body.substitution ?? null,
      now,
      set,
    });
    if (!moved) {
      const current = await repo.findRequest(tx, communityId, requestId);
      throw notAllowed(current?.request.status ?? from, to);
    }
    const place = { building: loaded.recipient.buildingCode, room: loaded.recipient.room };
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: `medicine.status.${to}`,
      targetType: 'medicine_request',
      targetId: requestId,
      params: { ...place, reason: body.reason ?? '' },
    });
    if (to === 'delivered') {
      const substitution = moved.substitution;
      await notify(
        tx,
        {
          communityId,
          accountIds: await repo.householdAccounts(tx, communityId, r.householdId),
          kind: substitution ? 'medicine.delivered_substitution' : 'medicine.delivered',
          params: {
            name: loaded.recipient.name,
            substitution: substitution ?? '',
            timeZone: settings!.timeZone,
          },
          link: `/medicine/requests/${requestId}`,
        },
        now,
      );
    }
  });
  return presentRow((await repo.findRequest(deps.db, communityId, requestId))!, now);
}
