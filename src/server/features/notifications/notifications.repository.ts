import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';

interface Owner {
  communityId: string;
  accountId: string;
}

const ownedBy = (o: Owner): SQL[] => [
  eq(notifications.communityId, o.communityId),
  eq(notifications.accountId, o.accountId),
];

export async function listOwn(db: Db, owner: Owner, f: { unreadOnly: boolean; limit: number }) {
  const where = ownedBy(owner);
  if (f.unreadOnly) where.push(isNull(notifications.readAt));
  return db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(f.limit);
}

export async function countUnread(db: Pick<Db, 'select'>, owner: Owner) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(...ownedBy(owner), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks unread ones read (all, or those named); returns how many changed. */
export async function markRead(db: Pick<Db, 'update'>, owner: Owner, ids: string[] | 'all', now: Date) {
  const where = [...ownedBy(owner), isNull(notifications.readAt)];
  if (ids !== 'all') where.push(inArray(notifications.id, ids));
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(...where))
    .returning({ id: notifications.id });
  return rows.length;
}
