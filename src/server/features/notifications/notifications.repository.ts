import { and, count, desc, eq, getTableColumns, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';
import { perDatabase } from '../../platform/batched-lookup.ts';

interface Owner {
  communityId: string;
  accountId: string;
}

const ownedBy = (o: Owner): SQL[] => [
  eq(notifications.communityId, o.communityId),
  eq(notifications.accountId, o.accountId),
];

// Read on every open of the app (the bell): built once per database and, on PostgreSQL, parsed and
// planned once per connection (named statements).
const mine = [
  eq(notifications.communityId, sql.placeholder('communityId')),
  eq(notifications.accountId, sql.placeholder('accountId')),
];
const unread = isNull(notifications.readAt);
const ownReads = perDatabase((db: Db) => {
  const list = (where: SQL[], name: string) =>
    db
      .select({
        ...getTableColumns(notifications),
        // All the owner's unread notices, counted before the limit: the bell's figure in the same trip.
        unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null) over ())::int`,
      })
      .from(notifications)
      .where(and(...where))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(sql.placeholder('limit'))
      .prepare(name);
  return {
    all: list(mine, 'own_notices'),
    unread: list([...mine, unread], 'own_unread_notices'),
  };
});

/** The owner's newest notices (all, or the unread), each row also carrying the owner's unread count. */
export async function listOwn(db: Db, owner: Owner, f: { unreadOnly: boolean; limit: number }) {
  const reads = ownReads(db);
  return (f.unreadOnly ? reads.unread : reads.all).execute({ ...owner, limit: f.limit });
}

/** How many of the owner's notices are unread, inside a transaction that has just changed them. */
export async function countUnreadIn(tx: Pick<Db, 'select'>, owner: Owner) {
  const [row] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(...ownedBy(owner), unread));
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
