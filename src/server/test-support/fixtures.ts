import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DEFAULT_GROUPS, STAFF_TITLES } from '../../shared/groups.ts';
import { ROLES, type Role } from '../../shared/roles.ts';
import type { Db } from '../db/client.ts';
import { accounts, communities, memberships, volunteerGroups } from '../db/schema/index.ts';
import { hashPassword } from '../platform/passwords.ts';

export const PASSWORD = 'correct-horse';

/**
 * Two communities: A with one account per role (username = role, e.g. "coordinator"),
 * B with its own coordinator ("b-coordinator"); plus "outsider" who belongs nowhere.
 */
export async function seedTwoCommunities(db: Db) {
  const passwordHash = await hashPassword(PASSWORD);
  const a = randomUUID();
  const b = randomUUID();
  await db.insert(communities).values([
    { id: a, slug: 'community-a', name: '甲小区' },
    { id: b, slug: 'community-b', name: '乙小区' },
  ]);
  const ids: Record<string, string> = {};
  const usernames = [...ROLES, 'b-coordinator', 'outsider'];
  for (const username of usernames) {
    const [row] = await db
      .insert(accounts)
      .values({ username, displayName: `${username} 测试`, passwordHash })
      .returning({ id: accounts.id });
    ids[username] = row!.id;
  }
  await db.insert(memberships).values([
    ...ROLES.map((role: Role) => ({
      communityId: a,
      accountId: ids[role]!,
      role,
      title: role === 'staff' ? STAFF_TITLES.cadre : null,
    })),
    { communityId: b, accountId: ids['b-coordinator']!, role: 'coordinator' },
  ]);
  await db
    .insert(volunteerGroups)
    .values(DEFAULT_GROUPS.map((g, sort) => ({ communityId: a, key: g.key, name: g.name, sort })));
  return { a, b, ids };
}

/** A content fingerprint of every table, to prove a failed request changed nothing. */
export async function databaseFingerprint(db: Db): Promise<string> {
  const tables = [
    'accounts',
    'communities',
    'memberships',
    'audit_log',
    'volunteer_groups',
    'buildings',
    'households',
    'residents',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const result = await db.execute(
      sql.raw(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h, count(*)::int as n from ${table} t`,
      ),
    );
    const row = (result as unknown as { rows: { h: string; n: number }[] }).rows[0]!;
    parts.push(`${table}:${row.n}:${row.h}`);
  }
  return parts.join(',');
}
