import { LeftOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Empty, Segmented, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TMedicineTrip } from '../../../shared/api/medicine-work.ts';
import { errorMessage } from '../../api/client.ts';
import { useLiveMedicine, useMedicineTrips, usePlanMedicineTrips } from '../../api/medicine-work.ts';
import { useSession } from '../../api/session.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { StatusTag, UrgencyTag } from './MedicineTags.tsx';
import { canLeadMedicine, canWorkMedicine } from './medicine-access.ts';
import '../../styles/medicine.css';
import '../../styles/medicine-work.css';

/** /medicine/trips: open requests grouped by hospital or pharmacy, one drive each. Leaders plan them. */
export function MedicineTripsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('medicineWork.trips.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canWorkMedicine(membership.roles)) return <Forbidden />;
  return (
    <Trips
      key={membership.communityId}
      communityId={membership.communityId}
      leader={canLeadMedicine(membership.roles)}
    />
  );
}

function Trips({ communityId, leader }: { communityId: string; leader: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const me = useSession().data?.session?.account.id;
  const [status, setStatus] = useState<'open' | 'all'>('open');
  // A driver opens the page for their own trips; leaders see every trip.
  const [whose, setWhose] = useState<'mine' | 'all'>(leader ? 'all' : 'mine');
  const trips = useMedicineTrips(communityId, status);
  const plan = usePlanMedicineTrips(communityId);
  useLiveMedicine(communityId);
  const shown = (trips.data?.trips ?? []).filter((trip) => whose === 'all' || trip.driver === me);

  const planNow = async () => {
    try {
      const planned = await plan.mutateAsync({ driverAccountId: null });
      void message.success(t('medicineWork.trips.planned', { count: planned.trips.length }));
    } catch {
      // shown from plan.error
    }
  };

  return (
    <div className="page medicine-trips-page">
      <Link to="/medicine" className="medicine-back">
        <LeftOutlined aria-hidden /> {t('medicineWork.detail.back')}
      </Link>
      <h1>{t('medicineWork.trips.title')}</h1>
      {leader && (
        <div className="medicine-plan">
          <p className="medicine-hint">{t('medicineWork.trips.planHint')}</p>
          <Button type="primary" size="large" loading={plan.isPending} onClick={() => void planNow()}>
            {t('medicineWork.trips.plan')}
          </Button>
          {plan.error && <Alert type="error" showIcon role="alert" title={errorMessage(plan.error)} />}
        </div>
      )}
      <div className="medicine-filters">
        <Segmented
          size="large"
          value={whose}
          onChange={(v) => setWhose(v as 'mine' | 'all')}
          aria-label={t('medicineWork.trips.whose')}
          options={[
            { value: 'mine', label: t('medicineWork.trips.mine') },
            { value: 'all', label: t('medicineWork.trips.everyone') },
          ]}
        />
        <Segmented
          size="large"
          value={status}
          onChange={(v) => setStatus(v as 'open' | 'all')}
          aria-label={t('medicineWork.trips.which')}
          options={[
            { value: 'open', label: t('medicineWork.trips.open') },
            { value: 'all', label: t('medicineWork.trips.all') },
          ]}
        />
      </div>
      {trips.isError ? (
        <LoadError error={trips.error} onRetry={() => void trips.refetch()} />
      ) : trips.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : shown.length === 0 ? (
        <Empty
          description={t(whose === 'mine' ? 'medicineWork.trips.noneMine' : 'medicineWork.trips.none')}
        />
      ) : (
        <ul className="medicine-trips">
          {shown.map((trip) => (
            <TripCard key={trip.id} trip={trip} timeZone={trips.data.timeZone} />
          ))}
        </ul>
      )}
    </div>
  );
}

function TripCard({ trip, timeZone }: { trip: TMedicineTrip; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const place = trip.kind === 'any' || !trip.source ? t('medicineWork.trips.anyPlace') : trip.source;
  return (
    <li className={`medicine-trip is-${trip.urgency}`} data-testid="medicine-trip">
      <h2>{place}</h2>
      <p className="medicine-row-tags">
        <UrgencyTag urgency={trip.urgency} />
        <Tag>{t(`medicineWork.trips.status.${trip.status}`)}</Tag>
        <span>{t('medicineWork.trips.count', { count: trip.requests.length })}</span>
      </p>
      <p>
        {t('medicineWork.trips.earliest', { at: formatDateTime(trip.deadlineAt, timeZone, i18n.language) })}
        {' · '}
        {trip.driverName
          ? t('medicineWork.trips.driver', { name: trip.driverName })
          : t('medicineWork.trips.noDriver')}
      </p>
      <ul className="medicine-trip-requests">
        {trip.requests.map((r) => (
          <li key={r.id}>
            <Link to={`/medicine/requests/${r.id}`}>
              {r.drugName}
              {r.strength && ` ${r.strength}`} × {r.quantity}
            </Link>
            <span>
              {t('medicineWork.recipient', {
                building: r.recipient.buildingCode,
                room: r.recipient.room,
                name: r.recipient.name,
              })}
            </span>
            <span className="medicine-row-tags">
              <UrgencyTag urgency={r.urgency} />
              <StatusTag status={r.status} />
              <span>{t(`medicineWork.payment.${r.payment}`, { defaultValue: r.payment })}</span>
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}
