import { and, eq, isNull } from 'drizzle-orm';
import {
  ANNOUNCEMENT_READ,
  announcementPath,
  publicNoticesPath,
  type TAnnouncementDetail,
  type TAnnouncementList,
  type TAnnouncementListQuery,
  type TBuildingReceipt,
  type TReadReceipts,
} from '../../../shared/api/announcements.ts';
import { maskMobile } from '../../../shared/registry.ts';
import { announcementRecipients, notifications } from '../../db/schema/index.ts';
import { notFound } from '../../platform/app-error.ts';
import { communityConstants } from '../../platform/community-constants.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { presentDetail, presentSummary } from './announcements.presenter.ts';
import * as repo from './announcements.repository.ts';
import { type AnnouncementStanding, authorizeAnnouncements } from './announcements-access.ts';
import { targetLabels } from './audience.repository.ts';
import { recipientRows, relayRows } from './receipts.repository.ts';

/** listAnnouncements: what reached the caller (everything, for those who publish), pinned first, then newest. */
export async function listAnnouncements(
  deps: AppDeps,
  actor: Actor,
  query: TAnnouncementListQuery,
): Promise<TAnnouncementList> {
  const standing = await authorizeAnnouncements(deps, actor, 'announcements.read');
  const { communityId, manages } = standing;
  const now = deps.clock.now();
  const rows = await repo.listAnnouncements(
    deps.db,
    communityId,
    { accountId: actor.account.id, manages },
    { past: query.past, limit: query.limit, now },
  );
  const labels = await targetLabels(
    deps.db,
    communityId,
    rows.flatMap((r) => r.audienceIds),
  );
  const community = await communityConstants(deps.db, communityId);
  return {
    items: rows.map((row) => presentSummary(row, labels, now, manages)),
    canPublish: manages,
    publicPath: publicNoticesPath(community!.slug),
  };
}

/**
 * The announcement if this person may open it: those who publish any, the relay contact asked to pass
 * it on, and whoever it reached while it is published. Anyone else is told it does not exist (404).
 */
async function visibleAnnouncement(deps: AppDeps, standing: AnnouncementStanding, announcementId: string) {
  const row = await repo.findAnnouncement(deps.db, standing.communityId, announcementId, standing.accountId);
  if (!row) throw notFound('announcement');
  if (standing.manages) return row;
  if (row.status !== 'published') throw notFound('announcement');
  if (row.read !== null) return row;
  if (await repo.isRelayContactOf(deps.db, standing.communityId, announcementId, standing.accountId))
    return row;
  throw notFound('announcement');
}

export async function getAnnouncement(
  deps: AppDeps,
  actor: Actor,
  announcementId: string,
): Promise<TAnnouncementDetail> {
  const standing = await authorizeAnnouncements(deps, actor, 'announcements.read');
  const row = await visibleAnnouncement(deps, standing, announcementId);
  const labels = await targetLabels(deps.db, standing.communityId, row.audienceIds);
  return presentDetail(standing.communityId, row, labels, deps.clock.now(), standing.manages);
}

/**
 * markAnnouncementRead: the caller's receipt, once (reading again keeps the first time), and the inbox
 * notice that announced it. Not audited: one's own reading is recorded in the receipt itself.
 */
export async function markAnnouncementRead(deps: AppDeps, actor: Actor, announcementId: string) {
  const standing = await authorizeAnnouncements(deps, actor, 'announcements.read');
  const { communityId, accountId } = standing;
  await visibleAnnouncement(deps, standing, announcementId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const mine = and(
      eq(announcementRecipients.communityId, communityId),
      eq(announcementRecipients.announcementId, announcementId),
      eq(announcementRecipients.accountId, accountId),
    );
    const marked = await tx
      .update(announcementRecipients)
      .set({ readAt: now })
      .where(and(mine, isNull(announcementRecipients.readAt)))
      .returning({ readAt: announcementRecipients.readAt });
    await tx
      .update(notifications)
      .set({ readAt: now })
      .where(
        and(
          eq(notifications.communityId, communityId),
          eq(notifications.accountId, accountId),
          eq(notifications.kind, 'announcement.published'),
          eq(notifications.link, announcementPath(announcementId)),
          isNull(notifications.readAt),
        ),
      );
    if (marked.length > 0) {
      // receipts pages refetch; a burst of readers makes one refetch per moment, not one each
      await publishLive(tx, {
        communityId,
        type: ANNOUNCEMENT_READ,
        data: { announcementId },
        coalesceKey: `${ANNOUNCEMENT_READ}:${announcementId}`,
      });
      return { readAt: now.toISOString() };
    }
    const [row] = await tx
      .select({ readAt: announcementRecipients.readAt })
      .from(announcementRecipients)
      .where(mine);
    return { readAt: row?.readAt?.toISOString() ?? null };
  });
}

const byCode = (a: string | null, b: string | null) => {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a.localeCompare(b);
};

/**
 * getReadReceipts: per building, how many it reached and how many read it, who has not (names and rooms
 * as the registry shows them to its members, mobiles masked as it masks them unless revealed there), and
 * the building's relay task when one was made. Buildings in room order; volunteers living nowhere last.
 */
export async function getReadReceipts(
  deps: AppDeps,
  actor: Actor,
  announcementId: string,
): Promise<TReadReceipts> {
  const standing = await authorizeAnnouncements(deps, actor, 'announcements.receipts');
  const { communityId } = standing;
  await visibleAnnouncement(deps, standing, announcementId);
  const [people, relays] = [
    await recipientRows(deps.db, communityId, announcementId),
    await relayRows(deps.db, communityId, announcementId),
  ];
  const perBuilding = new Map<string | null, TBuildingReceipt>();
  const entry = (buildingId: string | null, buildingCode: string | null) => {
    let found = perBuilding.get(buildingId);
    if (!found) {
      found = { buildingId, buildingCode, reached: 0, read: 0, unread: [], relay: null };
      perBuilding.set(buildingId, found);
    }
    return found;
  };
  for (const p of people) {
    const b = entry(p.buildingId, p.buildingCode);
    b.reached += 1;
    if (p.readAt) b.read += 1;
    else b.unread.push({ accountId: p.accountId, name: p.name, room: p.room, mobile: maskMobile(p.mobile) });
  }
  for (const r of relays) {
    entry(r.buildingId, r.buildingCode).relay = {
      status: r.confirmedAt ? 'confirmed' : r.escalatedAt ? 'escalated' : 'waiting',
      hasContact: r.relayAccountId !== null,
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
    };
  }
  const buildings = [...perBuilding.values()].sort((a, b) => byCode(a.buildingCode, b.buildingCode));
  for (const b of buildings)
    b.unread.sort((x, y) => (x.room ?? '').localeCompare(y.room ?? '', 'en', { numeric: true }));
  return {
    announcementId,
    reached: people.length,
    read: people.filter((p) => p.readAt).length,
    buildings,
  };
}
