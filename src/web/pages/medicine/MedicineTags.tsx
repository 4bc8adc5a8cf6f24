import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TMedicineStatus, TMedicineUrgency } from '../../../shared/api/medicine.ts';
import { formatDateTime } from '../../lib/time.ts';
import { timeLeft } from './medicine-format.ts';

// Colours chosen for contrast with white text (axe: serious when they fall short).
const URGENCY_COLOURS: Record<TMedicineUrgency, string> = {
  critical: '#b91c1c',
  high: '#c2410c',
  normal: 'default',
};

export function UrgencyTag({ urgency }: { urgency: TMedicineUrgency }) {
  const { t } = useTranslation();
  return (
    <Tag color={URGENCY_COLOURS[urgency]} className={`medicine-urgency is-${urgency}`}>
      {t(`medicineWork.urgency.${urgency}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: TMedicineStatus }) {
  const { t } = useTranslation();
  return <Tag className={`medicine-status is-${status}`}>{t(`medicineWork.status.${status}`)}</Tag>;
}

/** "截止 05/25 14:30 · 还剩 3 小时 20 分", marked when near or past the deadline. */
export function DeadlineText({
  deadlineAt,
  state,
  timeZone,
  now,
  finished,
}: {
  deadlineAt: string;
  state: 'ok' | 'near' | 'overdue';
  timeZone: string;
  now: number;
  finished: boolean;
}) {
  const { t, i18n } = useTranslation();
  const at = formatDateTime(deadlineAt, timeZone, i18n.language);
  if (finished) return <span className="medicine-deadline">{t('medicineWork.deadline', { at })}</span>;
  const live = new Date(deadlineAt).getTime() < now ? 'overdue' : state;
  return (
    <span className={`medicine-deadline is-${live}`}>
      {t('medicineWork.deadline', { at })} · <strong>{timeLeft(t, deadlineAt, now)}</strong>
      {live === 'overdue' && <span className="medicine-flag">{t('medicineWork.overdue')}</span>}
      {live === 'near' && <span className="medicine-flag">{t('medicineWork.near')}</span>}
    </span>
  );
}
