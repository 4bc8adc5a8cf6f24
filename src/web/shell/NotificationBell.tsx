import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useUnreadCount } from '../api/notifications.ts';
import { useCommunity } from './CommunityContext.tsx';
import '../styles/notifications.css';

/** The bell in the header: the unread count at a glance (live), one tap to the notices. */
export function NotificationBell() {
  const { membership } = useCommunity();
  if (!membership) return null;
  return <Bell key={membership.communityId} communityId={membership.communityId} />;
}

function Bell({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const count = useUnreadCount(communityId).data ?? 0;
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      aria-current={pathname === '/notifications' ? 'page' : undefined}
      data-testid="notification-bell"
    >
      <BellOutlined aria-hidden />
      {count > 0 && (
        <span className="bell-count" aria-hidden>
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
