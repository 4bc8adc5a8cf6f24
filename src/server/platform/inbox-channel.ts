import { NOTIFICATIONS_NEW } from '../../shared/api/notifications.ts';
import { notifications } from '../db/schema/index.ts';
import { publishLive } from './live-events.ts';
import type { NoticeChannel } from './notice-channels.ts';

export const INBOX_CHANNEL = 'inbox';

/**
 * The in-app inbox, every notice's first channel. The inbox row takes the outbox row's id, so a
 * second delivery of the same row (a crash after the insert, before the row was marked delivered)
 * adds nothing: at-least-once delivery, exactly one inbox row. The bell is told on commit.
 */
export const inboxChannel: NoticeChannel = {
  name: INBOX_CHANNEL,
  async deliver(deps, row) {
    await deps.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(notifications)
        .values({
          communityId: row.communityId,
          id: row.id,
          accountId: row.accountId,
          kind: row.kind,
          params: row.params,
          link: row.link,
          critical: row.critical,
          createdAt: row.createdAt,
        })
        .onConflictDoNothing()
        .returning({ id: notifications.id });
      if (inserted.length === 0) return;
      await publishLive(tx, {
        communityId: row.communityId,
        type: NOTIFICATIONS_NEW,
        data: { accountId: row.accountId },
      });
    });
  },
};
