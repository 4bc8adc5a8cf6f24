import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TVolunteerCall } from '../../shared/api/volunteers.ts';
import { qrCodeUrl, useVolunteerCalls } from '../api/volunteers.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { isCoordinator } from '../lib/access.ts';
import { joinUrl } from '../lib/join-link.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';

/** A sheet for the notice board and the lift doors: A4, big type, a QR code that scans from a step back. */
export function CallPosterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('poster.title'));
  const { callId = '' } = useParams();
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!isCoordinator(membership.roles)) return <Forbidden />;
  return (
    <PosterLoader
      key={membership.communityId}
      communityId={membership.communityId}
      communityName={membership.communityName}
      callId={callId}
    />
  );
}

function PosterLoader({
  communityId,
  communityName,
  callId,
}: {
  communityId: string;
  communityName: string;
  callId: string;
}) {
  const { t } = useTranslation();
  const calls = useVolunteerCalls(communityId);
  const call = calls.data?.find((c) => c.id === callId);
  return (
    <div className="page poster-page">
      <div className="page-actions no-print">
        <Link className="button-link" to="/volunteer-calls">
          <ArrowLeftOutlined aria-hidden />
          {t('poster.back')}
        </Link>
        <Button
          type="primary"
          icon={<PrinterOutlined aria-hidden />}
          disabled={!call}
          onClick={() => window.print()}
        >
          {t('poster.print')}
        </Button>
      </div>
      {calls.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : calls.error ? (
        <LoadError error={calls.error} onRetry={() => void calls.refetch()} />
      ) : !call ? (
        <Result status="404" title={<h1 className="result-title">{t('poster.notFound')}</h1>} />
      ) : (
        <>
          {call.closedAt && (
            <Alert className="no-print" type="warning" showIcon title={t('poster.closedNote')} />
          )}
          <Poster communityId={communityId} communityName={communityName} call={call} />
        </>
      )}
    </div>
  );
}

function Poster({
  communityId,
  communityName,
  call,
}: {
  communityId: string;
  communityName: string;
  call: TVolunteerCall;
}) {
  const { t } = useTranslation();
  const url = joinUrl(call.path);
  return (
    <article className="poster-sheet" aria-labelledby="poster-title">
      <p className="poster-community">{communityName}</p>
      <h1 id="poster-title" className="poster-title">
        {call.title}
      </h1>
      <p className="poster-scan">{t('poster.scan')}</p>
      <img
        className="poster-qr"
        src={qrCodeUrl(communityId, call.id)}
        alt={t('volunteerCalls.qrAlt', { title: call.title })}
      />
      <ol className="poster-steps">
        <li>{t('poster.step1')}</li>
        <li>{t('poster.step2')}</li>
        <li>{t('poster.step3')}</li>
      </ol>
      <p className="poster-link">
        {t('poster.orOpen')}
        <span className="poster-url">{url}</span>
      </p>
    </article>
  );
}
