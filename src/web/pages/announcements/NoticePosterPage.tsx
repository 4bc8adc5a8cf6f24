import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { noticeBoardQrUrl, useAnnouncements } from '../../api/announcements.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { joinUrl } from '../../lib/join-link.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';

/**
 * /announcements/poster: the sheet for each building's notice board, as the volunteer call's poster is
 * made (A4, big type, a QR code that scans from a step back), leading to the public notice page.
 */
export function NoticePosterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('announcements.posterPage.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  return (
    <Poster
      key={membership.communityId}
      communityId={membership.communityId}
      communityName={membership.communityName}
    />
  );
}

function Poster({ communityId, communityName }: { communityId: string; communityName: string }) {
  const { t } = useTranslation();
  const list = useAnnouncements(communityId, false);
  if (list.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data.canPublish) return <Forbidden />;
  // the same origin the server prints into the QR code (LINLI_PUBLIC_URL aside), as for the call poster
  const url = joinUrl(list.data.publicPath);
  return (
    <div className="page poster-page">
      <div className="page-actions no-print">
        <Link className="button-link" to="/announcements">
          <ArrowLeftOutlined aria-hidden />
          {t('announcements.back')}
        </Link>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t('announcements.posterPage.print')}
        </Button>
      </div>
      <article className="poster-sheet" aria-labelledby="poster-title">
        <p className="poster-community">{communityName}</p>
        <h1 id="poster-title" className="poster-title">
          {t('announcements.title')}
        </h1>
        <p className="poster-scan">{t('announcements.posterPage.scan')}</p>
        <img
          className="poster-qr"
          src={noticeBoardQrUrl(communityId)}
          alt={t('announcements.posterPage.scan')}
        />
        <ol className="poster-steps">
          <li>{t('announcements.posterPage.step1')}</li>
          <li>{t('announcements.posterPage.step2')}</li>
          <li>{t('announcements.posterPage.step3')}</li>
        </ol>
        <p className="poster-link">
          {t('announcements.posterPage.orOpen')}
          <span className="poster-url">{url}</span>
        </p>
      </article>
    </div>
  );
}
