import { and, eq, sql } from 'drizzle-orm';
import {
  accounts,
  groupMembers,
  medicineRequests,
  memberships,
  residents,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';
import { createSession } from '../../platform/sessions.ts';
import { seedGroupVolunteers, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

/**
 * Community A with the small registry. The medicine group: `leader` leads it (has a car), `volunteer`
 * and `driver0` are members (driver0 has an e-bike). `pv0` is in the parcels group only. `resident`
 * lives in 12-1203 (with 李芳); `neighbour` is 王强 of 2-502, another household. Sessions by name.
 */
export async function medicineWorkScene(t: TestApp) {
  const { a, b, ids } = await seedTwoCommunities(t.deps.db);
  const registry = await seedSmallRegistry(t.deps.db, a, ids.resident);
  const [zhang, li, lu, wang] = registry.residents;
  const groupId = async (key: string) =>
    (
      await t.deps.db
        .select({ id: volunteerGroups.id })
        .from(volunteerGroups)
        .where(and(eq(volunteerGroups.communityId, a), eq(volunteerGroups.key, key)))
    )[0]!.id;
  const medicine = await groupId('medicine');
  const vols = await t.deps.db
    .insert(volunteers)
    .values([
      { communityId: a, accountId: ids.leader!, status: 'approved', vehicles: ['car'] },
      { communityId: a, accountId: ids.volunteer!, status: 'approved' },
    ])
    .returning({ id: volunteers.id });
  await t.deps.db.insert(groupMembers).values([
    { communityId: a, groupId: medicine, volunteerId: vols[0]!.id, isLeader: true },
    { communityId: a, groupId: medicine, volunteerId: vols[1]!.id },
  ]);
  const [driver] = await seedGroupVolunteers(t.deps, a, medicine, 1, 'driver');
  await t.deps.db
    .update(volunteers)
    .set({ vehicles: ['ebike'] })
    .where(eq(volunteers.id, driver!.volunteerId));
  const [parcelsVolunteer] = await seedGroupVolunteers(t.deps, a, await groupId('parcels'), 1, 'pv');

  const [neighbour] = await t.deps.db
    .insert(accounts)
    .values({ username: 'neighbour', displayName: '王强', passwordHash: 'not-a-real-hash' })
    .returning({ id: accounts.id });
  await t.deps.db.insert(memberships).values({ communityId: a, accountId: neighbour!.id, role: 'resident' });
  await t.deps.db.update(residents).set({ accountId: neighbour!.id }).where(eq(residents.id, wang!.id));
  const neighbourSession = await createSession(t.deps, neighbour!.id, '127.0.0.1', 'test');

  const s: Record<string, Session> = {};
  for (const name of [
    'coordinator',
    'staff',
    'leader',
    'volunteer',
    'resident',
    'viewer',
    'b-coordinator',
    'outsider',
  ])
    s[name] = await signIn(t.app, name);
  s.driver = driver!.session;
  s.parcelsVolunteer = parcelsVolunteer!.session;
  s.neighbour = { cookie: `linli_session=${neighbourSession.token}`, csrf: neighbourSession.csrfToken };
  return {
    a,
    b,
    url: (path: string) => `/api/communities/${a}${path}`,
    ids: { ...ids, driver: driver!.accountId, parcelsVolunteer: parcelsVolunteer!.accountId } as Record<
      string,
      string
    >,
    s,
    residents: { zhang: zhang!, li: li!, lu: lu!, wang: wang! },
  };
}
export type MedicineWorkScene = Awaited<ReturnType<typeof medicineWorkScene>>;

/** A request written straight into the table, in whatever state a test needs (not through M2's endpoints). */
export async function insertRequest(
  t: TestApp,
  communityId: string,
  resident: { id: string; householdId: string },
  fields: Partial<typeof medicineRequests.$inferInsert> = {},
) {
  const now = t.clock.now();
  const [row] = await t.deps.db
    .insert(medicineRequests)
    .values({
      communityId,
      residentId: resident.id,
      householdId: resident.householdId,
      drugName: '氨氯地平片',
      quantity: '2盒',
      urgency: 'normal',
      urgencyReason: 'normal',
      deadlineAt: new Date(now.getTime() + 72 * 3_600_000),
      status: 'triaged',
      createdAt: now,
      updatedAt: now,
      ...fields,
    })
    .returning();
  return row!;
}

export async function countRows(t: TestApp, table: string, where = 'true') {
  const result = await t.deps.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`));
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

/** A multipart body with the given files under the field "file". */
export function multipartPhotos(files: { data: Uint8Array; name: string; type: string }[]) {
  const boundary = '----linli-medicine-photo';
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
    ),
    Buffer.from(f.data),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
