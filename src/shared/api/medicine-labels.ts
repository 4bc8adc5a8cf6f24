import type { Locale } from '../roles.ts';
import type { TMedicineStatus } from './medicine.ts';

/** A medicine request's statuses as people say them (error messages, audit and notices). */
export const MEDICINE_STATUS_LABELS: Record<Locale, Record<TMedicineStatus, string>> = {
  'zh-CN': {
    requested: '已提交',
    triaged: '已分级',
    assigned: '已分配',
    purchasing: '采购中',
    delivered: '已送达',
    confirmed: '已确认收到',
    cancelled: '已取消',
    unavailable: '买不到',
  },
  en: {
    requested: 'requested',
    triaged: 'triaged',
    assigned: 'assigned',
    purchasing: 'purchasing',
    delivered: 'delivered',
    confirmed: 'confirmed',
    cancelled: 'cancelled',
    unavailable: 'unavailable',
  },
};

/** Error-message params that carry medicine statuses (one, or several joined by commas). */
export const MEDICINE_STATUS_PARAMS = ['from', 'to', 'allowed', 'status'];

/** "assigned,cancelled" → "已分配、已取消" / "assigned, cancelled"; anything else is left as it is. */
export function medicineStatusList(locale: Locale, value: string): string {
  const labels = MEDICINE_STATUS_LABELS[locale] as Record<string, string>;
  const parts = value.split(',').filter(Boolean);
  if (parts.length === 0) return locale === 'zh-CN' ? '（无）' : '(none)';
  if (!parts.every((p) => p in labels)) return value;
  return parts.map((p) => labels[p]).join(locale === 'zh-CN' ? '、' : ', ');
}
