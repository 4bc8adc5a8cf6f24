import { and, desc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  announcementImages,
  announcementRecipients,
  announcements,
  relayTasks,
} from '../../db/schema/index.ts';
import { perDatabase } from '../../platform/batched-lookup.ts';

export type Executor = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;

/**
 * What every view of an announcement shows, with the reader's own reading when it reached them. How
 * many it reached and read is shown only to those who publish: for anyone else the counts are not read
 * (an announcement to the whole compound has thousands of rows to count, on every open of the list).
 */
function summaryColumns(accountId: string, withReach = true) {
  return {
    id: announcements.id,
    title: announcements.title,
    body: announcements.body,
    audience: announcements.audience,
    audienceIds: announcements.audienceIds,
    pinned: announcements.pinned,
    critical: announcements.critical,
    isPublic: announcements.isPublic,
    relay: announcements.relay,
    status: announcements.status,
    publishedAt: announcements.publishedAt,
    expiresAt: announcements.expiresAt,
    publishedByName: accounts.displayName,
    hasImage: sql<boolean>`exists (select 1 from ${announcementImages} i where i.community_id = ${announcements.communityId} and i.announcement_id = ${announcements.id})`,
    // the reader's own row: reached (true/false = read) or not reached (null)
    read: sql<
      boolean | null
    >`(select r.read_at is not null from ${announcementRecipients} r where r.community_id = ${announcements.communityId} and r.announcement_id = ${announcements.id} and r.account_id = ${accountId})`,
    reached: withReach
      ? sql<number>`(select count(*)::int from ${announcementRecipients} r where r.community_id = ${announcements.communityId} and r.announcement_id = ${announcements.id})`
      : sql<number>`0`,
    readCount: withReach
      ? sql<number>`(select count(r.read_at)::int from ${announcementRecipients} r where r.community_id = ${announcements.communityId} and r.announcement_id = ${announcements.id})`
      : sql<number>`0`,
  };
}
export type AnnouncementRow = Awaited<ReturnType<typeof findAnnouncement>> & {};

const publisher = eq(accounts.id, announcements.publishedBy);
const current = (now: Date) =>
  and(
    eq(announcements.status, 'published'),
    or(isNull(announcements.expiresAt), gt(announcements.expiresAt, now)),
  );
const reachedAccount = (accountId: string) =>
  sql`exists (select 1 from ${announcementRecipients} r where r.community_id = ${announcements.communityId} and r.announcement_id = ${announcements.id} and r.account_id = ${accountId})`;

/**
 * Announcements for one reader, pinned first, then newest: every one for those who publish (withdrawn
 * and expired only when `past`), else only those that reached the reader and are still published.
 */
export async function listAnnouncements(
  db: Db,
  communityId: string,
  reader: { accountId: string; manages: boolean },
  f: { past: boolean; limit: number; now: Date },
) {
  if (!reader.manages && !f.past)
    return readersList(db).execute({
      communityId,
      accountId: reader.accountId,
      now: f.now.toISOString(),
      limit: f.limit,
    });
  const where: (SQL | undefined)[] = [eq(announcements.communityId, communityId)];
  if (!reader.manages) where.push(eq(announcements.status, 'published'), reachedAccount(reader.accountId));
  if (!f.past) where.push(current(f.now));
  return db
    .select(summaryColumns(reader.accountId, reader.manages))
    .from(announcements)
    .leftJoin(accounts, publisher)
    .where(and(...where))
    .orderBy(desc(announcements.pinned), desc(announcements.publishedAt), desc(announcements.id))
    .limit(f.limit);
}

/**
 * What a resident's notices page reads on every open (current announcements that reached them): built
 * once per database and planned once per connection, as the other reads behind every resident page.
 */
const readersList = perDatabase((db: Db) => {
  const accountId = sql.placeholder('accountId');
  return db
    .select(summaryColumns(accountId as never, false))
    .from(announcements)
    .leftJoin(accounts, publisher)
    .where(
      and(
        eq(announcements.communityId, sql.placeholder('communityId')),
        eq(announcements.status, 'published'),
        reachedAccount(accountId as never),
        current(sql`${sql.placeholder('now')}::timestamptz` as never),
      ),
    )
    .orderBy(desc(announcements.pinned), desc(announcements.publishedAt), desc(announcements.id))
    .limit(sql.placeholder('limit'))
    .prepare('reader_announcements');
});

export async function findAnnouncement(db: Executor, communityId: string, id: string, accountId: string) {
  const [row] = await db
    .select(summaryColumns(accountId))
    .from(announcements)
    .leftJoin(accounts, publisher)
    .where(and(eq(announcements.communityId, communityId), eq(announcements.id, id)));
  return row;
}

/** Whether this account is asked to pass the announcement on to its building (楼组长). */
export async function isRelayContactOf(db: Executor, communityId: string, id: string, accountId: string) {
  const [row] = await db
    .select({ id: relayTasks.id })
    .from(relayTasks)
    .where(
      and(
        eq(relayTasks.communityId, communityId),
        eq(relayTasks.sourceType, 'announcement'),
        eq(relayTasks.sourceId, id),
        eq(relayTasks.relayAccountId, accountId),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Published, public and unexpired: what the community's public page shows. */
export async function listPublicAnnouncements(db: Executor, communityId: string, now: Date, id?: string) {
  return db
    .select({
      id: announcements.id,
      title: announcements.title,
      body: announcements.body,
      audience: announcements.audience,
      audienceIds: announcements.audienceIds,
      pinned: announcements.pinned,
      critical: announcements.critical,
      publishedAt: announcements.publishedAt,
      expiresAt: announcements.expiresAt,
      hasImage: sql<boolean>`exists (select 1 from ${announcementImages} i where i.community_id = ${announcements.communityId} and i.announcement_id = ${announcements.id})`,
    })
    .from(announcements)
    .where(
      and(
        eq(announcements.communityId, communityId),
        eq(announcements.isPublic, true),
        current(now),
        id ? eq(announcements.id, id) : undefined,
      ),
    )
    .orderBy(desc(announcements.pinned), desc(announcements.publishedAt), desc(announcements.id))
    .limit(50);
}

export async function findImage(db: Executor, communityId: string, announcementId: string) {
  const [row] = await db
    .select({ mimeType: announcementImages.mimeType, content: announcementImages.content })
    .from(announcementImages)
    .where(
      and(
        eq(announcementImages.communityId, communityId),
        eq(announcementImages.announcementId, announcementId),
      ),
    );
  return row;
}
