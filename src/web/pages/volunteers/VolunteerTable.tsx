import { TeamOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { TVolunteer } from '../../../shared/api/volunteers.ts';
import { RecordLine } from '../../components/RecordFigures.tsx';
import { PhoneNumber } from '../../components/registry/PhoneNumber.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { roomLabel } from '../../lib/registry-format.ts';
import { formatDate } from '../../lib/time.ts';
import { ageBandLabel } from '../../lib/volunteer-format.ts';
import { AbilityTags, GroupTags, PartyBadge } from './VolunteerBits.tsx';

export interface ListProps {
  volunteers: TVolunteer[];
  timeZone: string;
  showWorkplace: boolean;
  /** Present when the coordinator may pick volunteers for a decision. */
  selection?: { ids: ReadonlySet<string>; onChange: (ids: Set<string>) => void };
  /** Present when the coordinator may set groups (approved volunteers only). */
  onSetGroups?: (volunteer: TVolunteer) => void;
  loading?: boolean;
}

export const addressOf = (v: TVolunteer, locale: ReturnType<typeof currentLocale>) =>
  v.buildingCode ? roomLabel(v.buildingCode, v.room ?? '', locale) : '';

export function VolunteerTable({
  volunteers,
  timeZone,
  showWorkplace,
  selection,
  onSetGroups,
  loading,
}: ListProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns: ColumnsType<TVolunteer> = [
    {
      title: t('volunteers.name'),
      dataIndex: 'name',
      width: 130,
      render: (name: string, v) => (
        <span className="volunteer-name">
          <strong>{name}</strong>
          <PartyBadge partyMember={v.partyMember} />
        </span>
      ),
    },
    { title: t('volunteers.address'), key: 'address', width: 140, render: (_, v) => addressOf(v, locale) },
    {
      title: t('volunteers.mobile'),
      dataIndex: 'mobile',
      width: 130,
      render: (mobile: string | null) => <PhoneNumber value={mobile} />,
    },
    {
      title: t('volunteers.ageBand'),
      dataIndex: 'ageBand',
      width: 90,
      render: (band: string | null) => ageBandLabel(band, locale),
    },
    {
      title: t('volunteers.abilities'),
      key: 'abilities',
      minWidth: 170,
      render: (_, v) => (
        <>
          <AbilityTags volunteer={v} />
          {v.note && <p className="volunteer-note">{v.note}</p>}
        </>
      ),
    },
    { title: t('volunteers.groups'), key: 'groups', render: (_, v) => <GroupTags groups={v.groups} /> },
    {
      title: t('attendance.record'),
      key: 'record',
      width: 130,
      render: (_, v) => <RecordLine record={v.record} />,
    },
    ...(showWorkplace
      ? [{ title: t('volunteers.workplace'), dataIndex: 'workplace', width: 110 } as const]
      : []),
    {
      title: t('volunteers.registeredAt'),
      dataIndex: 'registeredAt',
      width: 110,
      render: (at: string) => formatDate(at, timeZone, locale),
    },
    ...(onSetGroups
      ? [
          {
            title: t('volunteers.actions'),
            key: 'actions',
            width: 124,
            render: (_: unknown, v: TVolunteer) => (
              <Button icon={<TeamOutlined aria-hidden />} onClick={() => onSetGroups(v)}>
                {t('volunteers.setGroups')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<TVolunteer>
      rowKey="id"
      columns={columns}
      dataSource={volunteers}
      pagination={false}
      loading={loading}
      size="middle"
      rowSelection={
        selection && {
          selectedRowKeys: [...selection.ids],
          preserveSelectedRowKeys: true,
          onChange: (keys) => selection.onChange(new Set(keys as string[])),
          getCheckboxProps: (v) => ({ 'aria-label': t('volunteers.select', { name: v.name }) }),
        }
      }
    />
  );
}
