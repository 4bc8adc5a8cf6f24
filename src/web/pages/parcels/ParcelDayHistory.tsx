import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TParcelDaySummary } from '../../../shared/api/parcel-clearance.ts';
import { useParcelDays } from '../../api/parcel-clearance.ts';
import { LoadError } from '../../components/LoadError.tsx';

/** The last 30 days: a small bar chart of received and delivered, and the figures per day, newest first. */
export function ParcelDayHistory({
  communityId,
  onPickDay,
}: {
  communityId: string;
  onPickDay: (day: string) => void;
}) {
  const { t } = useTranslation();
  const history = useParcelDays(communityId);
  if (history.error) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.isPending) return <Skeleton active />;
  const days = history.data.days;
  const active = days.filter((d) => d.received + d.delivered > 0 || d.closed);
  return (
    <section className="board-history" aria-labelledby="board-history-title">
      <h2 id="board-history-title">{t('parcelBoard.history')}</h2>
      {active.length === 0 ? (
        <p className="page-note">{t('parcelBoard.historyEmpty')}</p>
      ) : (
        <>
          <DayBars days={days} />
          <div className="board-history-table">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('parcelBoard.colDay')}</th>
                  <th scope="col">{t('parcelBoard.colReceived')}</th>
                  <th scope="col">{t('parcelBoard.colDelivered')}</th>
                  <th scope="col">{t('parcelBoard.colPerHour')}</th>
                  <th scope="col">{t('parcelBoard.colMedian')}</th>
                  <th scope="col">{t('parcelBoard.colState')}</th>
                </tr>
              </thead>
              <tbody>
                {[...active].reverse().map((d) => (
                  <HistoryRow key={d.day} d={d} onPick={() => onPickDay(d.day)} />
                ))}
              </tbody>
            </table>
          </div>
          <p className="page-note">{t('parcelBoard.historyNote')}</p>
        </>
      )}
    </section>
  );
}

function HistoryRow({ d, onPick }: { d: TParcelDaySummary; onPick: () => void }) {
  const { t } = useTranslation();
  return (
    <tr data-testid={`history-${d.day}`}>
      <th scope="row">
        <button type="button" className="board-history-day" onClick={onPick}>
          {d.day.slice(5)}
        </button>
      </th>
      <td>{d.received}</td>
      <td>{d.delivered}</td>
      <td>
        {d.deliveredPerVolunteerHour ?? t('parcelBoard.none')}
        <span className="board-history-basis">{t(`parcelBoard.basis.${d.hoursBasis}`)}</span>
      </td>
      <td>
        {d.medianMinutesToBuilding === null
          ? t('parcelBoard.none')
          : t('parcelBoard.minutesShort', { count: Math.round(d.medianMinutesToBuilding) })}
      </td>
      <td className={d.closed ? 'is-closed' : 'is-open'}>
        {d.closed ? t('parcelBoard.stateClosed') : t('parcelBoard.stateOpen')}
        {d.closed && (d.leftOver ?? 0) > 0 && (
          <span className="board-history-basis">{t('parcelBoard.leftOverShort', { count: d.leftOver })}</span>
        )}
      </td>
    </tr>
  );
}

/** Two thin bars per day, oldest left; decorative beside the table, which carries the same figures. */
function DayBars({ days }: { days: TParcelDaySummary[] }) {
  const { t } = useTranslation();
  const top = Math.max(1, ...days.map((d) => Math.max(d.received, d.delivered)));
  const height = (n: number) => `${Math.round((n / top) * 100)}%`;
  return (
    <figure className="board-bars">
      <figcaption>
        {t('parcelBoard.chartTitle')}
        <span className="board-bars-legend">
          <span className="is-received">{t('parcelBoard.chartLegendReceived')}</span>
          <span className="is-delivered">{t('parcelBoard.chartLegendDelivered')}</span>
        </span>
      </figcaption>
      <div className="board-bars-plot" aria-hidden>
        {days.map((d) => (
          <div key={d.day} className="board-bars-day" title={`${d.day}: ${d.received} / ${d.delivered}`}>
            <span className="is-received" style={{ height: height(d.received) }} />
            <span className="is-delivered" style={{ height: height(d.delivered) }} />
          </div>
        ))}
      </div>
      <div className="board-bars-axis" aria-hidden>
        <span>{days[0]?.day.slice(5)}</span>
        <span>{days.at(-1)?.day.slice(5)}</span>
      </div>
    </figure>
  );
}
