import { and, eq } from 'drizzle-orm';
import type { Database } from '../server/db/client.ts';
import {
  accounts,
  memberships,
  noticeGateways,
  volunteerGroups,
  volunteers,
} from '../server/db/schema/index.ts';
import {
  groupBuyScene,
  openCampaign,
  seedOrderingHouseholds,
} from '../server/features/group-buys/group-buys.test-support.ts';
import { insertResidents, insertRound } from '../server/features/testing/scanning.test-support.ts';
import { createSession } from '../server/platform/sessions.ts';
import { seedGroupVolunteers } from '../server/test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn } from '../server/test-support/test-app.ts';

/** The secret the scene's sessions are hashed with: the servers under test must be started with it. */
export const SCENE_SESSION_SECRET = 'test-secret';
export const GATEWAY_SECRET = 'crash-loop-gateway-secret';
const HOUR = 3_600_000;

export interface SceneSize {
  /** volunteers who each try every shift */
  signers: number;
  shifts: number[];
  /** parcels scanned at the gate, one request each */
  parcels: number;
  /** residents swabbed, split between the lanes */
  swabs: number;
  lanes: number;
  buyers: number;
  /** volunteers waiting for approval: each approval is one notice (inbox and gateway) */
  pending: number;
}

export function sceneSize(scale: number): SceneSize {
  const n = (x: number) => Math.round(x * scale);
  return {
    signers: n(30),
    shifts: [4, 7, 11],
    parcels: n(80),
    swabs: n(60),
    lanes: 3,
    buyers: n(40),
    pending: n(16),
  };
}

/**
 * Everything the stampede needs, written into the database before any server runs: the features'
 * own test scenes, run in-process on the same database, with sessions the servers will accept
 * (same secret, made on the real clock so they have not expired).
 */
export async function seedCrashScene(database: Database, size: SceneSize, gatewayUrl: string) {
  const t = await createTestApp({}, database);
  try {
    t.clock.advance(Date.now() - t.clock.now().getTime());
    const x = await groupBuyScene(t);
    const { a, registry } = x;
    const db = t.deps.db;
    const groupId = async (key: string) => {
      const [g] = await db
        .select({ id: volunteerGroups.id })
        .from(volunteerGroups)
        .where(and(eq(volunteerGroups.communityId, a), eq(volunteerGroups.key, key)));
      return g!.id;
    };

    // Shift sign-ups: non-overlapping shifts of the parcels group, open now.
    const parcelsGroup = await groupId('parcels');
    const signers = await seedGroupVolunteers(t.deps, a, parcelsGroup, size.signers, 'cs');
    const at = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
    const shifts: { id: string; capacity: number }[] = [];
    for (const [i, capacity] of size.shifts.entries()) {
      const res = await call(t.app, x.s.coordinator!, 'POST', `/api/communities/${a}/shifts`, {
        groupId: parcelsGroup,
        capacity,
        title: `抢班${i}`,
        startsAt: at(48 + 8 * i),
        endsAt: at(52 + 8 * i),
        signupOpensAt: at(-1),
        signupClosesAt: at(40),
      });
      if (res.statusCode !== 201) throw new Error(`createShift: ${res.statusCode} ${res.body}`);
      shifts.push({ id: res.json().id, capacity });
    }

    // Testing: a running round at the registry's gate, residents with personal codes, swabbing lanes.
    const round = await insertRound(db, a, { gateIds: [registry.gate.id], lanes: size.lanes });
    const people = await insertResidents(db, a, registry.b2.id, size.swabs);
    const lanes = await seedGroupVolunteers(t.deps, a, await groupId('testing'), size.lanes, 'swab');

    // Group buying: a campaign of rice and milk, and households that each order once.
    const campaign = await openCampaign(t, x);
    const buyers = await seedOrderingHouseholds(t, a, size.buyers);

    // Volunteers waiting for the coordinator, with mobiles so the gateway has somewhere to send.
    const pendingAccounts = await db
      .insert(accounts)
      .values(
        Array.from({ length: size.pending }, (_, i) => ({
          username: `pv${i}`,
          displayName: `待审${i}`,
          passwordHash: 'not-a-real-hash',
          mobile: `1390000${String(i).padStart(4, '0')}`,
        })),
      )
      .returning({ id: accounts.id });
    await db
      .insert(memberships)
      .values(pendingAccounts.map((p) => ({ communityId: a, accountId: p.id, role: 'resident' })));
    const pending = await db
      .insert(volunteers)
      .values(pendingAccounts.map((p) => ({ communityId: a, accountId: p.id, status: 'pending' })))
      .returning({ id: volunteers.id, accountId: volunteers.accountId });
    // their own sessions, to read their inbox with: the test's view of the inbox lane on either database
    const pendingPeople: { volunteerId: string; session: Session }[] = [];
    for (const p of pending) {
      const { token, csrfToken } = await createSession(t.deps, p.accountId, '127.0.0.1', 'crash-loop');
      pendingPeople.push({
        volunteerId: p.id,
        session: { cookie: `linli_session=${token}`, csrf: csrfToken },
      });
    }
    await db.insert(noticeGateways).values({
      communityId: a,
      url: gatewayUrl,
      secret: GATEWAY_SECRET,
      enabled: true,
      updatedAt: new Date(),
    });

    const staff: Session = await signIn(t.app, 'staff');
    return {
      a,
      coordinator: x.s.coordinator!,
      shifts,
      signers: signers.map((s) => ({ volunteerId: s.volunteerId, session: s.session })),
      gate: { staff: [staff, x.s.coordinator!], buildingId: registry.b12.id, parcels: size.parcels },
      testing: { round, gateId: registry.gate.id, people, lanes: lanes.map((l) => l.session) },
      groupBuy: { id: campaign.id, rice: campaign.rice, milk: campaign.milk, buyers },
      pending: pending.map((p) => p.id),
      pendingPeople,
    };
  } finally {
    await t.app.close();
  }
}
export type CrashScene = Awaited<ReturnType<typeof seedCrashScene>>;
