import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '../../../shared/api/audit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/time.ts';
import { actionLabel, isSystem, roleLabel, targetLabel } from './labels.ts';

interface Props {
  entries: TAuditEntry[];
  timeZone: string;
}

/** Phone: a card per entry, since a five-column table cannot fit 360 px. */
export function AuditCards({ entries, timeZone }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ol className="audit-cards">
      {entries.map((entry) => (
        <li key={entry.id} className="audit-card">
          <div className="audit-card-head">
            <strong>{actionLabel(t, entry.action)}</strong>
            <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone, locale)}</time>
          </div>
          <div className="audit-actor">
            <span>{isSystem(entry) ? roleLabel(t, 'system') : entry.actorName}</span>
            {!isSystem(entry) && <Tag>{roleLabel(t, entry.role)}</Tag>}
            <span className="audit-target">{targetLabel(t, entry.targetType)}</span>
          </div>
          <p className="audit-summary">{entry.summary}</p>
        </li>
      ))}
    </ol>
  );
}
