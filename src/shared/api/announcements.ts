import { z } from 'zod';
import { ZUuid, zText } from './common.ts';

/** Live event: an announcement was published, withdrawn or given an image ({ announcementId, change }). */
export const ANNOUNCEMENTS_CHANGED = 'announcements.changed';
/** Live event: someone read an announcement ({ announcementId }); receipts pages refetch. Coalesced. */
export const ANNOUNCEMENT_READ = 'announcements.read';

export const ANNOUNCEMENT_AUDIENCES = ['all', 'zones', 'buildings', 'group', 'vulnerable'] as const;
export const ZAnnouncementAudience = z.enum(ANNOUNCEMENT_AUDIENCES);
export type TAnnouncementAudience = z.infer<typeof ZAnnouncementAudience>;

export const ANNOUNCEMENT_TITLE_MAX = 80;
export const ANNOUNCEMENT_BODY_MAX = 5000;
export const ANNOUNCEMENT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Audiences that never go on the public page: they are about (or for) particular people. */
export const PRIVATE_AUDIENCES: readonly TAnnouncementAudience[] = ['group', 'vulnerable'];

const ZInstant = z.iso.datetime({ offset: true });
const ZBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * publishAnnouncement. `audienceIds` names the zones, the buildings, or the one group; it is ignored for
 * everyone and the vulnerable. Whether the ids exist here, and that the expiry is still ahead, the server
 * checks against the community and its clock (400 naming the field).
 */
export const ZPublishAnnouncement = z.object({
  title: zText(ANNOUNCEMENT_TITLE_MAX),
  body: zText(ANNOUNCEMENT_BODY_MAX),
  audience: ZAnnouncementAudience,
  audienceIds: z.array(ZUuid).max(500).default([]),
  pinned: z.boolean().default(false),
  expiresAt: ZInstant.nullable().default(null),
  critical: z.boolean().default(false),
  /** ask each targeted building's relay contact (楼组长) to pass it on */
  relay: z.boolean().default(true),
  /** also on the community's public page; always off for a group or the vulnerable */
  public: z.boolean().default(true),
});
export type TPublishAnnouncement = z.input<typeof ZPublishAnnouncement>;
export type TPublishAnnouncementParsed = z.output<typeof ZPublishAnnouncement>;

export const ZAnnouncementParams = z.object({ communityId: ZUuid, announcementId: ZUuid });
export const ZPublicCommunityParams = z.object({ slug: z.string().min(1).max(64) });
export const ZPublicAnnouncementParams = ZPublicCommunityParams.extend({ announcementId: ZUuid });

export const ZAnnouncementListQuery = z.object({
  /** also the expired ones (and, for those who publish, the withdrawn ones) */
  past: ZBool.default(false),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAnnouncementListQuery = z.infer<typeof ZAnnouncementListQuery>;

/** A zone's name, a building's code or a group's name: what the audience names. */
export const ZAudienceTarget = z.object({ id: ZUuid, label: z.string() });

export const ZAnnouncementSummary = z.object({
  id: ZUuid,
  title: z.string(),
  /** the first lines of the text */
  preview: z.string(),
  audience: ZAnnouncementAudience,
  targets: z.array(ZAudienceTarget),
  pinned: z.boolean(),
  critical: z.boolean(),
  isPublic: z.boolean(),
  relay: z.boolean(),
  hasImage: z.boolean(),
  status: z.enum(['published', 'withdrawn']),
  publishedAt: z.string(),
  publishedByName: z.string().nullable(),
  expiresAt: z.string().nullable(),
  expired: z.boolean(),
  /** whether the caller has read it; null when it did not reach the caller */
  read: z.boolean().nullable(),
  /** accounts reached and how many have read it: only for those who publish */
  reach: z.object({ reached: z.number().int(), read: z.number().int() }).nullable(),
});
export type TAnnouncementSummary = z.infer<typeof ZAnnouncementSummary>;

export const ZAnnouncementList = z.object({
  items: z.array(ZAnnouncementSummary),
  /** coordinators, staff and the publicity group */
  canPublish: z.boolean(),
  /** the community's public notice page, for residents without an account */
  publicPath: z.string(),
});
export type TAnnouncementList = z.infer<typeof ZAnnouncementList>;

export const ZAnnouncementDetail = ZAnnouncementSummary.extend({
  body: z.string(),
  /** the image through the API, or null */
  imagePath: z.string().nullable(),
  canManage: z.boolean(),
});
export type TAnnouncementDetail = z.infer<typeof ZAnnouncementDetail>;

export const ZMarkAnnouncementReadResult = z.object({
  /** when the caller read it (the first time); null when it did not reach the caller */
  readAt: z.string().nullable(),
});

export const ZRelayReceipt = z.object({
  status: z.enum(['waiting', 'confirmed', 'escalated']),
  /** whether the building had a relay contact with an account when the task was made */
  hasContact: z.boolean(),
  confirmedAt: z.string().nullable(),
});

export const ZUnreadPerson = z.object({
  accountId: ZUuid,
  name: z.string(),
  room: z.string().nullable(),
  /** masked as the registry masks it (138****5678) */
  mobile: z.string().nullable(),
});
export type TUnreadPerson = z.infer<typeof ZUnreadPerson>;

export const ZBuildingReceipt = z.object({
  /** null: volunteers reached who live in no registered building */
  buildingId: ZUuid.nullable(),
  buildingCode: z.string().nullable(),
  reached: z.number().int(),
  read: z.number().int(),
  unread: z.array(ZUnreadPerson),
  relay: ZRelayReceipt.nullable(),
});
export type TBuildingReceipt = z.infer<typeof ZBuildingReceipt>;

export const ZReadReceipts = z.object({
  announcementId: ZUuid,
  reached: z.number().int(),
  read: z.number().int(),
  buildings: z.array(ZBuildingReceipt),
});
export type TReadReceipts = z.infer<typeof ZReadReceipts>;

export const ZAnnouncementImage = z.object({
  announcementId: ZUuid,
  mimeType: z.string(),
  bytes: z.number().int(),
  imagePath: z.string(),
});

/** What anyone may read without an account: no names, no rooms, nobody's reading. */
export const ZPublicAnnouncement = z.object({
  id: ZUuid,
  title: z.string(),
  body: z.string(),
  audience: ZAnnouncementAudience,
  targets: z.array(z.object({ label: z.string() })),
  pinned: z.boolean(),
  critical: z.boolean(),
  publishedAt: z.string(),
  expiresAt: z.string().nullable(),
  imagePath: z.string().nullable(),
});
export type TPublicAnnouncement = z.infer<typeof ZPublicAnnouncement>;

export const ZPublicAnnouncementList = z.object({
  communityName: z.string(),
  timezone: z.string(),
  items: z.array(ZPublicAnnouncement),
});
export type TPublicAnnouncementList = z.infer<typeof ZPublicAnnouncementList>;

export const announcementPath = (announcementId: string) => `/announcements/${announcementId}`;
export const publicNoticesPath = (slug: string) => `/c/${encodeURIComponent(slug)}/notices`;
export const announcementImagePath = (communityId: string, announcementId: string) =>
  `/api/communities/${communityId}/announcements/${announcementId}/image`;
export const publicAnnouncementImagePath = (slug: string, announcementId: string) =>
  `/api/public/communities/${encodeURIComponent(slug)}/announcements/${announcementId}/image`;
