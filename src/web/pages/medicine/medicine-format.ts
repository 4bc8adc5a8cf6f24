import type { TFunction } from 'i18next';

const MINUTE = 60_000;

/**
 * How long is left until a deadline, or how late it is, in words: "还剩 3 小时 20 分" / "已超时 2 小时".
 * Whole minutes: the queue is read at a glance, not timed to the second.
 */
export function timeLeft(t: TFunction, deadlineIso: string, now: number): string {
  const diff = new Date(deadlineIso).getTime() - now;
  const minutes = Math.max(1, Math.round(Math.abs(diff) / MINUTE));
  const span =
    minutes < 60
      ? t('medicineWork.minutes', { m: minutes })
      : minutes < 48 * 60
        ? t('medicineWork.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 })
        : t('medicineWork.days', { d: Math.round(minutes / (24 * 60)) });
  return diff >= 0 ? t('medicineWork.left', { span }) : t('medicineWork.late', { span });
}

/** The triage rules the server records as the urgency reason; anything else is the leader's own words. */
export const URGENCY_RULES = [
  'critical_running_out',
  'unknown_supply_critical',
  'chronic_running_out',
  'normal',
] as const;

export function urgencyReasonText(t: TFunction, reason: string, overridden: boolean): string {
  if (!overridden && (URGENCY_RULES as readonly string[]).includes(reason)) {
    return t(`medicineWork.rule.${reason as (typeof URGENCY_RULES)[number]}`);
  }
  return reason;
}

/** Yuan as typed ("12.5") to fen; null when it is not a sum of money. */
export function yuanToCents(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 100);
}

export const formatYuan = (cents: number) => (cents / 100).toFixed(2);
