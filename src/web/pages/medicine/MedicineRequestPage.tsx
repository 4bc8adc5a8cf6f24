import { LeftOutlined } from '@ant-design/icons';
import { Alert, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { TMedicineRequestDetail } from '../../../shared/api/medicine.ts';
import type { Role } from '../../../shared/roles.ts';
import { useMedicineRequest } from '../../api/medicine.ts';
import { useLiveMedicine } from '../../api/medicine-work.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useNow } from '../../lib/useNow.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { MedicinePhotos } from './MedicinePhotos.tsx';
import { MedicineStatusActions } from './MedicineStatusActions.tsx';
import { DeadlineText, StatusTag } from './MedicineTags.tsx';
import { MedicineUrgencyPanel } from './MedicineUrgencyPanel.tsx';
import { canAskMedicine, canLeadMedicine, canWorkMedicine } from './medicine-access.ts';
import { formatYuan, urgencyReasonText } from './medicine-format.ts';
import '../../styles/medicine.css';
import '../../styles/medicine-work.css';

const FINISHED = ['confirmed', 'cancelled', 'unavailable'];
/** Delivered: the deadline was met, the household has only to confirm. */
const DEADLINE_MET = ['delivered', ...FINISHED];

/** /medicine/requests/:id: one request in full (the server audits each view), its next steps and history. */
export function MedicineRequestPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('medicineWork.detail.title'));
  const { membership } = useCommunity();
  const { requestId = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!canAskMedicine(membership.roles)) return <Forbidden />;
  return (
    <Details
      key={`${membership.communityId}/${requestId}`}
      communityId={membership.communityId}
      requestId={requestId}
      roles={membership.roles}
    />
  );
}

function Details({
  communityId,
  requestId,
  roles,
}: {
  communityId: string;
  requestId: string;
  roles: readonly Role[];
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const arrived = (location.state ?? {}) as { created?: boolean; photoProblem?: string | null };
  const query = useMedicineRequest(communityId, requestId);
  useLiveMedicine(communityId);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    void query.refetch();
  };
  return (
    <div className="page medicine-request-page">
      <Link to="/medicine" className="medicine-back">
        <LeftOutlined aria-hidden /> {t('medicineWork.detail.back')}
      </Link>
      {arrived.created && (
        <Alert type="success" showIcon role="status" title={t('medicineWork.detail.created')} />
      )}
      {arrived.photoProblem && (
        <Alert
          type="warning"
          showIcon
          title={t('medicineWork.detail.photoProblem', { problem: arrived.photoProblem })}
        />
      )}
      {notice && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={notice}
          closable
          onClose={() => setNotice(null)}
        />
      )}
      {query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Body communityId={communityId} request={query.data} roles={roles} onDone={done} />
      )}
    </div>
  );
}

function Body({
  communityId,
  request,
  roles,
  onDone,
}: {
  communityId: string;
  request: TMedicineRequestDetail;
  roles: readonly Role[];
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow(30_000);
  const at = (iso: string) => formatDateTime(iso, request.timeZone, i18n.language);
  const finished = FINISHED.includes(request.status);
  const r = request;
  return (
    <>
      <h1>
        {r.drugName}
        {r.strength && <span className="medicine-title-strength"> {r.strength}</span>}
      </h1>
      <p className="medicine-row-tags">
        <StatusTag status={r.status} />
        <DeadlineText
          deadlineAt={r.deadlineAt}
          state={r.deadlineState}
          timeZone={r.timeZone}
          now={now}
          finished={DEADLINE_MET.includes(r.status)}
        />
      </p>
      <MedicineStatusActions
        communityId={communityId}
        request={r}
        canAssign={canLeadMedicine(roles)}
        onDone={onDone}
      />
      <dl className="medicine-facts">
        <dt>{t('medicineWork.detail.for')}</dt>
        <dd>
          {t('medicineWork.recipient', {
            building: r.recipient.buildingCode,
            room: r.recipient.room,
            name: r.recipient.name,
          })}
        </dd>
        <dt>{t('medicineWork.detail.quantity')}</dt>
        <dd>{r.quantity}</dd>
        <dt>{t('medicineWork.detail.source')}</dt>
        <dd>{r.source ?? t('medicineWork.anySource')}</dd>
        <dt>{t('medicineWork.detail.supply')}</dt>
        <dd>
          {r.supplyDaysLeft === null
            ? t('medicineWork.detail.supplyUnknown')
            : t('medicineWork.detail.supplyDays', { count: r.supplyDaysLeft })}
          {r.chronic && ` · ${t('medicineWork.detail.chronic')}`}
        </dd>
        <dt>{t('medicineWork.detail.payment')}</dt>
        <dd>{t(`medicineWork.payment.${r.payment}`)}</dd>
        <dt>{t('medicineWork.detail.assignee')}</dt>
        <dd>{r.assignedToName ?? t('medicineWork.unassigned')}</dd>
        <dt>{t('medicineWork.detail.intake')}</dt>
        <dd>
          {t(`medicineWork.intake.${r.intake}`)} · {at(r.createdAt)}
        </dd>
        {r.note && (
          <>
            <dt>{t('medicineWork.detail.note')}</dt>
            <dd>{r.note}</dd>
          </>
        )}
        {r.statusReason && (
          <>
            <dt>{t('medicineWork.detail.statusReason')}</dt>
            <dd>{r.statusReason}</dd>
          </>
        )}
      </dl>
      {(r.bought || r.costCents !== null || r.substitution || r.daysSupplied !== null) && (
        <section className="medicine-section" aria-labelledby="medicine-bought-heading">
          <h2 id="medicine-bought-heading">{t('medicineWork.detail.boughtHeading')}</h2>
          <dl className="medicine-facts">
            {r.bought && (
              <>
                <dt>{t('medicineWork.flow.bought')}</dt>
                <dd>{r.bought}</dd>
              </>
            )}
            {r.costCents !== null && (
              <>
                <dt>{t('medicineWork.detail.cost')}</dt>
                <dd>{t('medicineWork.detail.yuan', { amount: formatYuan(r.costCents) })}</dd>
              </>
            )}
            {r.substitution && (
              <>
                <dt>{t('medicineWork.flow.substitution')}</dt>
                <dd>
                  {r.substitution} ·{' '}
                  {r.substitutionConfirmedAt
                    ? t('medicineWork.detail.substitutionAccepted', { at: at(r.substitutionConfirmedAt) })
                    : t('medicineWork.detail.substitutionPending')}
                </dd>
              </>
            )}
            {r.daysSupplied !== null && (
              <>
                <dt>{t('medicineWork.flow.daysSupplied')}</dt>
                <dd>
                  {t('medicineWork.detail.supplyDays', { count: r.daysSupplied })}
                  {r.nextRunsOutAt && ` · ${t('medicineWork.detail.runsOut', { at: at(r.nextRunsOutAt) })}`}
                </dd>
              </>
            )}
          </dl>
        </section>
      )}
      <MedicineUrgencyPanel
        communityId={communityId}
        request={r}
        canOverride={canLeadMedicine(roles) && !finished}
        onDone={onDone}
      />
      <MedicinePhotos
        communityId={communityId}
        request={r}
        allKinds={canWorkMedicine(roles)}
        onUploaded={() => onDone(t('medicineWork.photos.done'))}
      />
      <section className="medicine-section" aria-labelledby="medicine-history-heading">
        <h2 id="medicine-history-heading">{t('medicineWork.detail.history')}</h2>
        <ol className="medicine-history" data-testid="medicine-history">
          {r.events.map((e) => (
            <li key={e.id}>
              <span className="medicine-history-when">{at(e.at)}</span>
              <span>
                {e.fromStatus
                  ? t('medicineWork.detail.moved', {
                      from: t(`medicineWork.status.${e.fromStatus}`),
                      to: t(`medicineWork.status.${e.toStatus}`),
                    })
                  : t(`medicineWork.status.${e.toStatus}`)}
                {e.byName && ` · ${e.byName}`}
              </span>
              {e.reason && (
                <span className="medicine-history-reason">{urgencyReasonText(t, e.reason, false)}</span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
