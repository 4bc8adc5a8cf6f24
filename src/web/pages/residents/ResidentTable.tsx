import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { TResident } from '../../../shared/api/registry.ts';
import { FlagTags } from '../../components/registry/FlagTags.tsx';
import { PhoneNumber } from '../../components/registry/PhoneNumber.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { roomLabel } from '../../lib/registry-format.ts';
import { sexLabel } from './labels.ts';

interface Props {
  residents: TResident[];
  onOpen: (resident: TResident) => void;
  loading?: boolean;
}

export function ResidentTable({ residents, onOpen, loading }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns: ColumnsType<TResident> = [
    {
      title: t('registry.name'),
      dataIndex: 'name',
      width: 130,
      render: (name: string, r) => (
        <button type="button" className="link-button" onClick={() => onOpen(r)}>
          {name}
        </button>
      ),
    },
    {
      title: t('registry.address'),
      key: 'address',
      width: 170,
      render: (_, r) => (
        <span>
          {roomLabel(r.buildingCode, r.room, locale)}
          {r.isRelay && <span className="relay-badge">{t('registry.relay')}</span>}
        </span>
      ),
    },
    { title: t('registry.sex'), dataIndex: 'sex', width: 70, render: (sex) => sexLabel(t, sex) },
    { title: t('registry.birthYear'), dataIndex: 'birthYear', width: 100 },
    {
      title: t('registry.mobile'),
      dataIndex: 'mobile',
      width: 150,
      render: (mobile: string | null) => <PhoneNumber value={mobile} />,
    },
    {
      title: t('registry.flags'),
      dataIndex: 'flags',
      render: (flags: TResident['flags']) => <FlagTags flags={flags} />,
    },
  ];
  return (
    <Table<TResident>
      rowKey="id"
      columns={columns}
      dataSource={residents}
      pagination={false}
      loading={loading}
      size="middle"
    />
  );
}
