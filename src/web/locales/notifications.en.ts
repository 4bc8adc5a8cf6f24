import type { notificationsZhCN } from './notifications.zh-CN.ts';
import type { Catalogue } from './zh-CN.ts';

export const notificationsEn: Catalogue<typeof notificationsZhCN> = {
  notifications: {
    title: 'Notifications',
    bell: 'Notifications',
    bellUnread: 'Notifications, {{count}} unread',
    unreadSummary: '{{count}} unread',
    allReadSummary: 'No unread notifications',
    empty: 'No notifications yet',
    unread: 'Unread',
    markAllRead: 'Mark all as read',
    markedAllRead: 'All marked as read',
    markFailed: 'Could not mark as read: {{message}}',
    today: 'Today',
    tomorrow: 'Tomorrow',
  },
};
