import { deadlineState, type MedicineStatus, nextStatuses } from '../../../domain/medicine/index.ts';
import type { TMedicineRequestRow } from '../../../shared/api/medicine.ts';
import type { VulnerabilityFlag } from '../../../shared/registry.ts';
import type { findRequest } from './medicine-requests.repository.ts';

export type LoadedRequest = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

const FINISHED: readonly string[] = ['confirmed', 'cancelled', 'unavailable'];

/**
 * ok | near | overdue now; for a delivered or finished request, as it stood when the medicine arrived
 * (or the request ended): was it in time? Waiting for the household's confirmation is not late.
 */
export function deadlineStateOf(r: LoadedRequest['request'], now: Date) {
  const settled = FINISHED.includes(r.status) || r.status === 'delivered';
  const at = settled ? (r.deliveredAt ?? r.confirmedAt ?? r.updatedAt) : now;
  return deadlineState(r.createdAt, r.deadlineAt, at);
}

export function presentRow(loaded: LoadedRequest, now: Date): TMedicineRequestRow {
  const r = loaded.request;
  return {
    id: r.id,
    householdId: r.householdId,
    recipient: {
      residentId: loaded.recipient.residentId,
      name: loaded.recipient.name,
      buildingCode: loaded.recipient.buildingCode,
      room: loaded.recipient.room,
      flags: loaded.recipient.flags as VulnerabilityFlag[],
    },
    drugName: r.drugName,
    strength: r.strength,
    quantity: r.quantity,
    source: r.source,
    sourceKey: r.sourceKey,
    status: r.status as MedicineStatus,
    urgency: r.urgency as TMedicineRequestRow['urgency'],
    deadlineAt: r.deadlineAt.toISOString(),
    deadlineState: deadlineStateOf(r, now),
    escalation: r.escalation,
    assignedTo: r.assignedTo,
    assignedToName: loaded.assignedToName ?? null,
    tripId: r.tripId,
    runsOutAt: r.runsOutAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export { nextStatuses };
