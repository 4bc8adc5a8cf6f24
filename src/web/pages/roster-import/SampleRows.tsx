import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TImportPreview } from '../../../shared/api/registry.ts';
import { FlagTags } from '../../components/registry/FlagTags.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel, roomLabel } from '../../lib/registry-format.ts';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';

type Sample = TImportPreview['sample'][number];

/** The first rows as they will be read: a table on a desktop, one line each on a phone. */
export function SampleRows({ sample }: { sample: Sample[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const desktop = useIsDesktop();
  if (!desktop) {
    return (
      <ul className="sample-list">
        {sample.map((s) => (
          <li key={s.row}>
            <span className="muted">{t('rosterImport.rowLabel', { row: s.row })}</span>
            <strong>{s.name}</strong>
            <span>{roomLabel(s.building, s.room, locale)}</span>
            <FlagTags flags={s.flags} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<Sample>
      rowKey="row"
      size="small"
      pagination={false}
      dataSource={sample}
      columns={[
        { title: t('rosterImport.row'), dataIndex: 'row', width: 80 },
        {
          title: t('registry.building'),
          dataIndex: 'building',
          width: 140,
          render: (code: string) => buildingLabel(code, locale),
        },
        { title: t('registry.room'), dataIndex: 'room', width: 120 },
        { title: t('registry.name'), dataIndex: 'name', width: 180 },
        {
          title: t('registry.flags'),
          dataIndex: 'flags',
          render: (flags: Sample['flags']) => <FlagTags flags={flags} />,
        },
      ]}
    />
  );
}
