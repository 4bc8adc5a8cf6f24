import { Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { readParcelNote, type TParcel } from '../../../shared/api/parcels.ts';
import { useRecentParcels } from '../../api/parcels.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { wallClock } from '../../lib/time.ts';

/** What the note of an unassigned parcel says, in the reader's language. */
export function useParcelNote() {
  const { t } = useTranslation();
  return (parcel: Pick<TParcel, 'note'>) => {
    const note = readParcelNote(parcel.note);
    if (!note) return null;
    return note.kind ? t(`parcels.note.${note.kind}`, { typed: note.typed }) : note.typed;
  };
}

/** The last parcels recorded in the community, newest first: the gate sees each one land. */
export function RecentParcels({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const recent = useRecentParcels(communityId);
  const noteOf = useParcelNote();
  return (
    <section className="recent-parcels" aria-labelledby="recent-parcels-title">
      <h2 id="recent-parcels-title">{t('parcels.recent')}</h2>
      {recent.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : recent.error ? (
        <LoadError error={recent.error} onRetry={() => void recent.refetch()} />
      ) : recent.data.length === 0 ? (
        <Empty description={t('parcels.recentEmpty')} />
      ) : (
        <ul data-testid="recent-parcels">
          {recent.data.map((parcel) => {
            const note = noteOf(parcel);
            return (
              <li key={parcel.id} className={parcel.buildingId ? undefined : 'is-unassigned'}>
                <span className={parcel.waybill ? 'recent-waybill is-waybill' : 'recent-waybill'}>
                  {parcel.waybill ?? t('parcels.batchParcel')}
                </span>
                <span className="recent-bin">
                  {parcel.buildingCode
                    ? t('parcels.building', { code: parcel.buildingCode })
                    : t('parcels.unassigned')}
                  {parcel.room ? ` ${parcel.room}` : ''}
                </span>
                <time className="recent-time" dateTime={parcel.receivedAt}>
                  {wallClock(parcel.receivedAt, timeZone).time}
                </time>
                {note && <span className="recent-note">{note}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
