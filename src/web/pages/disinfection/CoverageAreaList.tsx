import { useTranslation } from 'react-i18next';
import type { TDisinfectionCoverageArea } from '../../../shared/api/disinfection.ts';
import { formatDateTime } from '../../lib/time.ts';
import { STATE_COLOURS } from './disinfection-format.ts';

/** Areas with how they stand: the state in words (never colour alone), last round, next round. */
export function CoverageAreaList({
  areas,
  timeZone,
}: {
  areas: TDisinfectionCoverageArea[];
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const at = (iso: string) => formatDateTime(iso, timeZone, i18n.language);
  return (
    <ul className="dis-area-states">
      {areas.map((a) => (
        <li
          key={a.areaId}
          className={`is-${a.state}`}
          data-testid="dis-area-state"
          style={{ borderInlineStartColor: STATE_COLOURS[a.state] }}
        >
          <strong>{a.name}</strong>
          <span className="dis-state-word">{t(`disinfection.coverage.state.${a.state}`)}</span>
          {a.overdueSince && (
            <span>{t('disinfection.coverage.overdueSince', { time: at(a.overdueSince) })}</span>
          )}
          <span>
            {a.lastDoneAt
              ? t('disinfection.coverage.lastDone', { time: at(a.lastDoneAt), name: a.lastDoneBy ?? '' })
              : t('disinfection.coverage.never')}
          </span>
          {a.nextDueAt && <span>{t('disinfection.coverage.nextDue', { time: at(a.nextDueAt) })}</span>}
        </li>
      ))}
    </ul>
  );
}
