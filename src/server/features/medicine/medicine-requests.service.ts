import { CRITICAL_MEDICINES, deadlineFor, triage } from '../../../domain/medicine/index.ts';
import type {
  TCreateMedicineRequestParsed,
  TMedicineRequestDetail,
  TMedicineRequestList,
  TMedicineRequestRow,
} from '../../../shared/api/medicine.ts';
import { medicineRequests } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { notify } from '../../platform/notices.ts';
import { authorizeMedicineWork, canSeeRequest, seesAllRequests } from './medicine-access.ts';
import { movesAllowedFor, sourceKeyOf } from './medicine-moves.ts';
import { presentRow } from './medicine-requests.presenter.ts';
import * as repo from './medicine-requests.repository.ts';
import { publishMedicineChange, recordRequestEvent } from './medicine-transitions.ts';

const DAY_MS = 86_400_000;

/**
 * createMedicineRequest: triaged at once (the domain's rules, the community's deadline hours), with
 * its history row, audit, a live event and notices to the medicine group in one transaction: its
 * leaders, or every member when a life-critical medicine runs out (coordinators if the group has nobody).
 */
export async function createMedicineRequest(
  deps: AppDeps,
  actor: Actor,
  body: TCreateMedicineRequestParsed,
): Promise<TMedicineRequestRow> {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.request.create');
  const communityId = actor.communityId!;
  const resident = await repo.residentWithPlace(deps.db, communityId, body.residentId);
  if (!resident) throw new AppError('MEDICINE_UNKNOWN_RESIDENT');
  const ownHousehold = standing.householdIds.includes(resident.householdId);
  if (!ownHousehold && !seesAllRequests(standing)) throw new AppError('MEDICINE_NOT_YOUR_HOUSEHOLD');

  const settings = await repo.medicineSettings(deps.db, communityId);
  const now = deps.clock.now();
  const triaged = triage({
    drugName: body.drugName,
    supplyDaysLeft: body.supplyDaysLeft,
    chronic: body.chronic,
  });
  const deadlineAt = deadlineFor(triaged.urgency, now, settings.hours);
  const intake = body.written ? 'written' : ownHousehold ? 'app' : 'proxy';

  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(medicineRequests)
      .values({
        communityId,
        householdId: resident.householdId,
        residentId: resident.residentId,
        requestedBy: actor.account.id,
        intake,
        drugName: body.drugName,
        strength: body.strength ?? null,
        quantity: body.quantity,
        source: body.source ?? null,
        sourceKey: sourceKeyOf(body.source),
        supplyDaysLeft: body.supplyDaysLeft,
        runsOutAt:
          body.supplyDaysLeft === null ? null : new Date(now.getTime() + body.supplyDaysLeft * DAY_MS),
        chronic: body.chronic,
        payment: body.payment,
        note: body.note ?? null,
        urgency: triaged.urgency,
        urgencyReason: triaged.rule,
        matchedMedicine: triaged.matched,
        deadlineAt,
        status: 'triaged',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: medicineRequests.id });
    const requestId = row!.id;
    await recordRequestEvent(tx, {
      communityId,
      requestId,
      from: 'requested',
      to: 'triaged',
      by: actor.account.id,
      reason: triaged.rule,
      now,
    });
    const params = { building: resident.buildingCode, room: resident.room };
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'medicine.create',
      targetType: 'medicine_request',
      targetId: requestId,
      params: { ...params, urgency: triaged.urgency, intake },
    });
    const critical = triaged.urgency === 'critical';
    let told = await repo.medicineGroupAccounts(tx, communityId, !critical);
    if (told.length === 0) told = await repo.coordinatorAccounts(tx, communityId);
    await notify(
      tx,
      {
        communityId,
        accountIds: told,
        kind: critical ? 'medicine.new_critical' : 'medicine.new',
        params: { ...params, deadlineAt: deadlineAt.toISOString(), timeZone: settings.timeZone },
        link: `/medicine/requests/${requestId}`,
        critical,
      },
      now,
    );
    await publishMedicineChange(tx, communityId, requestId, 'triaged');
    return requestId;
  });
  const loaded = await repo.findRequest(deps.db, communityId, id);
  return presentRow(loaded!, now);
}

/**
 * listMedicineRequests. The group, coordinators and staff see the community's requests, a resident
 * their household's. A row carries what the work needs (who, what, where from, by when) and not the
 * medical file (notes, supply, payment, history, photos): it is not counted as a view of details and
 * is not audited; getMedicineRequest is, every time.
 */
export async function listMedicineRequests(
  deps: AppDeps,
  actor: Actor,
  query: { status: 'open' | 'finished' | 'all'; urgency?: string | undefined; mine?: boolean | undefined },
): Promise<TMedicineRequestList> {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.request.view');
  const communityId = actor.communityId!;
  const rows = await repo.listRequests(deps.db, communityId, {
    status: query.status,
    urgency: query.urgency,
    assignedTo: query.mine ? actor.account.id : undefined,
    householdIds: seesAllRequests(standing) ? undefined : standing.householdIds,
  });
  const { timeZone } = await repo.medicineSettings(deps.db, communityId);
  const now = deps.clock.now();
  return { requests: rows.map((r) => presentRow(r, now)), timeZone };
}

/** getMedicineRequest: the whole request with its history and photo ids; each call is audited. */
export async function getMedicineRequest(
  deps: AppDeps,
  actor: Actor,
  requestId: string,
): Promise<TMedicineRequestDetail> {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.request.view');
  const communityId = actor.communityId!;
  const loaded = await repo.findRequest(deps.db, communityId, requestId);
  // someone who may not see it learns nothing, not even that it exists
  if (!loaded || !canSeeRequest(standing, loaded.request)) throw notFound('medicineRequest');
  const [events, attachments, settings] = await Promise.all([
    repo.requestEvents(deps.db, communityId, requestId),
    repo.requestAttachments(deps.db, communityId, requestId),
    repo.medicineSettings(deps.db, communityId),
  ]);
  await deps.db.transaction((tx) =>
    audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'medicine.view',
      targetType: 'medicine_request',
      targetId: requestId,
      params: { building: loaded.recipient.buildingCode, room: loaded.recipient.room },
    }),
  );
  const r = loaded.request;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...presentRow(loaded, deps.clock.now()),
    intake: r.intake as TMedicineRequestDetail['intake'],
    requestedBy: r.requestedBy,
    supplyDaysLeft: r.supplyDaysLeft,
    chronic: r.chronic,
    payment: r.payment as TMedicineRequestDetail['payment'],
    note: r.note,
    urgencyReason: r.urgencyReason,
    urgencyOverridden: r.urgencyOverriddenBy !== null,
    matchedMedicine: r.matchedMedicine,
    matchedCategory: CRITICAL_MEDICINES.find((m) => m.key === r.matchedMedicine)?.category ?? null,
    statusReason: r.statusReason,
    bought: r.bought,
    costCents: r.costCents,
    substitution: r.substitution,
    substitutionConfirmedAt: iso(r.substitutionConfirmedAt),
    daysSupplied: r.daysSupplied,
    nextRunsOutAt: iso(r.nextRunsOutAt),
    deliveredAt: iso(r.deliveredAt),
    confirmedAt: iso(r.confirmedAt),
    allowedNext: movesAllowedFor(standing, r),
    events: events.map((e) => ({
      id: e.id,
      fromStatus: e.fromStatus as TMedicineRequestDetail['status'] | null,
      toStatus: e.toStatus as TMedicineRequestDetail['status'],
      reason: e.reason,
      at: e.at.toISOString(),
      by: e.by,
      byName: e.byName ?? null,
    })),
    attachments: attachments.map((a) => ({ id: a.id, kind: a.kind, uploadedAt: a.uploadedAt.toISOString() })),
    timeZone: settings.timeZone,
  };
}
