import { and, eq } from 'drizzle-orm';
import { groupMembers, testingRounds, volunteerGroups, volunteers } from '../../db/schema/index.ts';
import { seedGroupVolunteers, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

/**
 * Community A (Asia/Shanghai, the default) with the small registry (east gate, buildings 2 and 12).
 * The disinfection group: `leader` leads it, `volunteer` and `dv0` are members; `pv0` is in the
 * parcels group only; `resident` lives in 12-1203. Sessions by name; the clock starts at
 * 2026-04-09T00:00Z, 08:00 in Shanghai.
 */
export async function disinfectionScene(t: TestApp) {
  const { a, b, ids } = await seedTwoCommunities(t.deps.db);
  const registry = await seedSmallRegistry(t.deps.db, a, ids.resident);
  const groupId = async (key: string) =>
    (
      await t.deps.db
        .select({ id: volunteerGroups.id })
        .from(volunteerGroups)
        .where(and(eq(volunteerGroups.communityId, a), eq(volunteerGroups.key, key)))
    )[0]!.id;
  const disinfection = await groupId('disinfection');
  const vols = await t.deps.db
    .insert(volunteers)
    .values([
      { communityId: a, accountId: ids.leader!, status: 'approved' },
      { communityId: a, accountId: ids.volunteer!, status: 'approved' },
    ])
    .returning({ id: volunteers.id });
  await t.deps.db.insert(groupMembers).values([
    { communityId: a, groupId: disinfection, volunteerId: vols[0]!.id, isLeader: true },
    { communityId: a, groupId: disinfection, volunteerId: vols[1]!.id },
  ]);
  const [member] = await seedGroupVolunteers(t.deps, a, disinfection, 1, 'dv');
  const [outsider] = await seedGroupVolunteers(t.deps, a, await groupId('parcels'), 1, 'pv');
  const s: Record<string, Session> = {};
  for (const name of ['coordinator', 'staff', 'leader', 'volunteer', 'resident', 'viewer', 'b-coordinator'])
    s[name] = await signIn(t.app, name);
  s.member = member!.session;
  s.parcelsVolunteer = outsider!.session;
  const url = (path: string) => `/api/communities/${a}/disinfection${path}`;
  return { a, b, ids, registry, s, url };
}
export type DisinfectionScene = Awaited<ReturnType<typeof disinfectionScene>>;

export async function createArea(
  t: TestApp,
  d: DisinfectionScene,
  body: Record<string, unknown>,
  who = 'leader',
) {
  const res = await call(t.app, d.s[who]!, 'POST', d.url('/areas'), body);
  if (res.statusCode !== 201) throw new Error(`createDisinfectionArea: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string };
}

export async function tasksOf(t: TestApp, d: DisinfectionScene, query = '', who = 'member') {
  const res = await call(t.app, d.s[who]!, 'GET', d.url(`/tasks${query}`));
  if (res.statusCode !== 200) throw new Error(`listDisinfectionTasks: ${res.statusCode} ${res.body}`);
  return res.json() as {
    date: string;
    tasks: {
      id: string;
      areaName: string;
      dueAt: string;
      status: string;
      overdue: boolean;
      doneBy: { name: string } | null;
    }[];
  };
}

/** A testing round that finished at `finishedAt` (rounds are finished by the testing feature). */
export async function finishedRound(t: TestApp, communityId: string, finishedAt: Date, status = 'finished') {
  const [round] = await t.deps.db
    .insert(testingRounds)
    .values({
      communityId,
      title: '第3轮核酸',
      startsAt: new Date(finishedAt.getTime() - 3 * 3_600_000),
      lanes: 4,
      status,
      createdAt: t.clock.now(),
      finishedAt: status === 'finished' ? finishedAt : null,
    })
    .returning({ id: testingRounds.id });
  return round!.id;
}
