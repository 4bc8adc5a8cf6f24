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
 * critical: a life-critical medicine (the maintained list) running out within 48 h, or of unknown
 * supply (nobody can say, so assume the worst); high: a chronic medicine running out within 3 days
 * (a critical one too); normal: the rest. A shorter supply never lowers the urgency.
 */
export function triage(input: TriageInput): Triage {
  const match = matchCriticalMedicine(input.drugName);
  const days = input.supplyDaysLeft;
  if (match && days === null)
    return { urgency: 'critical', rule: 'unknown_supply_critical', matched: match.key };
  if (match && days !== null && days <= 2)
    return { urgency: 'critical', rule: 'critical_running_out', matched: match.key };
  if ((input.chronic || match) && days !== null && days <= 3)
    return { urgency: 'high', rule: 'chronic_running_out', matched: match?.key ?? null };
  return { urgency: 'normal', rule: 'normal', matched: match?.key ?? null };
}

export function deadlineFor(
  urgency: Urgency,
  from: Date,
  hours: DeadlineHours = DEFAULT_DEADLINE_HOURS,
): Date {
  return new Date(from.getTime() + hours[urgency] * 3_600_000);
}

/**
 * How far a request is towards its deadline: `overdue` past it, `near` in its last quarter (the
 * leaders are pushed), `ok` otherwise. Escalation: near → leaders, overdue → coordinators too.
 */
export function deadlineState(createdAt: Date, deadlineAt: Date, now: Date): 'ok' | 'near' | 'overdue' {
  if (now.getTime() >= deadlineAt.getTime()) return 'overdue';
  const span = deadlineAt.getTime() - createdAt.getTime();
  return deadlineAt.getTime() - now.getTime() <= span / 4 ? 'near' : 'ok';
}
