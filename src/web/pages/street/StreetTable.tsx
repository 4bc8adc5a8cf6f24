import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { type StreetRow, waitedSince } from './street-format.ts';
import { useDrillDown } from './useDrillDown.ts';

const FIGURE_WIDTH = 104;

const byNumber = (key: keyof StreetRow) => (a: StreetRow, b: StreetRow) =>
  Number(a[key] ?? -1) - Number(b[key] ?? -1);

/** Every granted compound in one sortable table; on a phone it scrolls sideways under a fixed name. */
export function StreetTable({ rows, now }: { rows: StreetRow[]; now: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const drill = useDrillDown();
  const count = (n: number) => formatCount(n, locale);
  const attention = (n: number) => <span className={n > 0 ? 'stat-attention' : undefined}>{count(n)}</span>;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const columns: ColumnsType<StreetRow> = [
    {
      title: t('street.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 112,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, row) => (
        <>
          <button
            type="button"
            className="link-button street-name"
            onClick={() => drill(row.communityId, '/dashboard')}
          >
            {name}
          </button>
          {row.street && <div className="street-street">{row.street}</div>}
        </>
      ),
    },
    {
      title: t('street.volunteersOnShift'),
      dataIndex: 'volunteersOnShift',
      align: 'right',
      width: FIGURE_WIDTH,
      sorter: byNumber('volunteersOnShift'),
      render: count,
    },
    {
      title: t('street.parcelsWaiting'),
      dataIndex: 'parcelsWaiting',
      align: 'right',
      width: FIGURE_WIDTH,
      sorter: byNumber('parcelsWaiting'),
      render: count,
    },
    {
      title: t('street.oldestParcel'),
      dataIndex: 'oldestParcelSince',
      align: 'right',
      width: FIGURE_WIDTH,
      // the longest wait first when sorted descending: the oldest instant is the longest wait
      sorter: (a, b) =>
        (b.oldestParcelSince ? Date.parse(b.oldestParcelSince) : now) -
        (a.oldestParcelSince ? Date.parse(a.oldestParcelSince) : now),
      render: (since: string | null) => {
        const waited = waitedSince(since, now);
        return waited ? t(`street.${waited.key}`, { count: waited.count }) : '—';
      },
    },
    {
      title: t('street.testingCoverage'),
      dataIndex: 'testingCoverage',
      align: 'right',
      width: FIGURE_WIDTH,
      sorter: byNumber('testingCoverage'),
      render: (coverage: number | null) =>
        coverage === null ? t('street.noRound') : percent.format(coverage),
    },
    {
      title: t('street.medicineOpen'),
      dataIndex: 'medicineOpen',
      align: 'right',
      width: FIGURE_WIDTH,
      sorter: byNumber('medicineOpen'),
      render: count,
    },
    {
      title: t('street.medicineOverdue'),
      dataIndex: 'medicineOverdue',
      align: 'right',
      width: FIGURE_WIDTH,
      sorter: byNumber('medicineOverdue'),
      render: attention,
    },
    {
      title: t('street.disinfectionOverdue'),
      dataIndex: 'disinfectionOverdue',
      align: 'right',
      width: FIGURE_WIDTH,
      sorter: byNumber('disinfectionOverdue'),
      render: attention,
    },
    {
      title: t('street.relaysUnconfirmed'),
      dataIndex: 'relaysUnconfirmed',
      align: 'right',
      width: FIGURE_WIDTH + 16,
      sorter: byNumber('relaysUnconfirmed'),
      render: attention,
    },
    {
      title: t('street.actions'),
      key: 'actions',
      width: 96,
      render: (_: unknown, row) => (
        <Button
          className="street-reports"
          aria-label={t('street.openReportsOf', { name: row.name })}
          onClick={() => drill(row.communityId, '/reports')}
        >
          {t('street.openReports')}
        </Button>
      ),
    },
  ];
  return (
    <Table<StreetRow>
      rowKey="communityId"
      columns={columns}
      dataSource={rows}
      pagination={false}
      // fixed widths so the headings wrap instead of widening the table; a phone scrolls sideways
      scroll={{ x: 112 + 8 * FIGURE_WIDTH + 16 + 96 }}
      size="middle"
      showSorterTooltip={false}
    />
  );
}
