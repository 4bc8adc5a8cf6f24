// A medicine request's life: requested → triaged → assigned → purchasing → delivered → confirmed, or
// ended early as cancelled / unavailable (with a reason). Steps are never skipped or taken back.

export const MEDICINE_STATUSES = [
  'requested',
  'triaged',
  'assigned',
  'purchasing',
  'delivered',
  'confirmed',
  'cancelled',
  'unavailable',
] as const;
export type MedicineStatus = (typeof MEDICINE_STATUSES)[number];

const FLOW: MedicineStatus[] = ['requested', 'triaged', 'assigned', 'purchasing', 'delivered', 'confirmed'];

/** Statuses that end a request: nothing follows them. */
export const FINISHED_STATUSES: readonly MedicineStatus[] = ['confirmed', 'cancelled', 'unavailable'];

/** Ends that need a reason said out loud: why it was called off, or why it cannot be had. */
export const STATUSES_NEEDING_REASON: readonly MedicineStatus[] = ['cancelled', 'unavailable'];

/**
 * The statuses a request may move to next: the next step of the flow, or an early end. A request
 * can be cancelled until it is delivered, and found unavailable only while someone looks for it.
 */
export function nextStatuses(from: MedicineStatus): MedicineStatus[] {
  if (FINISHED_STATUSES.includes(from)) return [];
  const next = FLOW[FLOW.indexOf(from) + 1];
  const out: MedicineStatus[] = next ? [next] : [];
  if (from !== 'delivered') out.push('cancelled');
  if (from === 'assigned' || from === 'purchasing') out.push('unavailable');
  return out;
}

export const canMove = (from: MedicineStatus, to: MedicineStatus) => nextStatuses(from).includes(to);
