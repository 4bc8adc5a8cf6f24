import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { publicNoticesPath, type TPublicAnnouncementList } from '../../../shared/api/announcements.ts';
import { communities } from '../../db/schema/index.ts';
import { notFound } from '../../platform/app-error.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { presentPublic } from './announcements.presenter.ts';
import { findImage, listPublicAnnouncements } from './announcements.repository.ts';
import { authorizeAnnouncements } from './announcements-access.ts';
import { targetLabels } from './audience.repository.ts';

async function communityBySlug(deps: AppDeps, slug: string) {
  const [community] = await deps.db
    .select({ id: communities.id, name: communities.name, timezone: communities.timezone })
    .from(communities)
    .where(eq(communities.slug, slug));
  if (!community) throw notFound('community');
  return community;
}

/**
 * The public notice board of a community (no sign-in): published, public and unexpired announcements
 * only, with nothing about who published or read them. For residents without an account, and printable.
 */
export async function listPublicNotices(deps: AppDeps, slug: string): Promise<TPublicAnnouncementList> {
  const community = await communityBySlug(deps, slug);
  const rows = await listPublicAnnouncements(deps.db, community.id, deps.clock.now());
  const labels = await targetLabels(
    deps.db,
    community.id,
    rows.flatMap((r) => r.audienceIds),
  );
  return {
    communityName: community.name,
    timezone: community.timezone,
    items: rows.map((row) => presentPublic(slug, row, labels)),
  };
}

/** A public notice's picture; 404 once it is withdrawn, expired or not public. */
export async function getPublicNoticeImage(deps: AppDeps, slug: string, announcementId: string) {
  const community = await communityBySlug(deps, slug);
  const [row] = await listPublicAnnouncements(deps.db, community.id, deps.clock.now(), announcementId);
  const image = row ? await findImage(deps.db, community.id, announcementId) : undefined;
  if (!image) throw notFound('announcement');
  return image;
}

/** The QR code of the public notice page, for the poster on each building's notice board. */
export async function noticeBoardQr(deps: AppDeps, actor: Actor, origin: string) {
  await authorizeAnnouncements(deps, actor, 'announcements.publish');
  const [community] = await deps.db
    .select({ slug: communities.slug })
    .from(communities)
    .where(eq(communities.id, actor.communityId!));
  return QRCode.toBuffer(`${origin}${publicNoticesPath(community!.slug)}`, {
    type: 'png',
    width: 600,
    margin: 2,
    errorCorrectionLevel: 'M',
  });
}
