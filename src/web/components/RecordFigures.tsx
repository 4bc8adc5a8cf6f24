import { useTranslation } from 'react-i18next';
import type { TAttendanceFigures } from '../../shared/api/attendance-figures.ts';
import { currentLocale } from '../i18n/index.ts';

/** Hours to a tenth, in the reader's digits: 12.5, not 12.50. */
export function formatHours(hours: number, locale = currentLocale()) {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours);
}

/** One line for lists: "3 班 · 12.5 小时", and no-shows in red only when there are any. */
export function RecordLine({ record }: { record: TAttendanceFigures }) {
  const { t } = useTranslation();
  return (
    <span className="record-line" data-testid="record-line">
      <span>
        {t('attendance.recordLine', { shifts: record.shiftsDone, hours: formatHours(record.hours) })}
      </span>
      {record.noShows > 0 && (
        <span className="badge badge-red">{t('attendance.recordNoShows', { count: record.noShows })}</span>
      )}
    </span>
  );
}

/** Three big figures for my own page. */
export function RecordTiles({ record }: { record: TAttendanceFigures }) {
  const { t } = useTranslation();
  const tiles: { key: string; label: string; value: string; unit?: string }[] = [
    { key: 'shifts', label: t('attendance.shiftsDone'), value: String(record.shiftsDone) },
    {
      key: 'hours',
      label: t('attendance.hours'),
      value: formatHours(record.hours),
      unit: t('attendance.hoursUnit'),
    },
    { key: 'no-shows', label: t('attendance.noShows'), value: String(record.noShows) },
  ];
  return (
    <dl className="record-tiles">
      {tiles.map((tile) => (
        <div key={tile.key} className="record-tile" data-testid={`record-${tile.key}`}>
          <dt>{tile.label}</dt>
          <dd>
            {tile.value}
            {tile.unit && <span className="record-unit">{tile.unit}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
