import { Button, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_RUNS_CHANGED } from '../../../shared/api/delivery-runs.ts';
import { LIVE_RESYNC } from '../../../shared/api/live-events.ts';
import { PARCELS_RECEIVED, type TParcelBin } from '../../../shared/api/parcels.ts';
import { useParcelBins } from '../../api/parcels.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLiveEvents } from '../../lib/useLiveEvents.ts';
import { useNow } from '../../lib/useNow.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { canWorkParcels } from './parcel-access.ts';
import '../../styles/parcels.css';

export function ParcelBinsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('parcels.binsTitle'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canWorkParcels(membership.roles)) return <Forbidden />;
  return <Bins key={membership.communityId} communityId={membership.communityId} />;
}

function useAge() {
  const { t } = useTranslation();
  const now = useNow(30_000);
  return (iso: string) => {
    const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
    if (minutes < 1) return t('parcels.justArrived');
    const age =
      minutes < 60
        ? t('parcels.minutes', { count: minutes })
        : t('parcels.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
    return t('parcels.oldest', { age });
  };
}

function Bins({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const bins = useParcelBins(communityId);
  const [showEmpty, setShowEmpty] = useState(false);
  const refetch = () => void bins.refetch();
  // Bins empty as runs are confirmed and fill as parcels arrive, whoever does it.
  useLiveEvents(communityId, {
    [PARCELS_RECEIVED]: refetch,
    [DELIVERY_RUNS_CHANGED]: refetch,
    [LIVE_RESYNC]: refetch,
  });

  if (bins.error) return <LoadError error={bins.error} onRetry={refetch} />;
  if (bins.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { unassigned, buildings, receivedToday, waiting } = bins.data;
  const withParcels = buildings.filter((b) => b.waiting > 0);
  const shown = showEmpty ? buildings : withParcels;
  return (
    <div className="page parcel-bins">
      <h1 className="page-title">{t('parcels.binsTitle')}</h1>
      <dl className="bins-totals">
        <div>
          <dt>{t('parcels.receivedToday')}</dt>
          <dd data-testid="received-today">{t('parcels.pieces', { count: receivedToday })}</dd>
        </div>
        <div>
          <dt>{t('parcels.waitingTotal')}</dt>
          <dd data-testid="waiting-total">{t('parcels.pieces', { count: waiting })}</dd>
        </div>
      </dl>
      <BinCard bin={unassigned} label={t('parcels.unassignedBin')} unassigned />
      {unassigned.waiting > 0 && <p className="page-note">{t('parcels.unassignedHint')}</p>}
      <ul className="bin-grid">
        {shown.map((bin) => (
          <li key={bin.buildingId}>
            <BinCard bin={bin} label={t('parcels.building', { code: bin.buildingCode })} />
          </li>
        ))}
      </ul>
      {!showEmpty && buildings.length > withParcels.length && (
        <p className="page-note">
          {t('parcels.emptyBuildings', { count: buildings.length - withParcels.length })}
        </p>
      )}
      <Button size="large" className="big-button" onClick={() => setShowEmpty((on) => !on)}>
        {showEmpty ? t('parcels.hideEmpty') : t('parcels.showEmpty')}
      </Button>
    </div>
  );
}

function BinCard({
  bin,
  label,
  unassigned = false,
}: {
  bin: TParcelBin;
  label: string;
  unassigned?: boolean;
}) {
  const { t } = useTranslation();
  const age = useAge();
  const classes = ['bin-card', unassigned ? 'is-unassigned' : '', bin.waiting === 0 ? 'is-empty' : ''];
  return (
    <section
      className={classes.filter(Boolean).join(' ')}
      aria-label={label}
      data-testid={unassigned ? 'bin-unassigned' : `bin-${bin.buildingCode}`}
    >
      <h2 className="bin-name">{label}</h2>
      <p className="bin-count">
        {bin.waiting > 0 ? t('parcels.pieces', { count: bin.waiting }) : t('parcels.none')}
      </p>
      {bin.oldestReceivedAt && <p className="bin-age">{age(bin.oldestReceivedAt)}</p>}
    </section>
  );
}
