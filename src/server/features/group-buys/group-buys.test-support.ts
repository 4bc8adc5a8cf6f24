import { and, eq } from 'drizzle-orm';
import {
  accounts,
  buildings,
  groupMembers,
  households,
  memberships,
  residents,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';
import { createSession } from '../../platform/sessions.ts';
import { seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

const sessionOf = async (t: TestApp, accountId: string): Promise<Session> => {
  const s = await createSession(t.deps, accountId, '127.0.0.1', 'test');
  return { cookie: `linli_session=${s.token}`, csrf: s.csrfToken };
};

/** A resident account that signs in without a password hash (hashing hundreds would only slow tests). */
async function residentAccount(t: TestApp, communityId: string, username: string, residentId: string) {
  const [account] = await t.deps.db
    .insert(accounts)
    .values({ username, displayName: username, passwordHash: 'not-a-real-hash' })
    .returning({ id: accounts.id });
  await t.deps.db.insert(memberships).values({ communityId, accountId: account!.id, role: 'resident' });
  await t.deps.db.update(residents).set({ accountId: account!.id }).where(eq(residents.id, residentId));
  return { accountId: account!.id, session: await sessionOf(t, account!.id) };
}

/**
 * Community A with the small registry plus 2-601 (an elderly household without a phone). The
 * group-buying group: `leader` leads it, `volunteer` belongs to it. `resident` lives in 12-1203;
 * `neighbour` (王强, 2-502) is the relay contact of building 2. Households by room: h1203, h101, h502, h601.
 */
export async function groupBuyScene(t: TestApp) {
  const { a, b, ids } = await seedTwoCommunities(t.deps.db);
  const registry = await seedSmallRegistry(t.deps.db, a, ids.resident);
  const [h1203, h101, h502] = registry.households;
  const [h601] = await t.deps.db
    .insert(households)
    .values({ communityId: a, buildingId: registry.b2.id, room: '601', size: 1 })
    .returning();
  await t.deps.db
    .insert(residents)
    .values({ communityId: a, householdId: h601!.id, name: '周奶奶', birthYear: 1938 });
  const [group] = await t.deps.db
    .select({ id: volunteerGroups.id })
    .from(volunteerGroups)
    .where(and(eq(volunteerGroups.communityId, a), eq(volunteerGroups.key, 'group_buying')));
  const vols = await t.deps.db
    .insert(volunteers)
    .values([
      { communityId: a, accountId: ids.leader!, status: 'approved' },
      { communityId: a, accountId: ids.volunteer!, status: 'approved' },
    ])
    .returning({ id: volunteers.id });
  await t.deps.db.insert(groupMembers).values([
    { communityId: a, groupId: group!.id, volunteerId: vols[0]!.id, isLeader: true },
    { communityId: a, groupId: group!.id, volunteerId: vols[1]!.id },
  ]);
  const wang = registry.residents[3]!;
  const neighbour = await residentAccount(t, a, 'neighbour', wang.id);
  await t.deps.db.update(buildings).set({ relayResidentId: wang.id }).where(eq(buildings.id, registry.b2.id));

  const s: Record<string, Session> = { neighbour: neighbour.session };
  for (const name of [
    'coordinator',
    'leader',
    'volunteer',
    'resident',
    'viewer',
    'b-coordinator',
    'outsider',
  ])
    s[name] = await signIn(t.app, name);
  return {
    a,
    b,
    ids: { ...ids, neighbour: neighbour.accountId } as Record<string, string>,
    s,
    registry,
    h: { h1203: h1203!, h101: h101!, h502: h502!, h601: h601! },
    url: (path = '') => `/api/communities/${a}/group-buys${path}`,
  };
}
export type GroupBuyScene = Awaited<ReturnType<typeof groupBuyScene>>;

/** `count` households in one new building, each with a resident who signs in (sessions made directly). */
export async function seedOrderingHouseholds(t: TestApp, communityId: string, count: number) {
  const [building] = await t.deps.db
    .insert(buildings)
    .values({ communityId, code: '88', x: 0, y: 0 })
    .returning({ id: buildings.id });
  const rows = await t.deps.db
    .insert(households)
    .values(
      Array.from({ length: count }, (_, i) => ({
        communityId,
        buildingId: building!.id,
        room: `${1000 + i}`,
      })),
    )
    .returning({ id: households.id });
  const made = await t.deps.db
    .insert(accounts)
    .values(
      rows.map((_, i) => ({
        username: `buyer${i}`,
        displayName: `买家${i}`,
        passwordHash: 'not-a-real-hash',
      })),
    )
    .returning({ id: accounts.id });
  await t.deps.db
    .insert(memberships)
    .values(made.map((m) => ({ communityId, accountId: m.id, role: 'resident' })));
  await t.deps.db
    .insert(residents)
    .values(
      rows.map((h, i) => ({ communityId, householdId: h.id, name: `买家${i}`, accountId: made[i]!.id })),
    );
  const sessions: Session[] = [];
  for (const m of made) sessions.push(await sessionOf(t, m.id));
  return rows.map((h, i) => ({ householdId: h.id, accountId: made[i]!.id, session: sessions[i]! }));
}

const HOUR = 3_600_000;

/** A campaign opened by the leader: rice (¥50, `riceStock`, at most 3 a household) and milk (¥10, stock unknown). */
export async function openCampaign(
  t: TestApp,
  x: GroupBuyScene,
  options: {
    riceStock?: number | null;
    minimumTotalFen?: number | null;
    opensInHours?: number;
    by?: Session;
  } = {},
) {
  const now = t.clock.now().getTime();
  const res = await call(t.app, options.by ?? x.s.leader!, 'POST', x.url(), {
    title: '东北大米团购',
    supplierName: '五常米业',
    supplierContact: '13900001111',
    minimumTotalFen: options.minimumTotalFen ?? null,
    opensAt: new Date(now + (options.opensInHours ?? 0) * HOUR).toISOString(),
    closesAt: new Date(now + 24 * HOUR).toISOString(),
    fulfilment: 'delivery',
    items: [
      {
        name: '大米',
        unit: '袋 (10 kg)',
        priceFen: 5000,
        stock: options.riceStock ?? null,
        perHouseholdLimit: 3,
      },
      { name: '牛奶', unit: '箱', priceFen: 1000, stock: null, perHouseholdLimit: null },
    ],
  });
  if (res.statusCode !== 201) throw new Error(`createGroupBuy: ${res.statusCode} ${res.body}`);
  const detail = res.json();
  return {
    id: detail.id as string,
    rice: detail.items[0].id as string,
    milk: detail.items[1].id as string,
    detail,
  };
}
