// The bell and the notifications page; spread into zh-CN.ts.
export const notificationsZhCN = {
  notifications: {
    title: '通知',
    bell: '通知',
    bellUnread: '通知，{{count}} 条未读',
    unreadSummary: '{{count}} 条未读',
    allReadSummary: '没有未读通知',
    empty: '还没有通知',
    unread: '未读',
    markAllRead: '全部标为已读',
    markedAllRead: '已全部标为已读',
    markFailed: '没能标为已读：{{message}}',
    today: '今天',
    tomorrow: '明天',
  },
};
