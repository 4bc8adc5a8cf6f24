// The written conversation (书面对话) for residents who cannot hear: one large question card at a
// time, answered by pointing at a big choice, typing, or handing over the box for a photo. The
// answers build the same request as the ordinary form.

export type Payment = 'yes' | 'no' | 'on_delivery';

export interface Member {
  id: string;
  name: string;
}

export interface IntakeDraft {
  residentId: string | null;
  drugName: string;
  quantity: string;
  chronic: boolean | null;
  /** days the current supply lasts; null when the resident does not know; undefined: not asked yet */
  supplyDaysLeft: number | null | undefined;
  /** undefined: not asked yet; null: any hospital or pharmacy */
  source: string | null | undefined;
  payment: Payment | null;
}

export const emptyDraft = (residentId: string | null = null): IntakeDraft => ({
  residentId,
  drugName: '',
  quantity: '',
  chronic: null,
  supplyDaysLeft: undefined,
  source: undefined,
  payment: null,
});

export type StepKey = 'who' | 'drug' | 'chronic' | 'quantity' | 'daysLeft' | 'source' | 'payment' | 'confirm';

/**
 * The cards in order; "who" only when there is more than one person to choose from. The drug card
 * takes a photo of the box too: whoever holds the phone reads the name off it.
 */
export function stepsFor(members: number): StepKey[] {
  const steps: StepKey[] = ['drug', 'chronic', 'quantity', 'daysLeft', 'source', 'payment', 'confirm'];
  return members > 1 ? ['who', ...steps] : steps;
}

/** Days-left choices a resident points at: today, 1–3 days, a week, longer, or not known. */
export const DAYS_LEFT_CHOICES = [
  { key: 'today', days: 0 },
  { key: 'one', days: 1 },
  { key: 'two', days: 2 },
  { key: 'three', days: 3 },
  { key: 'week', days: 7 },
  { key: 'longer', days: 14 },
  { key: 'unknown', days: null },
] as const;

/** Quantities to point at; the request keeps the words shown (e.g. 2盒). */
export const QUANTITY_CHOICES = ['oneBox', 'twoBoxes', 'threeBoxes', 'month'] as const;

/** Whether the answers so far make a request the server will take (the confirm card's button). */
export function missingAnswers(draft: IntakeDraft, members: number): StepKey[] {
  const missing: StepKey[] = [];
  if (members > 1 && !draft.residentId) missing.push('who');
  if (!draft.drugName.trim()) missing.push('drug');
  if (!draft.quantity.trim()) missing.push('quantity');
  if (draft.payment === null) missing.push('payment');
  return missing;
}
