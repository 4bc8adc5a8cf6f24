import { and, eq } from 'drizzle-orm';
import { announcementImagePath } from '../../../shared/api/announcements.ts';
import { announcementImages, announcements } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { ImageRejected, stripImageMetadata } from '../medicine/image-metadata.ts';
import { publishAnnouncementChange } from './announcement-events.ts';
import { findImage } from './announcements.repository.ts';
import { authorizeAnnouncements } from './announcements-access.ts';
import { getAnnouncement } from './announcements-reading.service.ts';

/**
 * uploadAnnouncementImage: the one picture of an announcement (a second upload replaces it), checked by
 * its bytes and stored without its metadata, exactly as medicine photos are (a phone's photo of a notice
 * carries where it was taken). Those who publish add it after publishing.
 */
export async function uploadAnnouncementImage(
  deps: AppDeps,
  actor: Actor,
  announcementId: string,
  data: Uint8Array,
) {
  const standing = await authorizeAnnouncements(deps, actor, 'announcements.publish');
  const { communityId } = standing;
  if (data.length === 0) throw new AppError('ANNOUNCEMENT_IMAGE_EMPTY');
  let image: ReturnType<typeof stripImageMetadata>;
  try {
    image = stripImageMetadata(data);
  } catch (err) {
    if (!(err instanceof ImageRejected)) throw err;
    throw new AppError(
      err.reason === 'not_image' ? 'ANNOUNCEMENT_IMAGE_NOT_IMAGE' : 'ANNOUNCEMENT_IMAGE_DAMAGED',
    );
  }
  return deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ title: announcements.title, status: announcements.status })
      .from(announcements)
      .where(and(eq(announcements.communityId, communityId), eq(announcements.id, announcementId)))
      .for('update');
    if (!found) throw notFound('announcement');
    if (found.status === 'withdrawn') throw new AppError('ANNOUNCEMENT_WITHDRAWN');
    const stored = {
      mimeType: image.mimeType,
      bytes: image.content.length,
      content: image.content,
    };
    await tx
      .insert(announcementImages)
      .values({ communityId, announcementId, ...stored })
      .onConflictDoUpdate({
        target: [announcementImages.communityId, announcementImages.announcementId],
        set: stored,
      });
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'announcement.image',
      targetType: 'announcement',
      targetId: announcementId,
      params: { title: found.title },
    });
    await publishAnnouncementChange(tx, communityId, announcementId, 'image');
    return {
      announcementId,
      mimeType: image.mimeType,
      bytes: image.content.length,
      imagePath: announcementImagePath(communityId, announcementId),
    };
  });
}

/** The picture, to whoever may open the announcement (404 to anyone else, as for the text). */
export async function getAnnouncementImage(deps: AppDeps, actor: Actor, announcementId: string) {
  await getAnnouncement(deps, actor, announcementId);
  const image = await findImage(deps.db, actor.communityId!, announcementId);
  if (!image) throw notFound('announcement');
  return image;
}
