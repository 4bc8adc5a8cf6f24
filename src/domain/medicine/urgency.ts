// Triage: how urgent a medicine request is and by when it must be delivered.
import { matchCriticalMedicine } from './critical-medicines.ts';

export type Urgency = 'critical' | 'high' | 'normal';
export const URGENCIES: readonly Urgency[] = ['critical', 'high', 'normal'];

/** Hours each urgency may take, per community (issue 7 defaults: 12, 24, 72). */
export interface DeadlineHours {
  critical: number;
  high: number;
  normal: number;
}
export const DEFAULT_DEADLINE_HOURS: DeadlineHours = { critical: 12, high: 24, normal: 72 };

export interface TriageInput {
  drugName: string;
  /** days the current supply lasts; null when nobody knows */
  supplyDaysLeft: number | null;
  chronic: boolean;
}

export interface Triage {
  urgency: Urgency;
  /** why: a rule key for i18n (`critical_running_out`, `chronic_running_out`, `unknown_supply_critical`, `normal`) */
  rule: 'critical_running_out' | 'unknown_supply_critical' | 'chronic_running_out' | 'normal';
  /** the critical-list entry the drug matched, if any */
  matched: string | null;
}

/**
 * Thrown for a supply that is not a number of days (negative, NaN, infinite). The API validates
 * before triage, so reaching this is a programming error; guessing would hide it, and a wrong guess
 * could make an insulin request look less urgent than it is.
 */
export class InvalidSupplyDays extends RangeError {
  constructor(readonly value: number) {
    super(`supply days left must be a finite number ≥ 0 or null, got ${value}`);
    this.name = 'InvalidSupplyDays';
  }
}

/** Critical medicines are critical when they run out within 48 h (issue 7). */
export const CRITICAL_WITHIN_DAYS = 2;
/** Chronic medicines are high when they run out within 3 days (issue 7). */
export const HIGH_WITHIN_DAYS = 3;

/**
 * critical: a life-critical medicine (the maintained list) running out within 48 h (≤ 2 days, 0 =
 * already out), or of unknown supply (nobody can say, so assume the worst); high: a chronic medicine
 * running out within 3 days (a listed one counts as chronic); normal: the rest, including a chronic
 * medicine of unknown supply (the requester is asked; the leader can raise it). A shorter supply
 * never lowers the urgency. Throws InvalidSupplyDays for a negative, NaN or infinite supply.
 */
export function triage(input: TriageInput): Triage {
  const days = input.supplyDaysLeft;
  if (days !== null && !(Number.isFinite(days) && days >= 0)) throw new InvalidSupplyDays(days);
  const match = matchCriticalMedicine(input.drugName);
  const matched = match?.key ?? null;
  if (match && days === null) return { urgency: 'critical', rule: 'unknown_supply_critical', matched };
  if (match && days !== null && days <= CRITICAL_WITHIN_DAYS)
    return { urgency: 'critical', rule: 'critical_running_out', matched };
  if ((input.chronic || match) && days !== null && days <= HIGH_WITHIN_DAYS)
    return { urgency: 'high', rule: 'chronic_running_out', matched };
  return { urgency: 'normal', rule: 'normal', matched };
}

/** Thrown for deadline hours that are not a positive number, or an invalid start. */
export class InvalidDeadline extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDeadline';
  }
}

/** When a request of this urgency, made at `from`, must be delivered. */
export function deadlineFor(
  urgency: Urgency,
  from: Date,
  hours: DeadlineHours = DEFAULT_DEADLINE_HOURS,
): Date {
  const h = hours[urgency];
  if (!(Number.isFinite(h) && h > 0)) throw new InvalidDeadline(`${urgency} hours must be > 0, got ${h}`);
  if (Number.isNaN(from.getTime())) throw new InvalidDeadline('the start of a deadline is not a valid date');
  return new Date(from.getTime() + h * 3_600_000);
}

export type DeadlineState = 'ok' | 'near' | 'overdue';

/**
 * How far a request is towards its deadline: `overdue` at or past it, `near` in its last quarter
 * (the leaders are pushed), `ok` otherwise. A deadline not after the request's creation (set
 * by a leader's override) is near until it passes. Escalation: near → leaders, overdue → coordinators too.
 */
export function deadlineState(createdAt: Date, deadlineAt: Date, now: Date): DeadlineState {
  const remaining = deadlineAt.getTime() - now.getTime();
  if (remaining <= 0) return 'overdue';
  const span = deadlineAt.getTime() - createdAt.getTime();
  return remaining <= span / 4 || span <= 0 ? 'near' : 'ok';
}

/** The escalation level a deadline state calls for (medicine_requests.escalation: 0, 1 leaders, 2 coordinators). */
export function escalationFor(state: DeadlineState): 0 | 1 | 2 {
  return state === 'overdue' ? 2 : state === 'near' ? 1 : 0;
}
