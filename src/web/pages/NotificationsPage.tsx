import { App, Button, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TNotification } from '../../shared/api/notifications.ts';
import { errorMessage } from '../api/client.ts';
import { useMarkNotificationsRead, useNotifications } from '../api/notifications.ts';
import { LoadError } from '../components/LoadError.tsx';
import { currentLocale } from '../i18n/index.ts';
import { formatMoment } from '../lib/shift-time.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useNow } from '../lib/useNow.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import { canManageNotices } from './notifications/notice-access.ts';
import '../styles/notifications.css';
import '../styles/notice-settings.css';

export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  return (
    <Notifications
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
      manages={canManageNotices(membership.roles)}
    />
  );
}

function Notifications({
  communityId,
  timeZone,
  manages,
}: {
  communityId: string;
  timeZone: string;
  /** the secretary and staff also get the way to the gateway and the failed notices */
  manages: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const locale = currentLocale();
  const now = useNow(60_000);
  const list = useNotifications(communityId, locale);
  const mark = useMarkNotificationsRead(communityId);
  const unread = list.data?.unread ?? 0;
  const words = { today: t('notifications.today'), tomorrow: t('notifications.tomorrow') };
  const failed = (error: unknown) =>
    void message.error(t('notifications.markFailed', { message: errorMessage(error) }));

  // Reading a notice marks it read; a notice about something opens that thing.
  const open = (notice: TNotification) => {
    if (!notice.readAt) mark.mutate({ ids: [notice.id] }, { onError: failed });
    if (notice.link?.startsWith('/')) navigate(notice.link);
  };
  const markAll = () =>
    mark.mutate(
      { all: true },
      { onSuccess: () => void message.success(t('notifications.markedAllRead')), onError: failed },
    );

  return (
    <div className="page page-narrow">
      <div className="notifications-head">
        <h1 className="page-title">{t('notifications.title')}</h1>
        {unread > 0 && (
          <Button size="large" onClick={markAll} loading={mark.isPending}>
            {t('notifications.markAllRead')}
          </Button>
        )}
      </div>
      <div className="notifications-links">
        <Link to="/settings/notifications" className="button-link">
          {t('noticeSettings.settingsLink')}
        </Link>
        {manages && (
          <Link to="/admin/notices" className="button-link">
            {t('noticeSettings.adminLink')}
          </Link>
        )}
      </div>
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : list.error && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <div className="panel">
          <Empty description={t('notifications.empty')} />
        </div>
      ) : (
        <>
          <p className="page-note" aria-live="polite">
            {unread > 0
              ? t('notifications.unreadSummary', { count: unread })
              : t('notifications.allReadSummary')}
          </p>
          <ul className="notification-list">
            {list.data.items.map((notice) => (
              <li key={notice.id}>
                <button
                  type="button"
                  className={notice.readAt ? 'notification-item' : 'notification-item is-unread'}
                  onClick={() => open(notice)}
                  data-testid="notification"
                >
                  <span className="notification-title">
                    {!notice.readAt && (
                      <span className="notification-unread">{t('notifications.unread')}</span>
                    )}
                    {notice.title}
                  </span>
                  {notice.body && <span>{notice.body}</span>}
                  <time className="notification-time" dateTime={notice.createdAt}>
                    {formatMoment(notice.createdAt, timeZone, locale, now, words)}
                  </time>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
