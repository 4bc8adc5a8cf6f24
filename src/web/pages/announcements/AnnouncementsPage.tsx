import { GlobalOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Empty, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAnnouncements, useLiveAnnouncements } from '../../api/announcements.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { AnnouncementCard } from './AnnouncementCard.tsx';
import '../../styles/announcements.css';

/** /announcements: what reached me (everything, for those who publish), pinned first, unread in bold. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('announcements.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  return (
    <Announcements
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

function Announcements({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const [past, setPast] = useState(false);
  const list = useAnnouncements(communityId, past);
  useLiveAnnouncements(communityId);
  const items = list.data?.items ?? [];
  return (
    <div className="page ann-page">
      <div className="ann-head">
        <h1>{t('announcements.title')}</h1>
        {list.data?.canPublish && (
          <div className="ann-actions">
            <Link to="/announcements/new" className="button-link button-link-primary button-link-large">
              <PlusOutlined aria-hidden /> {t('announcements.new')}
            </Link>
            <Link to="/announcements/poster" className="button-link button-link-large">
              <PrinterOutlined aria-hidden /> {t('announcements.poster')}
            </Link>
            <a href={list.data.publicPath} className="button-link button-link-large">
              <GlobalOutlined aria-hidden /> {t('announcements.publicPage')}
            </a>
          </div>
        )}
      </div>
      <Segmented
        size="large"
        block
        value={past ? 'past' : 'current'}
        onChange={(v) => setPast(v === 'past')}
        aria-label={t('announcements.show')}
        options={[
          { value: 'current', label: t('announcements.showCurrent') },
          { value: 'past', label: t('announcements.showPast') },
        ]}
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 ? (
        <Empty description={t('announcements.empty')} />
      ) : (
        <ul className="ann-list" aria-label={t('announcements.listLabel')}>
          {items.map((a) => (
            <li key={a.id}>
              <AnnouncementCard a={a} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
