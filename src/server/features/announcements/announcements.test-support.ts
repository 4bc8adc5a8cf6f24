import { and, eq, sql } from 'drizzle-orm';
import {
  accounts,
  buildings,
  groupMembers,
  households,
  memberships,
  residents,
  volunteerGroups,
  volunteers,
  zones,
} from '../../db/schema/index.ts';
import { createSession } from '../../platform/sessions.ts';
import { seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import type { Session, TestApp } from '../../test-support/test-app.ts';

const sessionOf = async (t: TestApp, accountId: string): Promise<Session> => {
  const s = await createSession(t.deps, accountId, '127.0.0.1', 'test');
  return { cookie: `linli_session=${s.token}`, csrf: s.csrfToken };
};

/**
 * Community A with a registry whose every audience has a known answer:
 *
 * - zone east (small registry): 12-1203 张伟 (`resident`) and 李芳 (pregnant, no account); 12-101
 *   陆伯伯 (elderly alone, no account) and 陆小妹 (`r-lu`); 2-502 王强 (`r-wang`, also an approved
 *   parcels volunteer) and 王小明.
 * - zone west: 7-301 赵奶奶 (elderly, `r-zhao`) and 赵爷爷 (`r-zhao2`); 7-302 钱 (`r-qian`, a pending
 *   parcels volunteer) and 孙 (linked to `outsider`, who is no member of A: never reached).
 * - groups: `leader` leads publicity (may publish), `volunteer` is in parcels (may not).
 */
export async function announcementScene(t: TestApp) {
  const db = t.deps.db;
  const { a, b, ids } = await seedTwoCommunities(db);
  const small = await seedSmallRegistry(db, a, ids.resident);
  const [west] = await db.insert(zones).values({ communityId: a, code: 'west', name: '西区' }).returning();
  const [b7] = await db
    .insert(buildings)
    .values({ communityId: a, code: '7', zoneId: west!.id, x: 300, y: 40 })
    .returning();
  const [h301, h302] = await db
    .insert(households)
    .values([
      { communityId: a, buildingId: b7!.id, room: '301', size: 2 },
      { communityId: a, buildingId: b7!.id, room: '302', size: 2 },
    ])
    .returning();
  const newAccount = async (username: string, member = true) => {
    const [row] = await db
      .insert(accounts)
      .values({ username, displayName: `${username} 账号`, passwordHash: 'not-a-real-hash' })
      .returning({ id: accounts.id });
    if (member) await db.insert(memberships).values({ communityId: a, accountId: row!.id, role: 'resident' });
    return row!.id;
  };
  const people = {
    resident: ids.resident!,
    lu: await newAccount('r-lu'),
    wang: await newAccount('r-wang'),
    zhao: await newAccount('r-zhao'),
    zhao2: await newAccount('r-zhao2'),
    qian: await newAccount('r-qian'),
    leader: ids.leader!,
    volunteer: ids.volunteer!,
  };
  const [, , , wangRow] = small.residents;
  await db.update(residents).set({ accountId: people.wang }).where(eq(residents.id, wangRow!.id));
  await db.insert(residents).values([
    { communityId: a, householdId: small.households[1]!.id, name: '陆小妹', accountId: people.lu },
    { communityId: a, householdId: h301!.id, name: '赵奶奶', flags: ['elderly'], accountId: people.zhao },
    { communityId: a, householdId: h301!.id, name: '赵爷爷', accountId: people.zhao2 },
    { communityId: a, householdId: h302!.id, name: '钱多多', mobile: '13911112222', accountId: people.qian },
    { communityId: a, householdId: h302!.id, name: '孙悟', accountId: ids.outsider! },
  ]);
  const groupId = async (key: string) => {
    const [g] = await db
      .select({ id: volunteerGroups.id })
      .from(volunteerGroups)
      .where(and(eq(volunteerGroups.communityId, a), eq(volunteerGroups.key, key)));
    return g!.id;
  };
  const groups = { publicity: await groupId('publicity'), parcels: await groupId('parcels') };
  await db.insert(memberships).values({ communityId: a, accountId: people.wang, role: 'volunteer' });
  const vols = await db
    .insert(volunteers)
    .values([
      { communityId: a, accountId: people.leader, status: 'approved' },
      { communityId: a, accountId: people.volunteer, status: 'approved' },
      { communityId: a, accountId: people.wang, status: 'approved', buildingId: small.b12.id },
      { communityId: a, accountId: people.qian, status: 'pending' },
    ])
    .returning({ id: volunteers.id });
  await db.insert(groupMembers).values([
    { communityId: a, groupId: groups.publicity, volunteerId: vols[0]!.id, isLeader: true },
    { communityId: a, groupId: groups.parcels, volunteerId: vols[1]!.id },
    { communityId: a, groupId: groups.parcels, volunteerId: vols[2]!.id },
    { communityId: a, groupId: groups.parcels, volunteerId: vols[3]!.id },
  ]);
  // 王强 relays building 2, 赵爷爷 building 7; building 12 has no relay contact
  const relayOf = async (buildingId: string, name: string) => {
    const [r] = await db
      .select({ id: residents.id })
      .from(residents)
      .where(and(eq(residents.communityId, a), eq(residents.name, name)));
    await db
      .update(buildings)
      .set({ relayResidentId: r!.id })
      .where(and(eq(buildings.communityId, a), eq(buildings.id, buildingId)));
  };
  await relayOf(small.b2.id, '王强');
  await relayOf(b7!.id, '赵爷爷');
  const sessions: Record<string, Session> = {};
  for (const [name, accountId] of Object.entries({
    ...people,
    coordinator: ids.coordinator!,
    staff: ids.staff!,
    viewer: ids.viewer!,
    outsider: ids.outsider!,
    bCoordinator: ids['b-coordinator']!,
  })) {
    sessions[name] = await sessionOf(t, accountId);
  }
  return {
    a,
    b,
    ids,
    people,
    sessions,
    zones: { east: small.zone.id, west: west!.id },
    buildings: { b12: small.b12.id, b2: small.b2.id, b7: b7!.id },
    groups,
    url: (rest = '') => `/api/communities/${a}/announcements${rest}`,
  };
}
export type AnnouncementScene = Awaited<ReturnType<typeof announcementScene>>;

/** Rows in the tables a publication writes, to prove a refused one wrote nothing. */
export async function writtenCounts(t: TestApp) {
  const result = await t.deps.db.execute(
    sql.raw(`select
      (select count(*)::int from announcements) as announcements,
      (select count(*)::int from announcement_recipients) as recipients,
      (select count(*)::int from outbox) as outbox,
      (select count(*)::int from relay_tasks) as relays,
      (select count(*)::int from audit_log) as audit`),
  );
  return (result as unknown as { rows: Record<string, number>[] }).rows[0]!;
}
