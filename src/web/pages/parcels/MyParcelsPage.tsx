import { Alert, App, Button, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TMyParcel } from '../../../shared/api/parcel-rides.ts';
import { errorMessage } from '../../api/client.ts';
import { useConfirmPickup, useLiveParcelStatus, useMyParcels } from '../../api/parcel-rides.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { hasOwnParcels } from './ride-access.ts';
import { momentOf, tailsOf } from './ride-format.ts';
import '../../styles/parcel-rides.css';

/** A household's parcels, the pickup code large enough for anyone to read, and "I picked them up". */
export function MyParcelsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('parcelRides.mine.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!hasOwnParcels(membership.roles)) return <Forbidden />;
  return (
    <MyParcels
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

/** Parcels waiting at a building under one code: what one trip downstairs collects. */
function waitingByCode(parcels: readonly TMyParcel[]) {
  const groups = new Map<string, TMyParcel[]>();
  for (const p of parcels.filter((p) => p.status === 'delivered')) {
    const key = `${p.buildingCode}/${p.pickupCode}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()];
}

function MyParcels({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const mine = useMyParcels(communityId);
  useLiveParcelStatus(communityId);

  if (mine.error && !mine.data) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  const { households, parcels, relayBuildings } = mine.data;
  const waiting = waitingByCode(parcels);
  const onTheWay = parcels.filter((p) => p.status === 'waiting' || p.status === 'on_run');
  const collected = parcels.filter((p) => p.status === 'picked_up' || p.status === 'left_over');
  return (
    <div className="page my-parcels">
      <h1 className="page-title">{t('parcelRides.mine.title')}</h1>
      {households.length === 0 ? (
        <p className="panel">{t('parcelRides.mine.noHousehold')}</p>
      ) : (
        <p className="my-home">
          {households
            .map((h) => t('parcelRides.mine.home', { building: h.buildingCode, room: h.room }))
            .join('；')}
        </p>
      )}
      {waiting.map((group) => (
        <WaitingParcels
          key={`${group[0]!.buildingCode}/${group[0]!.pickupCode}`}
          communityId={communityId}
          timeZone={timeZone}
          parcels={group}
        />
      ))}
      {households.length > 0 && parcels.length === 0 && <p className="panel">{t('parcelRides.mine.none')}</p>}
      {onTheWay.length > 0 && (
        <section className="panel" aria-labelledby="my-on-the-way">
          <h2 id="my-on-the-way">{t('parcelRides.mine.onTheWay')}</h2>
          <ParcelList parcels={onTheWay} timeZone={timeZone} locale={locale} />
        </section>
      )}
      {collected.length > 0 && (
        <section className="panel" aria-labelledby="my-collected">
          <h2 id="my-collected">{t('parcelRides.mine.history')}</h2>
          <ParcelList parcels={collected} timeZone={timeZone} locale={locale} />
        </section>
      )}
      {relayBuildings.map((b) => (
        <Link key={b.id} className="relay-link" to={`/parcels/pickup?building=${b.id}`}>
          {t('parcelRides.mine.relayLink', { code: b.code })}
        </Link>
      ))}
    </div>
  );
}

function WaitingParcels(props: { communityId: string; timeZone: string; parcels: TMyParcel[] }) {
  const { communityId, timeZone, parcels } = props;
  const { t } = useTranslation();
  const locale = currentLocale();
  const confirm = useConfirmPickup(communityId);
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const first = parcels[0]!;
  const reminded = parcels.some((p) => p.reminded);
  const titleId = `waiting-${first.pickupCode}`;
  return (
    <section className={`panel my-waiting${reminded ? ' is-reminded' : ''}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('parcelRides.mine.waitingTitle')}</h2>
      <p className="my-waiting-where">
        {t('parcelRides.building', { code: first.buildingCode })} ·{' '}
        {t('parcelRides.pieces', { count: parcels.length })}
      </p>
      <div className="pickup-code-box">
        <span className="pickup-code-label">{t('parcelRides.pickupCode')}</span>
        <strong className="pickup-code" data-testid="pickup-code">
          {first.pickupCode}
        </strong>
      </div>
      <p className="my-waiting-hint">{t('parcelRides.mine.codeHint')}</p>
      <p className="my-waiting-tails">
        {tailsOf(t, parcels)} ·{' '}
        {t('parcelRides.mine.deliveredAt', { time: momentOf(first.deliveredAt!, timeZone, locale) })}
      </p>
      {reminded && <Alert type="warning" showIcon title={t('parcelRides.mine.reminded')} />}
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}
      <Button
        type="primary"
        size="large"
        block
        className="big-button"
        loading={confirm.isPending}
        onClick={() =>
          confirm.mutate(
            { by: 'household', parcelIds: parcels.map((p) => p.id) },
            {
              onSuccess: () => void message.success(t('parcelRides.mine.pickedUpDone')),
              onError: (error) => setFailure(errorMessage(error)),
            },
          )
        }
      >
        {t('parcelRides.mine.pickedUp')}
      </Button>
    </section>
  );
}

function ParcelList({
  parcels,
  timeZone,
  locale,
}: {
  parcels: TMyParcel[];
  timeZone: string;
  locale: string;
}) {
  const { t } = useTranslation();
  const when = (p: TMyParcel) =>
    p.pickedUpAt
      ? t('parcelRides.mine.pickedUpAt', { time: momentOf(p.pickedUpAt, timeZone, locale) })
      : t('parcelRides.mine.receivedAt', { time: momentOf(p.receivedAt, timeZone, locale) });
  return (
    <ul className="my-parcel-list">
      {parcels.map((p) => (
        <li key={p.id}>
          <span className="my-parcel-waybill">{p.waybill ?? t('parcelRides.noWaybill')}</span>
          <span className="my-parcel-status">{t(`parcelRides.mine.status.${p.status}`)}</span>
          <span className="my-parcel-when">{when(p)}</span>
        </li>
      ))}
    </ul>
  );
}
