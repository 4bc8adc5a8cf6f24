import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { THousehold } from '../../../shared/api/registry.ts';
import { PhoneNumber } from '../../components/registry/PhoneNumber.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { roomLabel } from '../../lib/registry-format.ts';

// A household opens as the residents list narrowed to it, where each person can be edited.
const residentsOf = (h: THousehold) => `/residents?buildingId=${h.buildingId}&householdId=${h.id}`;

export function HouseholdCards({ households }: { households: THousehold[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ul className="card-list">
      {households.map((h) => (
        <li key={h.id} className="list-card">
          <div className="list-card-head">
            <Link to={residentsOf(h)} className="list-card-title stretched-link">
              {roomLabel(h.buildingCode, h.room, locale)}
            </Link>
            <span>{t('registry.people', { count: h.residents })}</span>
          </div>
          <div className="list-card-row">
            <span className="field-label">{t('registry.phone')}</span>
            <PhoneNumber value={h.phone} />
          </div>
          {h.note && <p className="list-card-note">{h.note}</p>}
        </li>
      ))}
    </ul>
  );
}

export function HouseholdTable({ households }: { households: THousehold[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns: ColumnsType<THousehold> = [
    {
      title: t('registry.address'),
      key: 'address',
      width: 200,
      render: (_, h) => <Link to={residentsOf(h)}>{roomLabel(h.buildingCode, h.room, locale)}</Link>,
    },
    {
      title: t('registry.residents'),
      dataIndex: 'residents',
      width: 100,
      align: 'center',
    },
    {
      title: t('registry.phone'),
      dataIndex: 'phone',
      width: 170,
      render: (phone: string | null) => <PhoneNumber value={phone} />,
    },
    { title: t('registry.note'), dataIndex: 'note' },
  ];
  return (
    <Table<THousehold>
      rowKey="id"
      columns={columns}
      dataSource={households}
      pagination={false}
      size="middle"
    />
  );
}
