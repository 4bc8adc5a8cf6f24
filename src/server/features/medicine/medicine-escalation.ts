import { and, eq, lt, notInArray } from 'drizzle-orm';
import { deadlineState } from '../../../domain/medicine/index.ts';
import { medicineRequests } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { registerBackgroundTask } from '../../platform/background.ts';
import type { AppDeps } from '../../platform/context.ts';
import { notify } from '../../platform/notices.ts';
import * as repo from './medicine-requests.repository.ts';
import { publishMedicineChange } from './medicine-transitions.ts';

/** Nothing more to hurry once the medicine is at the door: delivered awaits only the household. */
const NOT_HURRIED = ['delivered', 'confirmed', 'cancelled', 'unavailable'];
const STAGE = { near: 1, overdue: 2 } as const;

/**
 * Escalation of open requests as their deadline nears: once 'near' (the last quarter of the time),
 * the medicine leaders are pushed (escalation 1); once 'overdue', the coordinators (escalation 2).
 * Each step is claimed by a conditional UPDATE on the escalation the task read, in the transaction of
 * its notice, so two server processes never push the same step twice.
 */
export async function escalateMedicineRequests(deps: AppDeps) {
  const now = deps.clock.now();
  const candidates = await deps.db
    .select({ communityId: medicineRequests.communityId, id: medicineRequests.id })
    .from(medicineRequests)
    .where(and(notInArray(medicineRequests.status, NOT_HURRIED), lt(medicineRequests.escalation, 2)))
    .limit(1000);
  let pushed = 0;
  for (const c of candidates) pushed += await escalateOne(deps, c.communityId, c.id, now);
  return pushed;
}

async function escalateOne(deps: AppDeps, communityId: string, requestId: string, now: Date) {
  const loaded = await repo.findRequest(deps.db, communityId, requestId);
  if (!loaded) return 0;
  const r = loaded.request;
  const state = deadlineState(r.createdAt, r.deadlineAt, now);
  if (state === 'ok' || STAGE[state] <= r.escalation) return 0;
  const stage = STAGE[state];
  const settings = await repo.medicineSettings(deps.db, communityId);
  return deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(medicineRequests)
      .set({ escalation: stage, escalatedAt: now })
      .where(
        and(
          eq(medicineRequests.communityId, communityId),
          eq(medicineRequests.id, requestId),
          eq(medicineRequests.escalation, r.escalation),
          notInArray(medicineRequests.status, NOT_HURRIED),
        ),
      )
      .returning({ id: medicineRequests.id });
    if (!claimed) return 0;
    // overdue without a 'near' push first (a short deadline, a slow task): the leaders hear it too
    const leaders = r.escalation < 1 ? await repo.medicineGroupAccounts(tx, communityId, true) : [];
    const told =
      stage === 1
        ? leaders
        : [...new Set([...(await repo.coordinatorAccounts(tx, communityId)), ...leaders])];
    const place = { building: loaded.recipient.buildingCode, room: loaded.recipient.room };
    await notify(
      tx,
      {
        communityId,
        accountIds: told,
        kind: stage === 1 ? 'medicine.near' : 'medicine.overdue',
        params: { ...place, deadlineAt: r.deadlineAt.toISOString(), timeZone: settings.timeZone },
        link: `/medicine/requests/${requestId}`,
        critical: r.urgency === 'critical',
      },
      now,
    );
    await audit(tx, {
      communityId,
      account: null,
      role: 'system',
      action: stage === 1 ? 'medicine.escalate_near' : 'medicine.escalate_overdue',
      targetType: 'medicine_request',
      targetId: requestId,
      params: { ...place, told: told.length },
    });
    await publishMedicineChange(tx, communityId, requestId, r.status);
    return 1;
  });
}

registerBackgroundTask({ name: 'medicine-escalation', intervalMs: 60_000, run: escalateMedicineRequests });
