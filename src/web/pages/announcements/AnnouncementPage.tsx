import { LeftOutlined, StopOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Result, Skeleton } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TAnnouncementDetail } from '../../../shared/api/announcements.ts';
import {
  useAnnouncement,
  useLiveAnnouncements,
  useMarkAnnouncementRead,
  useWithdrawAnnouncement,
} from '../../api/announcements.ts';
import { ApiError } from '../../api/client.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { AnnouncementMeta, AnnouncementTags } from './AnnouncementCard.tsx';
import { ReadReceipts } from './ReadReceipts.tsx';
import '../../styles/announcements.css';

/** /announcements/:id: the text in large type, the image, marked read on opening; receipts for publishers. */
export function AnnouncementPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('announcements.detail.title'));
  const { membership } = useCommunity();
  const { announcementId = '' } = useParams();
  if (!membership) return <NoCommunity />;
  return (
    <Announcement
      key={`${membership.communityId}/${announcementId}`}
      communityId={membership.communityId}
      announcementId={announcementId}
      timeZone={membership.timezone}
    />
  );
}

interface Props {
  communityId: string;
  announcementId: string;
  timeZone: string;
}

function Announcement({ communityId, announcementId, timeZone }: Props) {
  const { t } = useTranslation();
  const query = useAnnouncement(communityId, announcementId);
  useLiveAnnouncements(communityId, true);
  useDocumentTitle(query.data?.title ?? t('announcements.detail.title'));
  const markRead = useMarkAnnouncementRead(communityId, announcementId);
  const marked = useRef(false);
  // Opening it is reading it: once per visit, only when it reached me and I had not read it yet.
  useEffect(() => {
    if (query.data?.read === false && !marked.current) {
      marked.current = true;
      markRead.mutate();
    }
  }, [query.data?.read, markRead]);

  const notFound = query.error instanceof ApiError && query.error.status === 404;
  return (
    <div className="page ann-page ann-detail">
      <Link to="/announcements" className="ann-back">
        <LeftOutlined aria-hidden /> {t('announcements.back')}
      </Link>
      {notFound ? (
        <Result status="404" title={<h1 className="result-title">{t('announcements.detail.notFound')}</h1>} />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <AnnouncementBody communityId={communityId} a={query.data} timeZone={timeZone} />
          {query.data.canManage && <ReadReceipts communityId={communityId} announcementId={announcementId} />}
        </>
      )}
    </div>
  );
}

function AnnouncementBody({
  communityId,
  a,
  timeZone,
}: {
  communityId: string;
  a: TAnnouncementDetail;
  timeZone: string;
}) {
  const { t } = useTranslation();
  return (
    <article className={`ann-article${a.critical ? ' is-critical' : ''}`} aria-labelledby="ann-title">
      <h1 id="ann-title">{a.title}</h1>
      {/* opening it marks it read, so it is not shown as unread here */}
      <AnnouncementTags a={{ ...a, read: a.read === null ? null : true }} />
      <AnnouncementMeta a={a} timeZone={timeZone} />
      {a.imagePath && (
        <img
          className="ann-image"
          src={a.imagePath}
          alt={t('announcements.detail.imageAlt', { title: a.title })}
        />
      )}
      <div className="ann-body">{a.body}</div>
      {a.canManage && a.status === 'published' && <WithdrawButton communityId={communityId} a={a} />}
    </article>
  );
}

function WithdrawButton({ communityId, a }: { communityId: string; a: TAnnouncementDetail }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const withdraw = useWithdrawAnnouncement(communityId, a.id);
  const confirm = () =>
    modal.confirm({
      title: t('announcements.detail.withdraw'),
      content: t('announcements.detail.withdrawConfirm'),
      okText: t('announcements.detail.withdrawOk'),
      cancelText: t('announcements.detail.withdrawCancel'),
      okButtonProps: { size: 'large', danger: true },
      cancelButtonProps: { size: 'large' },
      onOk: () =>
        withdraw.mutateAsync().then(() => void message.success(t('announcements.detail.withdrawn'))),
    });
  return (
    <Button
      size="large"
      danger
      icon={<StopOutlined aria-hidden />}
      onClick={confirm}
      className="ann-withdraw"
    >
      {t('announcements.detail.withdraw')}
    </Button>
  );
}
