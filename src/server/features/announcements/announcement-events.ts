import { ANNOUNCEMENTS_CHANGED } from '../../../shared/api/announcements.ts';
import { publishLive } from '../../platform/live-events.ts';
import type { Executor } from './announcements.repository.ts';

/**
 * Tells every open list and page of the community that an announcement was published, withdrawn or
 * given its image, inside the transaction of the change: they refetch (events carry ids, not text).
 */
export async function publishAnnouncementChange(
  tx: Pick<Executor, 'execute'>,
  communityId: string,
  announcementId: string,
  change: 'published' | 'withdrawn' | 'image',
) {
  await publishLive(tx, { communityId, type: ANNOUNCEMENTS_CHANGED, data: { announcementId, change } });
}
