import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TMedicineRequestRow } from '../../../shared/api/medicine.ts';
import { DeadlineText, StatusTag, UrgencyTag } from './MedicineTags.tsx';

/** Finished, or delivered and waiting for the household: the deadline no longer runs. */
const DEADLINE_MET = ['delivered', 'confirmed', 'cancelled', 'unavailable'];

interface Props {
  row: TMedicineRequestRow;
  timeZone: string;
  now: number;
  /** leaders pick triaged rows to assign together; absent for everyone else */
  selection?: { selected: boolean; onToggle: (selected: boolean) => void };
}

/** One request in the queue: what, for whom, how urgent, by when, where from and who is on it. */
export function MedicineQueueRow({ row, timeZone, now, selection }: Props) {
  const { t } = useTranslation();
  const finished = DEADLINE_MET.includes(row.status);
  const late = !finished && new Date(row.deadlineAt).getTime() < now;
  const state = late ? 'overdue' : finished ? 'ok' : row.deadlineState;
  const who = t('medicineWork.recipient', {
    building: row.recipient.buildingCode,
    room: row.recipient.room,
    name: row.recipient.name,
  });
  return (
    <li
      className={`medicine-row is-${row.urgency} is-${state}`}
      data-testid="medicine-row"
      data-urgency={row.urgency}
      data-deadline={state}
    >
      {selection && (
        <Checkbox
          className="medicine-row-select"
          checked={selection.selected}
          onChange={(e) => selection.onToggle(e.target.checked)}
          aria-label={t('medicineWork.queue.select', { drug: row.drugName, name: row.recipient.name })}
        />
      )}
      <div className="medicine-row-body">
        <div className="medicine-row-tags">
          <UrgencyTag urgency={row.urgency} />
          <StatusTag status={row.status} />
          {row.escalation > 0 && (
            <span className="medicine-escalated">
              {t(row.escalation >= 2 ? 'medicineWork.escalation.2' : 'medicineWork.escalation.1')}
            </span>
          )}
        </div>
        <Link to={`/medicine/requests/${row.id}`} className="medicine-row-drug">
          {row.drugName}
          {row.strength && <span className="medicine-row-strength">{row.strength}</span>}
          <span className="medicine-row-qty">× {row.quantity}</span>
        </Link>
        <div className="medicine-row-who">{who}</div>
        <DeadlineText
          deadlineAt={row.deadlineAt}
          state={state}
          timeZone={timeZone}
          now={now}
          finished={finished}
        />
        <div className="medicine-row-meta">
          <span>{t('medicineWork.source', { source: row.source ?? t('medicineWork.anySource') })}</span>
          <span>
            {row.assignedToName
              ? t('medicineWork.assignee', { name: row.assignedToName })
              : t('medicineWork.unassigned')}
          </span>
        </div>
      </div>
    </li>
  );
}
