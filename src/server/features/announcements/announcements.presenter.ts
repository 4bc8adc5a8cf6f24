import {
  announcementImagePath,
  publicAnnouncementImagePath,
  type TAnnouncementAudience,
  type TAnnouncementDetail,
  type TAnnouncementSummary,
  type TPublicAnnouncement,
} from '../../../shared/api/announcements.ts';
import type { AnnouncementRow, listPublicAnnouncements } from './announcements.repository.ts';

const PREVIEW_CHARS = 120;

/** The first lines of a text, cut at a character (never inside a surrogate pair) with an ellipsis. */
export function previewOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= PREVIEW_CHARS ? flat : `${chars.slice(0, PREVIEW_CHARS).join('')}…`;
}

const targetsOf = (ids: readonly string[], labels: ReadonlyMap<string, string>) =>
  ids.flatMap((id) => {
    const label = labels.get(id);
    return label === undefined ? [] : [{ id, label }];
  });

export function presentSummary(
  row: AnnouncementRow,
  labels: ReadonlyMap<string, string>,
  now: Date,
  manages: boolean,
): TAnnouncementSummary {
  return {
    id: row.id,
    title: row.title,
    preview: previewOf(row.body),
    audience: row.audience as TAnnouncementAudience,
    targets: targetsOf(row.audienceIds, labels),
    pinned: row.pinned,
    critical: row.critical,
    isPublic: row.isPublic,
    relay: row.relay,
    hasImage: row.hasImage,
    status: row.status === 'withdrawn' ? 'withdrawn' : 'published',
    publishedAt: row.publishedAt.toISOString(),
    publishedByName: row.publishedByName,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime(),
    read: row.read,
    reach: manages ? { reached: row.reached, read: row.readCount } : null,
  };
}

export function presentDetail(
  communityId: string,
  row: AnnouncementRow,
  labels: ReadonlyMap<string, string>,
  now: Date,
  manages: boolean,
): TAnnouncementDetail {
  return {
    ...presentSummary(row, labels, now, manages),
    body: row.body,
    imagePath: row.hasImage ? announcementImagePath(communityId, row.id) : null,
    canManage: manages,
  };
}

type PublicRow = Awaited<ReturnType<typeof listPublicAnnouncements>>[number];

/** Only what was posted for everyone to read: no publisher, no reach, no reading. */
export function presentPublic(
  slug: string,
  row: PublicRow,
  labels: ReadonlyMap<string, string>,
): TPublicAnnouncement {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    audience: row.audience as TAnnouncementAudience,
    targets: targetsOf(row.audienceIds, labels).map(({ label }) => ({ label })),
    pinned: row.pinned,
    critical: row.critical,
    publishedAt: row.publishedAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    imagePath: row.hasImage ? publicAnnouncementImagePath(slug, row.id) : null,
  };
}
