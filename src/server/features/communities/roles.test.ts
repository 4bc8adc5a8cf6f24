import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { databaseFingerprint, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

// Every role of community A against every operation of the foundation.
const expected: Record<string, Record<Role, number>> = {
  listMyCommunities: {
    coordinator: 200,
    leader: 200,
    volunteer: 200,
    staff: 200,
    resident: 200,
    viewer: 200,
  },
  getCommunityOverview: {
    coordinator: 200,
    leader: 200,
    volunteer: 200,
    staff: 200,
    resident: 200,
    viewer: 200,
  },
  listAuditLog: { coordinator: 200, leader: 403, volunteer: 403, staff: 200, resident: 403, viewer: 403 },
  createCommunity: { coordinator: 403, leader: 403, volunteer: 403, staff: 201, resident: 403, viewer: 403 },
};

describe('authorization by role', () => {
  let t: TestApp;
  let a: string;
  let b: string;
  const sessions = {} as Record<string, Session>;
  beforeAll(async () => {
    t = await createTestApp();
    ({ a, b } = await seedTwoCommunities(t.deps.db));
    for (const username of [...ROLES, 'b-coordinator', 'outsider'])
      sessions[username] = await signIn(t.app, username);
  });
  afterAll(() => t.close());

  const request = (operation: string, session: Session, community: string) => {
    switch (operation) {
      case 'listMyCommunities':
        return call(t.app, session, 'GET', '/api/communities');
      case 'getCommunityOverview':
        return call(t.app, session, 'GET', `/api/communities/${community}/overview`);
      case 'listAuditLog':
        return call(t.app, session, 'GET', `/api/communities/${community}/audit`);
      default:
        return call(t.app, session, 'POST', '/api/communities', {
          slug: `new-${Math.random().toString(36).slice(2, 8)}`,
          name: '新小区',
        });
    }
  };

  for (const [operation, byRole] of Object.entries(expected)) {
    for (const role of ROLES) {
      it(`${operation} as ${role} → ${byRole[role]}`, async () => {
        const before = byRole[role] === 403 ? await databaseFingerprint(t.deps.db) : null;
        const res = await request(operation, sessions[role]!, a);
        expect(res.statusCode).toBe(byRole[role]);
        if (before !== null) {
          expect(res.json().error.code).toBe('FORBIDDEN');
          expect(await databaseFingerprint(t.deps.db)).toBe(before);
        }
      });
    }
  }

  it('requires sign-in for every community operation', async () => {
    for (const url of ['/api/communities', `/api/communities/${a}/overview`, `/api/communities/${a}/audit`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
    }
  });

  it("never shows one community's data to a member of another", async () => {
    for (const role of ROLES) {
      for (const path of ['overview', 'audit']) {
        const res = await call(t.app, sessions[role]!, 'GET', `/api/communities/${b}/${path}`);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain('乙小区');
      }
    }
    const mine = await call(t.app, sessions['b-coordinator']!, 'GET', '/api/communities');
    expect(mine.json().items.map((c: { name: string }) => c.name)).toEqual(['乙小区']);
    const outsider = await call(t.app, sessions.outsider!, 'GET', '/api/communities');
    expect(outsider.json().items).toEqual([]);
  });

  it('makes the creator of a community its coordinator and records it in its audit log', async () => {
    const res = await call(t.app, sessions.staff!, 'POST', '/api/communities', {
      slug: 'west-garden',
      name: '西苑',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.roles).toEqual(['coordinator', 'staff']);
    const overview = await call(t.app, sessions.staff!, 'GET', `/api/communities/${created.id}/overview`);
    expect(overview.json().groups.map((g: { key: string }) => g.key)).toEqual([
      'parcels',
      'testing',
      'medicine',
      'group_buying',
      'disinfection',
      'publicity',
    ]);
    const log = await call(
      t.app,
      sessions.staff!,
      'GET',
      `/api/communities/${created.id}/audit?action=community.create`,
    );
    const [entry] = log.json().items;
    expect(entry).toMatchObject({
      action: 'community.create',
      role: 'staff',
      actorName: 'staff 测试',
      targetId: created.id,
    });
    const again = await call(t.app, sessions.staff!, 'POST', '/api/communities', {
      slug: 'west-garden',
      name: '西苑二',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SLUG_TAKEN');
  });

  it('pages and filters the audit log', async () => {
    for (let i = 0; i < 3; i++) {
      await call(t.app, sessions.staff!, 'POST', '/api/communities', { slug: `page-${i}`, name: `分页${i}` });
    }
    // each new community has its own log; A's log holds what happened in A only
    const own = await call(t.app, sessions.coordinator!, 'GET', `/api/communities/${a}/audit?limit=1`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.every((e: { targetId: string }) => e.targetId !== b)).toBe(true);
    const bad = await call(t.app, sessions.coordinator!, 'GET', `/api/communities/${a}/audit?limit=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('querystring.limit');
  });
});
