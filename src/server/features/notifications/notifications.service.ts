import type {
  TMarkNotificationsRead,
  TNotificationList,
  TNotificationQuery,
} from '../../../shared/api/notifications.ts';
import { renderNotice } from '../../../shared/i18n/notice-messages.ts';
import type { Locale } from '../../../shared/roles.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { notificationActions } from './notifications.policy.ts';
import * as repo from './notifications.repository.ts';

const ownerOf = (actor: Actor) => ({ communityId: actor.communityId!, accountId: actor.account.id });

/** The caller's own notices in this community, newest first, in their language, with the unread count. */
export async function listNotifications(
  deps: AppDeps,
  actor: Actor,
  query: TNotificationQuery,
  locale: Locale,
): Promise<TNotificationList> {
  authorize(actor, notificationActions['notifications.own']);
  const owner = ownerOf(actor);
  const rows = await repo.listOwn(deps.db, owner, { unreadOnly: query.unread, limit: query.limit });
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      ...renderNotice(locale, row.kind, (row.params ?? {}) as Record<string, unknown>),
      link: row.link,
      critical: row.critical,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
    // An owner with no notice listed has none unread either (the unread ones would be listed).
    unread: rows[0]?.unread ?? 0,
  };
}

/**
 * Marks the caller's notices read: those named, or all. Ids that are not the caller's are passed
 * over, not refused, so nobody learns whether someone else's notice exists. Not audited: reading
 * one's own inbox changes nothing anyone else sees.
 */
export async function markNotificationsRead(deps: AppDeps, actor: Actor, input: TMarkNotificationsRead) {
  authorize(actor, notificationActions['notifications.own']);
  const owner = ownerOf(actor);
  const ids = 'ids' in input ? [...new Set(input.ids)] : 'all';
  return deps.db.transaction(async (tx) => {
    const marked = await repo.markRead(tx, owner, ids, deps.clock.now());
    return { marked, unread: await repo.countUnreadIn(tx, owner) };
  });
}
