import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '../../../shared/api/audit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/time.ts';
import { actionLabel, isSystem, roleLabel, targetLabel } from './labels.ts';

interface Props {
  entries: TAuditEntry[];
  timeZone: string;
}

/** Desktop: one row per entry, all columns visible. */
export function AuditTable({ entries, timeZone }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns: ColumnsType<TAuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 190,
      render: (at: string) => <time dateTime={at}>{formatDateTime(at, timeZone, locale)}</time>,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 220,
      render: (_, entry) => (
        <span className="audit-actor">
          <span>{isSystem(entry) ? roleLabel(t, 'system') : entry.actorName}</span>
          {!isSystem(entry) && <Tag>{roleLabel(t, entry.role)}</Tag>}
        </span>
      ),
    },
    {
      title: t('audit.operation'),
      dataIndex: 'action',
      width: 200,
      render: (a: string) => actionLabel(t, a),
    },
    {
      title: t('audit.target'),
      dataIndex: 'targetType',
      width: 120,
      render: (tt: string) => targetLabel(t, tt),
    },
    { title: t('audit.summary'), dataIndex: 'summary' },
  ];
  return <Table<TAuditEntry> rowKey="id" columns={columns} dataSource={entries} pagination={false} />;
}
