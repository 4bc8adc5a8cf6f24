import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  communities,
  noticeGateways,
  notificationPreferences,
  outbox,
} from '../../db/schema/index.ts';

type Reader = Pick<Db, 'select'>;

/** The caller's saved choice (if any), the community's clock and whether its gateway is switched on. */
export async function preferencesOf(db: Reader, communityId: string, accountId: string) {
  const [row] = await db
    .select({
      timeZone: communities.timezone,
      gatewayOn: noticeGateways.enabled,
      savedAt: notificationPreferences.updatedAt,
      channels: notificationPreferences.channels,
      quietStart: notificationPreferences.quietStart,
      quietEnd: notificationPreferences.quietEnd,
    })
    .from(communities)
    .leftJoin(noticeGateways, eq(noticeGateways.communityId, communities.id))
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.communityId, communities.id),
        eq(notificationPreferences.accountId, accountId),
      ),
    )
    .where(eq(communities.id, communityId));
  return row;
}

export async function savePreferences(
  db: Pick<Db, 'insert'>,
  row: typeof notificationPreferences.$inferInsert,
) {
  await db
    .insert(notificationPreferences)
    .values(row)
    .onConflictDoUpdate({
      target: [notificationPreferences.communityId, notificationPreferences.accountId],
      set: {
        channels: row.channels,
        quietStart: row.quietStart,
        quietEnd: row.quietEnd,
        updatedAt: row.updatedAt,
      },
    });
}

export async function gatewayOf(db: Reader, communityId: string) {
  const [row] = await db
    .select({
      url: noticeGateways.url,
      secret: noticeGateways.secret,
      enabled: noticeGateways.enabled,
      updatedAt: noticeGateways.updatedAt,
      updatedBy: accounts.displayName,
      communityName: communities.name,
    })
    .from(communities)
    .leftJoin(noticeGateways, eq(noticeGateways.communityId, communities.id))
    .leftJoin(accounts, eq(accounts.id, noticeGateways.updatedBy))
    .where(eq(communities.id, communityId));
  return row;
}

export async function saveGateway(db: Pick<Db, 'insert'>, row: typeof noticeGateways.$inferInsert) {
  await db
    .insert(noticeGateways)
    .values(row)
    .onConflictDoUpdate({
      target: noticeGateways.communityId,
      set: {
        url: row.url,
        secret: row.secret,
        enabled: row.enabled,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      },
    });
}

/** The dead outbox rows of a community, newest first, with the name of the person each was for. */
export async function deadLetters(db: Reader, communityId: string, limit: number) {
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      params: outbox.params,
      channel: outbox.channel,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      critical: outbox.critical,
      createdAt: outbox.createdAt,
      recipient: accounts.displayName,
    })
    .from(outbox)
    .innerJoin(accounts, eq(accounts.id, outbox.accountId))
    .where(and(eq(outbox.communityId, communityId), eq(outbox.status, 'dead')))
    .orderBy(desc(outbox.createdAt), asc(outbox.id))
    .limit(limit);
}

/** Pending and dead rows per channel: what the worker still has to do, and what it gave up on. */
export async function outboxCounts(db: Reader, communityId: string) {
  const rows = await db
    .select({ channel: outbox.channel, status: outbox.status, n: count() })
    .from(outbox)
    .where(and(eq(outbox.communityId, communityId), inArray(outbox.status, ['pending', 'dead'])))
    .groupBy(outbox.channel, outbox.status)
    .orderBy(asc(outbox.channel));
  const byChannel = new Map<string, { channel: string; pending: number; dead: number }>();
  for (const r of rows) {
    const entry = byChannel.get(r.channel) ?? { channel: r.channel, pending: 0, dead: 0 };
    if (r.status === 'pending') entry.pending = r.n;
    else entry.dead = r.n;
    byChannel.set(r.channel, entry);
  }
  return [...byChannel.values()];
}

/** The named outbox rows of a community, locked until the transaction ends, with their recipients. */
export async function lockOutboxRows(db: Reader, communityId: string, ids: string[]) {
  return db
    .select({
      id: outbox.id,
      status: outbox.status,
      kind: outbox.kind,
      params: outbox.params,
      channel: outbox.channel,
      recipient: accounts.displayName,
    })
    .from(outbox)
    .innerJoin(accounts, eq(accounts.id, outbox.accountId))
    .where(and(eq(outbox.communityId, communityId), inArray(outbox.id, ids)))
    .for('update', { of: outbox });
}

/** Back to the worker: pending, no attempts counted, due now. */
export async function requeue(db: Pick<Db, 'update'>, communityId: string, ids: string[], now: Date) {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, deliveredAt: null })
    .where(and(eq(outbox.communityId, communityId), inArray(outbox.id, ids), eq(outbox.status, 'dead')))
    .returning({ id: outbox.id });
  return rows.length;
}
