import { eq, sql } from 'drizzle-orm';
import { ROLES } from '../../shared/roles.ts';
import { groupMembers, outbox, residents, volunteerGroups, volunteers } from '../db/schema/index.ts';
import { createSession } from '../platform/sessions.ts';
import { multipartFile, PNG_UPLOAD, ROSTER_CSV, withSession } from './access-uploads.ts';
import { seedSmallRegistry, seedTwoCommunities } from './fixtures.ts';
import { call, type Session, type TestApp } from './test-app.ts';

/** Who knocks: nobody signed in, each role of community A, B's coordinator, and a member of nowhere. */
export const IDENTITIES = ['anonymous', ...ROLES, 'b-coordinator', 'outsider'] as const;
export type Identity = (typeof IDENTITIES)[number];

function expectOk(what: string, res: { statusCode: number; body: string }) {
  if (res.statusCode >= 300) throw new Error(`access world: ${what} failed: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body || 'null');
}

/**
 * Community A with the small registry and one of everything an operation can point at, made through
 * the API by its coordinator (so every id is real): a shift with a sign-up, a template, a call for
 * volunteers, a testing round with a tube, parcels, a medicine request of the resident's household with
 * a photo, a group buy with the resident's order, a disinfection area, a meeting and an action item, an
 * announcement with an image and a relay task. `leader` leads every group and `volunteer` is in every
 * group, so a role the table allows is not then refused for standing outside the feature's group.
 */
export async function buildAccessWorld(t: TestApp) {
  const db = t.deps.db;
  const { a, b, ids } = await seedTwoCommunities(db);
  const registry = await seedSmallRegistry(db, a, ids.resident);
  const groups = await db
    .select({ id: volunteerGroups.id, key: volunteerGroups.key })
    .from(volunteerGroups)
    .where(eq(volunteerGroups.communityId, a));
  const groupId = (key: string) => groups.find((g) => g.key === key)!.id;
  const vols = await db
    .insert(volunteers)
    .values([
      { communityId: a, accountId: ids.leader!, status: 'approved', vehicles: ['car'] },
      { communityId: a, accountId: ids.volunteer!, status: 'approved', vehicles: ['e_bike'] },
    ])
    .returning({ id: volunteers.id, badgeToken: volunteers.badgeToken });
  await db.insert(groupMembers).values(
    groups.flatMap((g) => [
      { communityId: a, groupId: g.id, volunteerId: vols[0]!.id, isLeader: true },
      { communityId: a, groupId: g.id, volunteerId: vols[1]!.id },
    ]),
  );

  const sessions = {} as Record<Identity, Session | null>;
  sessions.anonymous = null;
  for (const who of IDENTITIES.slice(1)) {
    const s = await createSession(t.deps, ids[who]!, '127.0.0.1', 'access-matrix');
    sessions[who] = { cookie: `linli_session=${s.token}`, csrf: s.csrfToken };
  }
  const url = (path: string) => `/api/communities/${a}${path}`;
  const co = sessions.coordinator!;
  const now = t.clock.now().getTime();
  const iso = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
  const [zhang, , , wang] = registry.residents;

  const shift = expectOk(
    'createShift',
    await call(t.app, co, 'POST', url('/shifts'), {
      groupId: groupId('parcels'),
      title: '快递分拣',
      capacity: 5,
      startsAt: iso(30),
      endsAt: iso(33),
      signupOpensAt: iso(-1),
      signupClosesAt: iso(29),
    }),
  );
  const signup = expectOk(
    'signUpForShift',
    await call(t.app, sessions.volunteer, 'POST', url(`/shifts/${shift.id}/signups`), {}),
  );
  const template = expectOk(
    'createShiftTemplate',
    await call(t.app, co, 'POST', url('/shift-templates'), {
      groupId: groupId('parcels'),
      startTime: '08:00',
      endTime: '10:00',
      roles: [{ role: '分拣', capacity: 2 }],
    }),
  );
  const volunteerCall = expectOk(
    'openVolunteerCall',
    await call(t.app, co, 'POST', url('/volunteer-calls'), { title: '招募' }),
  );
  const round = expectOk(
    'createTestingRound',
    await call(t.app, co, 'POST', url('/testing-rounds'), {
      title: '第一轮',
      day: '2026-04-10',
      startTime: '07:00',
      lanes: 2,
      gates: [{ gateId: registry.gate.id, lanes: 2, crowdLimit: 50 }],
    }),
  );
  expectOk('planCallDown', await call(t.app, co, 'POST', url(`/testing-rounds/${round.id}/call-down/plan`)));
  expectOk(
    'publishCallDown',
    await call(t.app, co, 'POST', url(`/testing-rounds/${round.id}/call-down/publish`)),
  );
  const tube = expectOk(
    'openTube',
    await call(t.app, co, 'POST', url(`/testing-rounds/${round.id}/tubes`), {
      barcode: 'T0001',
      gateId: registry.gate.id,
      lane: 1,
    }),
  );
  expectOk(
    'receiveParcels',
    await call(t.app, co, 'POST', url('/parcels'), { batch: { buildingId: registry.b12.id, count: 2 } }),
  );
  const medicine = expectOk(
    'createMedicineRequest',
    await call(t.app, sessions.resident, 'POST', url('/medicine-requests'), {
      residentId: zhang!.id,
      drugName: '氨氯地平片',
      quantity: '2盒',
      payment: 'yes',
    }),
  );
  const photo = await t.app.inject({
    method: 'POST',
    url: url(`/medicine-requests/${medicine.id}/attachments?kind=prescription`),
    ...withSession(co, PNG_UPLOAD()),
  });
  const attachment = expectOk('uploadMedicineAttachment', photo);
  const groupBuy = expectOk(
    'createGroupBuy',
    await call(t.app, co, 'POST', url('/group-buys'), {
      title: '大米',
      supplierName: '粮店',
      opensAt: iso(-1),
      closesAt: iso(48),
      items: [{ name: '大米', unit: '袋', priceFen: 5000, stock: 100 }],
    }),
  );
  const order = expectOk(
    'placeOrder',
    await call(t.app, sessions.resident, 'POST', url(`/group-buys/${groupBuy.id}/orders`), {
      lines: [{ itemId: groupBuy.items[0].id, quantity: 1 }],
    }),
  );
  const area = expectOk(
    'createDisinfectionArea',
    await call(t.app, co, 'POST', url('/disinfection/areas'), {
      name: '12号楼大堂',
      kind: 'lobby',
      buildingId: registry.b12.id,
      schedule: 'daily',
      times: ['09:00'],
    }),
  );
  const meeting = expectOk(
    'createMeeting',
    await call(t.app, co, 'POST', url('/committee/meetings'), { title: '周例会', heldAt: iso(2) }),
  );
  const actionItem = expectOk(
    'createActionItem',
    await call(t.app, co, 'POST', url('/committee/action-items'), {
      title: '排查独居老人',
      ownerAccountId: ids.volunteer,
      dueOn: '2026-04-12',
    }),
  );
  expectOk(
    'setRelayContact',
    await call(t.app, co, 'PUT', url(`/buildings/${registry.b12.id}/relay`), { residentId: zhang!.id }),
  );
  const announcement = expectOk(
    'publishAnnouncement',
    await call(t.app, co, 'POST', url('/announcements'), {
      title: '核酸通知',
      body: '明早七点楼下做核酸',
      audience: 'all',
      relay: true,
      public: true,
    }),
  );
  const image = await t.app.inject({
    method: 'POST',
    url: url(`/announcements/${announcement.id}/image`),
    ...withSession(co, PNG_UPLOAD()),
  });
  expectOk('uploadAnnouncementImage', image);
  // Today's disinfection tasks are made when the list is first read.
  expectOk('listDisinfectionTasks', await call(t.app, co, 'GET', url('/disinfection/tasks')));
  const firstRow = async (query: ReturnType<typeof sql>) =>
    ((await db.execute(query)) as unknown as { rows: { id: string }[] }).rows[0]!.id;
  const disinfectionTask = await firstRow(
    sql`select id from disinfection_tasks where community_id = ${a} and area_id = ${area.id} limit 1`,
  );
  const relayTask = await firstRow(
    sql`select id from relay_tasks where community_id = ${a} and building_id = ${registry.b12.id} limit 1`,
  );
  // What the walk finishes: a draft call-down, a closed group buy awaiting its goods, a pending
  // volunteer, a previewed roster, two dead notices (one each for the two resend operations).
  const draftRound = expectOk(
    'createTestingRound',
    await call(t.app, co, 'POST', url('/testing-rounds'), {
      title: '第二轮',
      day: '2026-04-11',
      startTime: '07:00',
      lanes: 1,
      gates: [{ gateId: registry.gate.id, lanes: 1, crowdLimit: 30 }],
    }),
  );
  expectOk(
    'planCallDown',
    await call(t.app, co, 'POST', url(`/testing-rounds/${draftRound.id}/call-down/plan`)),
  );
  const closedBuy = expectOk(
    'createGroupBuy',
    await call(t.app, co, 'POST', url('/group-buys'), {
      title: '鸡蛋',
      supplierName: '蛋站',
      opensAt: iso(-1),
      closesAt: iso(48),
      items: [{ name: '鸡蛋', unit: '盒', priceFen: 2000, stock: 10 }],
    }),
  );
  const closedOrder = expectOk(
    'placeOrder',
    await call(t.app, sessions.resident, 'POST', url(`/group-buys/${closedBuy.id}/orders`), {
      lines: [{ itemId: closedBuy.items[0].id, quantity: 1 }],
    }),
  );
  expectOk('closeGroupBuy', await call(t.app, co, 'POST', url(`/group-buys/${closedBuy.id}/close`)));
  expectOk(
    'registerVolunteer',
    await call(t.app, null, 'POST', `/api/join/community-a/${volunteerCall.path.split('/').pop()}`, {
      name: '待审志愿者',
      mobile: '13500003333',
      password: 'long-enough-pass',
      buildingCode: '12',
      room: '101',
      partyMember: false,
      ageBand: '18-29',
    }),
  );
  const rosterPreview = await t.app.inject({
    method: 'POST',
    url: url('/roster-imports'),
    ...withSession(co, multipartFile(Buffer.from(ROSTER_CSV), 'roster.csv', 'text/csv')),
  });
  const rosterImport = expectOk('previewRosterImport', rosterPreview).importId as string;
  const pending = await firstRow(
    sql`select id from volunteers where community_id = ${a} and status = 'pending'`,
  );
  const deadLetters = await db
    .insert(outbox)
    .values(
      [0, 1].map(() => ({
        communityId: a,
        accountId: ids.resident!,
        kind: 'shift.cancelled',
        params: {},
        channel: 'webhook',
        status: 'dead',
        attempts: 5,
        nextAttemptAt: new Date(now),
        createdAt: new Date(now),
      })),
    )
    .returning({ id: outbox.id });
  const [spare] = await db
    .insert(residents)
    .values({ communityId: a, householdId: registry.households[2]!.id, name: '王小红', birthYear: 1999 })
    .returning();
  /** A session of its own, for operations that end the caller's session (logout). */
  const freshSession = async (who: Identity): Promise<Session | null> => {
    if (who === 'anonymous') return null;
    const s = await createSession(t.deps, ids[who]!, '127.0.0.1', 'access-matrix');
    return { cookie: `linli_session=${s.token}`, csrf: s.csrfToken };
  };
  return {
    a,
    b,
    freshSession,
    ids,
    url,
    sessions,
    registry,
    groupId,
    badge: vols[1]!.badgeToken,
    shift,
    signup,
    template,
    volunteerCall,
    round,
    tube,
    medicine,
    attachment,
    groupBuy,
    order,
    area,
    meeting,
    actionItem,
    announcement,
    disinfectionTask,
    draftRound,
    closedBuy,
    closedOrder,
    rosterImport,
    pendingVolunteer: pending,
    deadLetters: deadLetters.map((d) => d.id),
    relayTask,
    zhang: zhang!,
    wang: wang!,
    spare: spare!,
  };
}
export type AccessWorld = Awaited<ReturnType<typeof buildAccessWorld>>;
