import { and, eq } from 'drizzle-orm';
import {
  announcementPath,
  PRIVATE_AUDIENCES,
  type TAnnouncementDetail,
  type TPublishAnnouncementParsed,
} from '../../../shared/api/announcements.ts';
import { announcementRecipients, announcements } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { notify } from '../../platform/notices.ts';
import { queueRelayTasks } from '../../platform/relay-tasks.ts';
import { publishAnnouncementChange } from './announcement-events.ts';
import { previewOf } from './announcements.presenter.ts';
import { authorizeAnnouncements } from './announcements-access.ts';
import { getAnnouncement } from './announcements-reading.service.ts';
import { audienceAccounts, audienceBuildings, targetLabels, unknownTargets } from './audience.repository.ts';

/** Rows per statement: a compound's every account in one INSERT would pass PostgreSQL's parameter limit. */
const CHUNK = 500;
const chunks = <T>(rows: readonly T[]) =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

const UNKNOWN = { zones: 'UNKNOWN_ZONE', buildings: 'UNKNOWN_BUILDING', group: 'UNKNOWN_GROUP' } as const;
const NOUN = { zones: 'zoneNoun', buildings: 'buildingNoun', group: 'group' } as const;

/**
 * Everything about the input the database must answer, before anything is written: the audience names
 * something (exactly one group), every id is this community's (400 pointing at the first that is not),
 * the expiry is still ahead. Returns the ids the audience keeps.
 */
async function validateAudience(deps: AppDeps, communityId: string, input: TPublishAnnouncementParsed) {
  if (input.expiresAt && Date.parse(input.expiresAt) <= deps.clock.now().getTime()) {
    throw new AppError('ANNOUNCEMENT_EXPIRY_PAST', {}, [{ path: 'body.expiresAt', message: '' }]);
  }
  const { audience } = input;
  if (audience === 'all' || audience === 'vulnerable') return [];
  const ids = [...new Set(input.audienceIds)];
  if (ids.length === 0) {
    throw new AppError('ANNOUNCEMENT_AUDIENCE_EMPTY', { what: NOUN[audience] }, [
      { path: 'body.audienceIds', message: '' },
    ]);
  }
  if (audience === 'group' && ids.length > 1) {
    throw new AppError('ANNOUNCEMENT_ONE_GROUP', {}, [{ path: 'body.audienceIds', message: '' }]);
  }
  const [unknown] = await unknownTargets(deps.db, communityId, audience, ids);
  if (unknown) {
    throw new AppError(UNKNOWN[audience], { id: unknown }, [
      { path: `body.audienceIds.${input.audienceIds.indexOf(unknown)}`, message: '' },
    ]);
  }
  return ids;
}

/**
 * publishAnnouncement: in one transaction the announcement, one receipt row per account it reaches
 * (fixed now: who moves in later did not receive it), a notice to each, a relay task per targeted
 * building when asked, the audit entry and a live event for open lists.
 */
export async function publishAnnouncement(
  deps: AppDeps,
  actor: Actor,
  input: TPublishAnnouncementParsed,
): Promise<TAnnouncementDetail> {
  const standing = await authorizeAnnouncements(deps, actor, 'announcements.publish');
  const { communityId } = standing;
  const audienceIds = await validateAudience(deps, communityId, input);
  const now = deps.clock.now();
  const isPublic = input.public && !PRIVATE_AUDIENCES.includes(input.audience);
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(announcements)
      .values({
        communityId,
        title: input.title,
        body: input.body,
        audience: input.audience,
        audienceIds,
        pinned: input.pinned,
        isPublic,
        relay: input.relay,
        critical: input.critical,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        publishedAt: now,
        publishedBy: actor.account.id,
      })
      .returning({ id: announcements.id });
    const announcementId = row!.id;
    const reached = await audienceAccounts(tx, communityId, input.audience, audienceIds);
    for (const part of chunks(reached)) {
      await tx.insert(announcementRecipients).values(
        part.map((r) => ({
          communityId,
          announcementId,
          accountId: r.accountId,
          buildingId: r.buildingId,
        })),
      );
      await notify(
        tx,
        {
          communityId,
          accountIds: part.map((r) => r.accountId),
          kind: 'announcement.published',
          params: { title: input.title, preview: previewOf(input.body) },
          link: announcementPath(announcementId),
          critical: input.critical,
        },
        now,
      );
    }
    const relayBuildings = input.relay
      ? await audienceBuildings(tx, communityId, input.audience, audienceIds)
      : [];
    await queueRelayTasks(
      tx,
      {
        communityId,
        sourceType: 'announcement',
        sourceId: announcementId,
        buildingIds: relayBuildings,
        kind: 'announcement.relay',
        params: { title: input.title },
        link: announcementPath(announcementId),
        critical: input.critical,
      },
      now,
    );
    const labels = await targetLabels(tx, communityId, audienceIds, true);
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: `announcement.publish.${input.audience}`,
      targetType: 'announcement',
      targetId: announcementId,
      params: {
        title: input.title,
        targets: audienceIds.map((i) => labels.get(i) ?? i).join('、'),
        reached: reached.length,
        relays: relayBuildings.length,
      },
    });
    await publishAnnouncementChange(tx, communityId, announcementId, 'published');
    return announcementId;
  });
  return getAnnouncement(deps, actor, id);
}

/** withdrawAnnouncement: off every list and the public page; receipts stay for the record. */
export async function withdrawAnnouncement(deps: AppDeps, actor: Actor, announcementId: string) {
  const standing = await authorizeAnnouncements(deps, actor, 'announcements.publish');
  const { communityId } = standing;
  await deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ title: announcements.title, status: announcements.status })
      .from(announcements)
      .where(and(eq(announcements.communityId, communityId), eq(announcements.id, announcementId)))
      .for('update');
    if (!found) throw notFound('announcement');
    if (found.status === 'withdrawn') throw new AppError('ANNOUNCEMENT_WITHDRAWN');
    await tx
      .update(announcements)
      .set({ status: 'withdrawn', withdrawnAt: deps.clock.now() })
      .where(and(eq(announcements.communityId, communityId), eq(announcements.id, announcementId)));
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'announcement.withdraw',
      targetType: 'announcement',
      targetId: announcementId,
      params: { title: found.title },
    });
    await publishAnnouncementChange(tx, communityId, announcementId, 'withdrawn');
  });
  return getAnnouncement(deps, actor, announcementId);
}
