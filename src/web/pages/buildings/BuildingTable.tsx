import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TBuilding, TSitePlan } from '../../../shared/api/registry.ts';
import { RelayContact } from '../../components/registry/RelayContact.tsx';
import { ZoneBadge } from '../../components/registry/ZoneBadge.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { buildingLabel, compareCodes } from '../../lib/registry-format.ts';

interface Props {
  buildings: TBuilding[];
  zones: Map<string, TSitePlan['zones'][number]>;
}

/** Desktop: every building in one sortable table, no paging (a compound has about 125). */
export function BuildingTable({ buildings, zones }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const count = (n: number) => formatCount(n, locale);
  const columns: ColumnsType<TBuilding> = [
    {
      title: t('registry.building'),
      dataIndex: 'code',
      width: 120,
      sorter: (a, b) => compareCodes(a.code, b.code),
      render: (code: string, b) => <Link to={`/buildings/${b.id}`}>{buildingLabel(code, locale)}</Link>,
    },
    {
      title: t('registry.zone'),
      dataIndex: 'zoneId',
      width: 110,
      render: (zoneId: string | null) => <ZoneBadge zone={zoneId ? zones.get(zoneId) : undefined} />,
    },
    { title: t('registry.floors'), dataIndex: 'floors', width: 90, align: 'right' },
    {
      title: t('registry.households'),
      dataIndex: 'households',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.households - b.households,
      render: count,
    },
    {
      title: t('registry.residents'),
      dataIndex: 'residents',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.residents - b.residents,
      render: count,
    },
    {
      title: t('registry.vulnerable'),
      dataIndex: 'vulnerable',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.vulnerable - b.vulnerable,
      render: (n: number) => <span className={n > 0 ? 'stat-attention' : undefined}>{count(n)}</span>,
    },
    {
      title: t('registry.relay'),
      dataIndex: 'relay',
      render: (relay: TBuilding['relay']) => <RelayContact relay={relay} />,
    },
  ];
  return (
    <Table<TBuilding>
      rowKey="id"
      columns={columns}
      dataSource={buildings}
      pagination={false}
      sticky
      size="middle"
    />
  );
}
