import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DEFAULT_GROUPS, STAFF_TITLES } from '../../shared/groups.ts';
import type { VulnerabilityFlag } from '../../shared/registry.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';
import { audit } from '../platform/audit.ts';
import { hashPassword } from '../platform/passwords.ts';
import { planGelin } from './gelin.ts';
import { seedDemoAnnouncements } from './seed-announcements.ts';
import { seedDemoCommittee } from './seed-committee.ts';
import { seedDemoDisinfection } from './seed-disinfection.ts';
import { seedDemoGroupBuys } from './seed-group-buys.ts';
import { seedDemoMedicine } from './seed-medicine.ts';
import { seedDemoNotices } from './seed-notices.ts';
import { chooseRelays, seedDemoParcels } from './seed-parcels.ts';
import { seedDemoRelays } from './seed-relays.ts';
import { seedParcelShifts } from './seed-shifts.ts';
import { seedDemoStreet } from './seed-street.ts';
import { seedParcelHistory } from './seed-trends.ts';

export const GELIN_SLUG = 'gelin';

async function insertChunked<T extends Record<string, unknown>>(db: Db, table: any, rows: T[], size = 1000) {
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size));
}

export interface SeedResult {
  created: boolean;
  communityId: string;
  counts: { buildings: number; households: number; residents: number; accounts: number };
}

/** Writes the demo community in one transaction; does nothing if it already exists. */
/** `now` places the demo's parcel shifts: from that day on, on the compound's clock. */
export async function seedGelin(
  db: Db,
  demoPassword: string,
  now = new Date(),
  /** parcels: false starts the demo with an empty gate (a browser test that counts every parcel). */
  options: { parcels?: boolean } = {},
): Promise<SeedResult> {
  const [existing] = await db.select().from(t.communities).where(eq(t.communities.slug, GELIN_SLUG));
  if (existing)
    return {
      created: false,
      communityId: existing.id,
      counts: { buildings: 0, households: 0, residents: 0, accounts: 0 },
    };
  const plan = planGelin();
  // One hash for every demo account: they share the demo password anyway, and hashing
  // ~500 times with argon2id would take most of the first start's time budget.
  const passwordHash = await hashPassword(demoPassword);
  const communityId = randomUUID();

  const accounts: (typeof t.accounts.$inferInsert)[] = [];
  const memberships: (typeof t.memberships.$inferInsert)[] = [];
  const account = (username: string, displayName: string, mobile: string | null = null) => {
    const id = randomUUID();
    accounts.push({ id, username, displayName, mobile, passwordHash, isDemo: true });
    return id;
  };
  const member = (accountId: string, role: string, title: string | null = null) =>
    memberships.push({ communityId, accountId, role, title });

  member(account('secretary', '支部书记（演示）'), 'coordinator');
  for (let i = 1; i <= 8; i++) {
    const cadre = i <= 2;
    member(
      account(`staff${i}`, `${cadre ? '居委干部' : '社工'}${i}`),
      'staff',
      cadre ? STAFF_TITLES.cadre : STAFF_TITLES.socialWorker,
    );
  }

  const gateIds = { west: randomUUID(), east: randomUUID() };
  const zoneIds = { west: randomUUID(), east: randomUUID() };
  const buildingIds = new Map(plan.buildings.map((b) => [b.code, randomUUID()]));
  const households = plan.households.map((h) => ({ id: randomUUID(), plan: h }));
  const residentIds = households.map((h) => h.plan.residents.map(() => randomUUID()));
  const residentAccount = new Map<string, string>();

  const groupIds = new Map<string, string>(DEFAULT_GROUPS.map((g) => [g.key, randomUUID()]));
  const volunteerRows: (typeof t.volunteers.$inferInsert)[] = [];
  const groupMemberRows: (typeof t.groupMembers.$inferInsert)[] = [];
  for (const v of plan.volunteers) {
    const h = households[v.household]!;
    const r = h.plan.residents[v.resident]!;
    const accountId = account(v.username, r.name, r.mobile);
    residentAccount.set(residentIds[v.household]![v.resident]!, accountId);
    member(accountId, 'volunteer');
    if (v.leaderOf) member(accountId, 'leader');
    const volunteerId = randomUUID();
    volunteerRows.push({
      communityId,
      id: volunteerId,
      accountId,
      status: 'approved',
      partyMember: v.partyMember,
      buildingId: buildingIds.get(h.plan.buildingCode)!,
      room: h.plan.room,
      workplace: v.workplace,
      skills: v.skills,
      vehicles: v.vehicles,
      ageBand: v.ageBand,
      approvedAt: new Date('2022-04-09T00:00:00Z'),
    });
    for (const key of v.groups) {
      groupMemberRows.push({
        communityId,
        groupId: groupIds.get(key)!,
        volunteerId,
        isLeader: v.leaderOf === key,
      });
    }
  }
  for (const ra of plan.residentAccounts) {
    const rid = residentIds[ra.household]![ra.resident]!;
    const r = households[ra.household]!.plan.residents[ra.resident]!;
    const accountId = account(ra.username, r.name, r.mobile);
    residentAccount.set(rid, accountId);
    member(accountId, 'resident');
  }

  const relays = chooseRelays(
    households.map((h, hi) => ({
      buildingCode: h.plan.buildingCode,
      residents: h.plan.residents.map((r, ri) => {
        const id = residentIds[hi]![ri]!;
        return { id, hasAccount: residentAccount.has(id), mobile: r.mobile };
      }),
    })),
  );

  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await tx
      .insert(t.communities)
      .values({ id: communityId, slug: GELIN_SLUG, name: '歌林春天', timezone: 'Asia/Shanghai' });
    await tx.insert(t.gates).values([
      { communityId, id: gateIds.west, code: 'west', name: '西门', x: 0, y: 150 },
      { communityId, id: gateIds.east, code: 'east', name: '东门', x: 540, y: 150 },
    ]);
    await tx.insert(t.zones).values([
      { communityId, id: zoneIds.west, code: 'west', name: '西区', gateId: gateIds.west, color: '#1677ff' },
      { communityId, id: zoneIds.east, code: 'east', name: '东区', gateId: gateIds.east, color: '#fa8c16' },
    ]);
    await insertChunked(
      txDb,
      t.buildings,
      plan.buildings.map((b) => ({
        communityId,
        id: buildingIds.get(b.code)!,
        code: b.code,
        zoneId: zoneIds[b.zoneCode],
        floors: b.floors,
        x: b.x,
        y: b.y,
        relayResidentId: relays.get(b.code) ?? null,
      })),
    );
    await insertChunked(
      txDb,
      t.households,
      households.map((h) => ({
        communityId,
        id: h.id,
        buildingId: buildingIds.get(h.plan.buildingCode)!,
        room: h.plan.room,
        phone: h.plan.phone,
        size: h.plan.residents.length,
      })),
    );
    await insertChunked(txDb, t.accounts, accounts);
    await insertChunked(
      txDb,
      t.residents,
      households.flatMap((h, hi) =>
        h.plan.residents.map((r, ri) => ({
          communityId,
          id: residentIds[hi]![ri]!,
          householdId: h.id,
          name: r.name,
          sex: r.sex,
          birthYear: r.birthYear,
          mobile: r.mobile,
          flags: r.flags,
          note: r.note,
          accountId: residentAccount.get(residentIds[hi]![ri]!) ?? null,
        })),
      ),
    );
    await insertChunked(txDb, t.memberships, memberships);
    await tx.insert(t.volunteerGroups).values(
      DEFAULT_GROUPS.map((g, sort) => ({
        communityId,
        id: groupIds.get(g.key)!,
        key: g.key,
        name: g.name,
        sort,
      })),
    );
    await insertChunked(txDb, t.volunteers, volunteerRows);
    await insertChunked(txDb, t.groupMembers, groupMemberRows);
    await seedParcelShifts(txDb, {
      communityId,
      groupId: groupIds.get('parcels')!,
      timeZone: 'Asia/Shanghai',
      now,
      crew: volunteerRows
        .filter((v) =>
          groupMemberRows.some((m) => m.volunteerId === v.id && m.groupId === groupIds.get('parcels')),
        )
        .map((v) => ({ volunteerId: v.id!, vehicles: v.vehicles ?? [] })),
      knownRider: volunteerRows[1]!.id,
    });
    if (options.parcels !== false)
      await seedDemoParcels(txDb, {
        communityId,
        buildings: [...buildingIds].map(([code, id]) => ({
          id,
          households: households
            .filter((h) => h.plan.buildingCode === code)
            .map((h) => ({ id: h.id, room: h.plan.room })),
        })),
        timeZone: 'Asia/Shanghai',
        now,
      });
    if (options.parcels !== false)
      await seedParcelHistory(txDb, {
        communityId,
        buildingIds: [...buildingIds.values()],
        timeZone: 'Asia/Shanghai',
        now,
      });
    const medicineGroup = groupIds.get('medicine')!;
    const medicineCrew = volunteerRows.filter((v) =>
      groupMemberRows.some((m) => m.volunteerId === v.id && m.groupId === medicineGroup),
    );
    const firstAccount = plan.residentAccounts[0];
    await seedDemoMedicine(txDb, {
      communityId,
      now,
      residents: households.flatMap((h, hi) =>
        h.plan.residents.map((r, ri) => ({
          residentId: residentIds[hi]![ri]!,
          householdId: h.id,
          flags: r.flags as VulnerabilityFlag[],
        })),
      ),
      accountHousehold: firstAccount
        ? {
            residentId: residentIds[firstAccount.household]![firstAccount.resident]!,
            householdId: households[firstAccount.household]!.id,
            flags: [],
          }
        : null,
      drivers: medicineCrew.filter((v) => (v.vehicles ?? []).length > 0).map((v) => v.accountId),
      leader: medicineCrew.find((v) =>
        groupMemberRows.some((m) => m.volunteerId === v.id && m.groupId === medicineGroup && m.isLeader),
      )!.accountId,
    });
    const buyingCrew = groupMemberRows.filter((m) => m.groupId === groupIds.get('group_buying'));
    const accountOf = (volunteerId: string) => volunteerRows.find((v) => v.id === volunteerId)!.accountId;
    await seedDemoGroupBuys(txDb, {
      communityId,
      now,
      households: households.map((h) => ({ id: h.id, buildingId: buildingIds.get(h.plan.buildingCode)! })),
      accountHouseholdId: firstAccount ? households[firstAccount.household]!.id : null,
      leader: accountOf(buyingCrew.find((m) => m.isLeader)!.volunteerId),
      volunteers: buyingCrew.map((m) => accountOf(m.volunteerId)),
    });
    await seedDemoAnnouncements(txDb, { communityId, now });
    await seedDemoRelays(txDb, { communityId, now, timeZone: 'Asia/Shanghai' });
    const disinfectionCrew = groupMemberRows
      .filter((m) => m.groupId === groupIds.get('disinfection'))
      .sort((x, y) => Number(y.isLeader) - Number(x.isLeader));
    await seedDemoDisinfection(txDb, {
      communityId,
      now,
      timeZone: 'Asia/Shanghai',
      buildings: [...buildingIds].map(([code, id]) => ({ id, code })),
      gates: [
        { id: gateIds.west, name: '西门' },
        { id: gateIds.east, name: '东门' },
      ],
      crew: disinfectionCrew.map((m) => accountOf(m.volunteerId)),
    });
    const accountNamed = (username: string) => accounts.find((a) => a.username === username)!.id!;
    await seedDemoCommittee(txDb, {
      communityId,
      now,
      timeZone: 'Asia/Shanghai',
      residents: residentIds.flat().length,
      groupIds,
      secretary: accountNamed('secretary'),
      staff: ['staff1', 'staff2', 'staff3'].map(accountNamed),
    });
    await seedDemoNotices(txDb, { communityId, now, timeZone: 'Asia/Shanghai' });
    // Last: the past day reports read what the rest of the demo wrote.
    await seedDemoStreet(txDb, { gelinId: communityId, now, passwordHash });
    await audit(tx, {
      communityId,
      account: null,
      role: 'system',
      action: 'community.seed',
      targetType: 'community',
      targetId: communityId,
      params: { preset: 'gelin' },
    });
  });
  return {
    created: true,
    communityId,
    counts: {
      buildings: plan.buildings.length,
      households: households.length,
      residents: residentIds.flat().length,
      accounts: accounts.length,
    },
  };
}
