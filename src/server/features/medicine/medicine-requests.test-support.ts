import { and, eq } from 'drizzle-orm';
import { groupMembers, medicineRequests, volunteerGroups, volunteers } from '../../db/schema/index.ts';
import { seedGroupVolunteers, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

/**
 * Community A with the small registry (the `resident` account lives in 12-1203 with 李芳), the
 * `leader` account leading the medicine group, the `volunteer` account and one more (mv0) in it,
 * and pv0 in the parcels group only. Sessions by name.
 */
export async function medicineScene(t: TestApp) {
  const { a, b, ids } = await seedTwoCommunities(t.deps.db);
  const registry = await seedSmallRegistry(t.deps.db, a, ids.resident);
  const groupId = async (key: string) =>
    (
      await t.deps.db
        .select({ id: volunteerGroups.id })
        .from(volunteerGroups)
        .where(and(eq(volunteerGroups.communityId, a), eq(volunteerGroups.key, key)))
    )[0]!.id;
  const medicine = await groupId('medicine');
  const parcels = await groupId('parcels');
  const vols = await t.deps.db
    .insert(volunteers)
    .values([
      { communityId: a, accountId: ids.leader!, status: 'approved', vehicles: ['car'] },
      { communityId: a, accountId: ids.volunteer!, status: 'approved', vehicles: ['ebike'] },
    ])
    .returning({ id: volunteers.id });
  await t.deps.db.insert(groupMembers).values([
    { communityId: a, groupId: medicine, volunteerId: vols[0]!.id, isLeader: true },
    { communityId: a, groupId: medicine, volunteerId: vols[1]!.id },
  ]);
  const [other] = await seedGroupVolunteers(t.deps, a, medicine, 1, 'mv');
  const [parcelsVolunteer] = await seedGroupVolunteers(t.deps, a, parcels, 1, 'pv');
  const s: Record<string, Session> = {};
  for (const name of ['coordinator', 'staff', 'leader', 'volunteer', 'resident', 'viewer', 'b-coordinator'])
    s[name] = await signIn(t.app, name);
  s.otherMedicine = other!.session;
  s.parcelsVolunteer = parcelsVolunteer!.session;
  const [zhang, li, lu, wang] = registry.residents;
  return {
    a,
    b,
    ids: { ...ids, otherMedicine: other!.accountId, parcelsVolunteer: parcelsVolunteer!.accountId } as Record<
      string,
      string
    >,
    s,
    residents: { zhang: zhang!, li: li!, lu: lu!, wang: wang! },
    registry,
  };
}
export type MedicineScene = Awaited<ReturnType<typeof medicineScene>>;

/** Assignment is another helper's endpoint; these tests only need the column set, as it would be. */
export async function assignDirectly(t: TestApp, communityId: string, requestId: string, accountId: string) {
  await t.deps.db
    .update(medicineRequests)
    .set({ assignedTo: accountId, assignedAt: t.clock.now() })
    .where(and(eq(medicineRequests.communityId, communityId), eq(medicineRequests.id, requestId)));
}

/** Everything the medicine feature writes, to prove a refused request changed nothing. */
export async function medicineFingerprint(t: TestApp) {
  const { sql } = await import('drizzle-orm');
  const parts: string[] = [];
  for (const table of ['medicine_requests', 'medicine_request_events', 'audit_log', 'outbox']) {
    const result = await t.deps.db.execute(
      sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`),
    );
    parts.push(`${table}:${(result as unknown as { rows: { h: string }[] }).rows[0]!.h}`);
  }
  return parts.join(',');
}
