import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createRandom } from '../../domain/random.ts';
import { addDays, wallClockAt, wallTimeToInstant } from '../../domain/shifts/zoned-time.ts';
import { DEFAULT_GROUPS } from '../../shared/groups.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';
import { composeReport } from '../features/reports/daily-report-maker.ts';
import { syntheticMobile, syntheticName } from './names.ts';

// The street office's view of the demo (issue 10): 歌林春天 placed on the map of 彭浦镇 (the sub-district
// of the story's 运城居民区), a small neighbouring compound beside it, a `viewer` account for the street
// office granted both, and the last few evenings' day reports, made from the seeded data as the
// schedule would have made them.

const STREET = '彭浦镇';
const TIME_ZONE = 'Asia/Shanghai';
const SEED = 20220410;
/** Evenings of reports already in the history: the demo's, and the small neighbour's. */
const PAST_REPORTS = { gelin: 3, neighbour: 1 };

interface StreetSeed {
  gelinId: string;
  now: Date;
  passwordHash: string;
}

/** 运城新苑: eight buildings, about 150 residents, parcels waiting at its gate since the morning. */
async function seedNeighbour(db: Db, now: Date, random: ReturnType<typeof createRandom>) {
  const communityId = randomUUID();
  await db.insert(t.communities).values({
    id: communityId,
    slug: 'yuncheng',
    name: '运城新苑',
    timezone: TIME_ZONE,
    latitude: 31.3097,
    longitude: 121.4391,
    street: STREET,
  });
  await db
    .insert(t.volunteerGroups)
    .values(DEFAULT_GROUPS.map((g, sort) => ({ communityId, key: g.key, name: g.name, sort })));
  const buildings = Array.from({ length: 8 }, (_, i) => ({
    communityId,
    id: randomUUID(),
    code: String(i + 1),
    floors: 6,
    x: 60 + (i % 4) * 120,
    y: 80 + Math.floor(i / 4) * 140,
  }));
  await db.insert(t.buildings).values(buildings);
  const households = buildings.flatMap((b) =>
    Array.from({ length: 8 }, (_, i) => ({
      communityId,
      id: randomUUID(),
      buildingId: b.id,
      room: `${Math.floor(i / 2) + 1}0${(i % 2) + 1}`,
      size: random.int(1, 4),
    })),
  );
  await db.insert(t.households).values(households);
  await db.insert(t.residents).values(
    households.flatMap((h) =>
      Array.from({ length: h.size }, () => {
        const sex = random.chance(0.5) ? ('M' as const) : ('F' as const);
        return {
          communityId,
          householdId: h.id,
          name: syntheticName(random, sex),
          sex,
          birthYear: random.int(1940, 2015),
          mobile: random.chance(0.7) ? syntheticMobile(random) : null,
          flags: random.chance(0.08) ? ['elderly_alone'] : [],
        };
      }),
    ),
  );
  const day = wallClockAt(now, TIME_ZONE).day;
  await db.insert(t.parcels).values(
    Array.from({ length: 40 }, (_, i) => {
      const household = random.pick(households);
      return {
        communityId,
        buildingId: household.buildingId,
        householdId: household.id,
        room: household.room,
        source: 'batch',
        day,
        receivedAt: new Date(now.getTime() - random.int(10, 300) * 60_000),
        note: i === 0 ? '演示' : null,
      };
    }),
  );
  return communityId;
}

/** The day reports of the evenings before `now`, at each compound's report time (21:00). */
async function seedPastReports(db: Db, communityId: string, evenings: number, now: Date) {
  const today = wallClockAt(now, TIME_ZONE).day;
  for (let back = evenings; back >= 1; back--) {
    const at = wallTimeToInstant(addDays(today, -back), '21:00', TIME_ZONE);
    const report = await composeReport(db, communityId, at);
    await db.insert(t.dailyReports).values({ ...report, generatedBy: null, trigger: 'scheduled' });
  }
}

/** Called inside the demo's transaction, after everything else the reports read has been written. */
export async function seedDemoStreet(db: Db, seed: StreetSeed) {
  const random = createRandom(SEED);
  await db
    .update(t.communities)
    .set({ latitude: 31.3052, longitude: 121.4446, street: STREET })
    .where(eq(t.communities.id, seed.gelinId));
  const neighbourId = await seedNeighbour(db, seed.now, random);
  const [viewer] = await db
    .insert(t.accounts)
    .values({
      username: 'street1',
      displayName: '彭浦镇街道办（演示）',
      passwordHash: seed.passwordHash,
      isDemo: true,
    })
    .returning({ id: t.accounts.id });
  await db.insert(t.memberships).values([
    { communityId: seed.gelinId, accountId: viewer!.id, role: 'viewer', title: '街道办' },
    { communityId: neighbourId, accountId: viewer!.id, role: 'viewer', title: '街道办' },
  ]);
  await seedPastReports(db, seed.gelinId, PAST_REPORTS.gelin, seed.now);
  await seedPastReports(db, neighbourId, PAST_REPORTS.neighbour, seed.now);
  return { neighbourId, viewerId: viewer!.id };
}
