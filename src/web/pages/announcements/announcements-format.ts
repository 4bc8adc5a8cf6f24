import type { TFunction } from 'i18next';
import {
  ANNOUNCEMENT_BODY_MAX,
  ANNOUNCEMENT_IMAGE_MAX_BYTES,
  ANNOUNCEMENT_TITLE_MAX,
  PRIVATE_AUDIENCES,
  type TAnnouncementAudience,
  type TPublishAnnouncement,
} from '../../../shared/api/announcements.ts';
import { buildingLabel } from '../../../shared/registry.ts';
import type { Locale } from '../../../shared/roles.ts';
import { wallTimeToUtc } from '../../lib/time.ts';

/** Buildings named in a list before "and N more": a notice to 60 buildings must not fill the card. */
const BUILDINGS_SHOWN = 6;

/** Who an announcement went to, in words: "楼栋：12号楼、13号楼", "全体居民和志愿者". */
export function audienceText(
  t: TFunction,
  locale: Locale,
  a: { audience: TAnnouncementAudience; targets: readonly { label: string }[] },
): string {
  const sep = locale === 'zh-CN' ? '、' : ', ';
  if (a.audience === 'all' || a.audience === 'vulnerable') return t(`announcements.audience.${a.audience}`);
  if (a.audience === 'buildings') {
    const names = a.targets.slice(0, BUILDINGS_SHOWN).map((b) => buildingLabel(b.label, locale));
    return a.targets.length > BUILDINGS_SHOWN
      ? t('announcements.audience.buildingsMore', { names: names.join(sep), count: a.targets.length })
      : t('announcements.audience.buildings', { names: names.join(sep) });
  }
  return t(`announcements.audience.${a.audience}`, { names: a.targets.map((x) => x.label).join(sep) });
}

export interface Building {
  id: string;
  code: string;
  zoneId: string | null;
}

/** Buildings grouped under their zones (in the zones' order; those without a zone last), codes in order. */
export function buildingsByZone(
  buildings: readonly Building[],
  zones: readonly { id: string; name: string }[],
): { zoneId: string | null; name: string | null; buildings: Building[] }[] {
  const groups = [
    ...zones.map((z) => ({
      zoneId: z.id as string | null,
      name: z.name as string | null,
      buildings: [] as Building[],
    })),
    { zoneId: null, name: null, buildings: [] as Building[] },
  ];
  for (const b of buildings) {
    const group = groups.find((g) => g.zoneId === b.zoneId) ?? groups[groups.length - 1]!;
    group.buildings.push(b);
  }
  const byCode = (a: Building, b: Building) => a.code.localeCompare(b.code, 'en', { numeric: true });
  return groups
    .filter((g) => g.buildings.length > 0)
    .map((g) => ({ ...g, buildings: g.buildings.sort(byCode) }));
}

/** Adds or removes every id of a zone at once (select all / none), keeping the others as they were. */
export function toggleAll(selected: readonly string[], ids: readonly string[], on: boolean): string[] {
  const rest = selected.filter((id) => !ids.includes(id));
  return on ? [...rest, ...ids] : rest;
}

export interface AnnouncementDraft {
  title: string;
  body: string;
  audience: TAnnouncementAudience;
  zoneIds: string[];
  buildingIds: string[];
  groupId: string | null;
  pinned: boolean;
  critical: boolean;
  relay: boolean;
  public: boolean;
  expiryDay: string;
  expiryTime: string;
  image: File | null;
}

export const emptyDraft = (): AnnouncementDraft => ({
  title: '',
  body: '',
  audience: 'all',
  zoneIds: [],
  buildingIds: [],
  groupId: null,
  pinned: false,
  critical: false,
  relay: true,
  public: true,
  expiryDay: '',
  expiryTime: '',
  image: null,
});

/** Field → error key (announcements.form.error.*): the checks the server makes, made first in the form. */
export type DraftErrorKey =
  | 'titleRequired'
  | 'bodyRequired'
  | 'pickSomething'
  | 'expiryIncomplete'
  | 'expiryPast'
  | 'imageTooLarge';
export type DraftErrors = Partial<
  Record<'title' | 'body' | 'audienceIds' | 'expiresAt' | 'image', DraftErrorKey>
>;

export const isPublicAllowed = (audience: TAnnouncementAudience) => !PRIVATE_AUDIENCES.includes(audience);

/** The request body for a draft, or what is wrong with it. */
export function draftToBody(
  draft: AnnouncementDraft,
  timeZone: string,
  now: Date,
): { body: TPublishAnnouncement; errors?: undefined } | { errors: DraftErrors; body?: undefined } {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  const text = draft.body.trim();
  if (!title || title.length > ANNOUNCEMENT_TITLE_MAX) errors.title = 'titleRequired';
  if (!text || text.length > ANNOUNCEMENT_BODY_MAX) errors.body = 'bodyRequired';
  const audienceIds =
    draft.audience === 'zones'
      ? draft.zoneIds
      : draft.audience === 'buildings'
        ? draft.buildingIds
        : draft.audience === 'group' && draft.groupId
          ? [draft.groupId]
          : [];
  if (['zones', 'buildings', 'group'].includes(draft.audience) && audienceIds.length === 0) {
    errors.audienceIds = 'pickSomething';
  }
  let expiresAt: string | null = null;
  if (draft.expiryDay || draft.expiryTime) {
    expiresAt = wallTimeToUtc(draft.expiryDay, draft.expiryTime, timeZone);
    if (!expiresAt) errors.expiresAt = 'expiryIncomplete';
    else if (Date.parse(expiresAt) <= now.getTime()) errors.expiresAt = 'expiryPast';
  }
  if (draft.image && draft.image.size > ANNOUNCEMENT_IMAGE_MAX_BYTES) errors.image = 'imageTooLarge';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      title,
      body: text,
      audience: draft.audience,
      audienceIds,
      pinned: draft.pinned,
      critical: draft.critical,
      relay: draft.relay,
      public: draft.public && isPublicAllowed(draft.audience),
      expiresAt,
    },
  };
}

/** Which error a changed draft field answers: the pickers all answer `audienceIds`, the expiry's parts `expiresAt`. */
export function errorFieldOf(draftField: string): string {
  if (['audience', 'zoneIds', 'buildingIds', 'groupId'].includes(draftField)) return 'audienceIds';
  if (draftField === 'expiryDay' || draftField === 'expiryTime') return 'expiresAt';
  return draftField;
}

/** "body.audienceIds.1" → "audienceIds": where a server error shows in the form. */
export const formFieldOf = (path: string) => path.replace(/^body\./, '').split('.')[0]!;
