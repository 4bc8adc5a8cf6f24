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

/**
 * A small registry in a community: one zone with a gate, buildings 2 and 12, three households,
 * five residents (two vulnerable). The account named by residentAccountId lives in 12-1203.
 */
export async function seedSmallRegistry(db: Db, communityId: string, residentAccountId?: string) {
  const { buildings, gates, households, residents, zones } = await import('../db/schema/index.ts');
  const [gate] = await db
    .insert(gates)
    .values({ communityId, code: 'east', name: '东门', x: 200, y: 50 })
    .returning();
  const [zone] = await db
    .insert(zones)
    .values({ communityId, code: 'east', name: '东区', gateId: gate!.id })
    .returning();
  const [b2, b12] = await db
    .insert(buildings)
    .values([
      { communityId, code: '12', zoneId: zone!.id, x: 120, y: 40 },
      { communityId, code: '2', zoneId: zone!.id, x: 20, y: 40 },
    ])
    .returning()
    .then((rows) => [rows[1]!, rows[0]!]);
  const [h1, h2, h3] = await db
    .insert(households)
    .values([
      { communityId, buildingId: b12!.id, room: '1203', phone: '13812345678', size: 2 },
      { communityId, buildingId: b12!.id, room: '101', size: 1 },
      { communityId, buildingId: b2!.id, room: '502', size: 2 },
    ])
    .returning();
  const people = await db
    .insert(residents)
    .values([
      {
        communityId,
        householdId: h1!.id,
        name: '张伟',
        sex: 'M',
        birthYear: 1980,
        mobile: '13812345678',
        accountId: residentAccountId ?? null,
      },
      {
        communityId,
        householdId: h1!.id,
        name: '李芳',
        sex: 'F',
        birthYear: 1982,
        mobile: '13987654321',
        flags: ['pregnant'],
      },
      {
        communityId,
        householdId: h2!.id,
        name: '陆伯伯',
        sex: 'M',
        birthYear: 1941,
        flags: ['elderly', 'elderly_alone', 'hearing_impaired'],
      },
      { communityId, householdId: h3!.id, name: '王强', sex: 'M', birthYear: 1975, mobile: '13700001111' },
      { communityId, householdId: h3!.id, name: '王小明', sex: 'M', birthYear: 2012 },
    ])
    .returning();
  return { zone: zone!, gate: gate!, b2: b2!, b12: b12!, households: [h1!, h2!, h3!], residents: people };
}

/**
 * `count` approved volunteers in one group, each with a session made directly (no sign-in:
 * hashing hundreds of passwords would only slow the test down).
 */
export async function seedGroupVolunteers(
  deps: import('../platform/context.ts').AppDeps,
  communityId: string,
  groupId: string,
  count: number,
  prefix = 'sv',
) {
  const { groupMembers, volunteers } = await import('../db/schema/index.ts');
  const { createSession } = await import('../platform/sessions.ts');
  const passwordHash = 'not-a-real-hash';
  const made: { accountId: string; volunteerId: string; session: { cookie: string; csrf: string } }[] = [];
  const accountRows = await deps.db
    .insert(accounts)
    .values(
      Array.from({ length: count }, (_, i) => ({
        username: `${prefix}${i}`,
        displayName: `志愿者${i}`,
        passwordHash,
      })),
    )
    .returning({ id: accounts.id });
  await deps.db
    .insert(memberships)
    .values(accountRows.map((a) => ({ communityId, accountId: a.id, role: 'volunteer' })));
  const volunteerRows = await deps.db
    .insert(volunteers)
    .values(accountRows.map((a) => ({ communityId, accountId: a.id, status: 'approved' })))
    .returning({ id: volunteers.id, accountId: volunteers.accountId });
  await deps.db
    .insert(groupMembers)
    .values(volunteerRows.map((v) => ({ communityId, groupId, volunteerId: v.id })));
  for (const v of volunteerRows) {
    const { token, csrfToken } = await createSession(deps, v.accountId, '127.0.0.1', 'test');
    made.push({
      accountId: v.accountId,
      volunteerId: v.id,
      session: { cookie: `linli_session=${token}`, csrf: csrfToken },
    });
  }
  return made;
}
