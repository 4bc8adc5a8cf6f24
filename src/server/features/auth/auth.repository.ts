import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  communities,
  loginAttempts,
  memberships,
  sessions,
  volunteers,
} from '../../db/schema/index.ts';
import { forgetAccount, forgetSession } from '../../platform/session-cache.ts';
import { announceSessionsRevoked } from '../../platform/session-revocation.ts';

export async function findAccountForLogin(db: Db, login: string) {
  const [row] = await db
    .select()
    .from(accounts)
    .where(or(eq(sql`lower(${accounts.username})`, login.toLowerCase()), eq(accounts.mobile, login)))
    .limit(1);
  return row;
}

export async function countFailures(db: Db, since: Date, key: { accountKey?: string; ip?: string }) {
  const who = key.accountKey ? eq(loginAttempts.accountKey, key.accountKey) : eq(loginAttempts.ip, key.ip!);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(who, eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  return { count: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

export async function recordAttempt(db: Db, accountKey: string, ip: string, succeeded: boolean, at: Date) {
  await db.insert(loginAttempts).values({ accountKey, ip, succeeded, at });
}

/** A successful sign-in forgives the account's earlier failures; old attempts are pruned. */
export async function clearFailures(db: Db, accountKey: string, prunedBefore: Date) {
  await db
    .delete(loginAttempts)
    .where(or(eq(loginAttempts.accountKey, accountKey), lt(loginAttempts.at, prunedBefore)));
}

/** Sign-out: other server processes hear of it too, so none keeps answering to the token from its cache. */
export async function revokeSession(db: Db, tokenHash: string, accountId: string, at: Date) {
  await db.transaction(async (tx) => {
    await tx.update(sessions).set({ revokedAt: at }).where(eq(sessions.tokenHash, tokenHash));
    await announceSessionsRevoked(tx, accountId);
  });
  forgetSession(db, tokenHash);
}

export async function findPasswordHash(db: Db, accountId: string) {
  const [row] = await db
    .select({ passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), isNull(accounts.disabledAt)));
  return row?.passwordHash;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The new password, and every live session of the account revoked; returns how many were. */
export async function setPasswordRevokingSessions(tx: Tx, accountId: string, passwordHash: string, at: Date) {
  await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId));
  const revoked = await tx
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt), gt(sessions.expiresAt, at)))
    .returning({ tokenHash: sessions.tokenHash });
  await announceSessionsRevoked(tx, accountId);
  return revoked.length;
}

export async function listMemberships(db: Db, accountId: string) {
  const rows = await db
    .select({
      communityId: communities.id,
      communityName: communities.name,
      timezone: communities.timezone,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(communities.name, memberships.role);
  const byCommunity = new Map<
    string,
    { communityId: string; communityName: string; timezone: string; roles: string[] }
  >();
  for (const row of rows) {
    const { role: _role, ...community } = row;
    const entry = byCommunity.get(row.communityId) ?? { ...community, roles: [] };
    entry.roles.push(row.role);
    byCommunity.set(row.communityId, entry);
  }
  return [...byCommunity.values()];
}

export async function demoAccountsExist(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.isDemo, true)).limit(1);
  return Boolean(row);
}

export async function setLocale(db: Db, accountId: string, locale: string) {
  await db.update(accounts).set({ locale }).where(eq(accounts.id, accountId));
  forgetAccount(db, accountId);
}

export async function listApplications(db: Db, accountId: string) {
  return db
    .select({ communityId: communities.id, communityName: communities.name, status: volunteers.status })
    .from(volunteers)
    .innerJoin(communities, eq(communities.id, volunteers.communityId))
    .where(and(eq(volunteers.accountId, accountId), sql`${volunteers.status} <> 'approved'`));
}
