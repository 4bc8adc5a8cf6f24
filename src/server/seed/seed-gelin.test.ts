import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { GELIN, planGelin } from './gelin.ts';
import { seedGelin } from './seed-gelin.ts';

describe('the gelin demo community', () => {
  let t: TestApp;
  let communityId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const result = await seedGelin(t.deps.db, 'demo-pass-123');
    communityId = result.communityId;
  });
  afterAll(() => t.close());

  it('is the same plan every time', () => {
    const a = planGelin();
    const b = planGelin();
    expect(a.households.map((h) => h.residents.map((r) => r.name).join()).join()).toBe(
      b.households.map((h) => h.residents.map((r) => r.name).join()).join(),
    );
  });

  it('has the figures of the story, visible to the secretary', async () => {
    const secretary = await signIn(t.app, 'secretary', 'demo-pass-123');
    const res = await call(t.app, secretary, 'GET', `/api/communities/${communityId}/overview`);
    const overview = res.json();
    expect(overview.people).toMatchObject({ cadres: 2, socialWorkers: 6, volunteers: GELIN.volunteers });
    expect(overview.registry.buildings).toBe(125);
    expect(overview.registry.households).toBe(2194);
    expect(overview.registry.residents).toBeGreaterThanOrEqual(5800);
    expect(overview.registry.residents).toBeLessThanOrEqual(6400);
    expect(overview.registry.vulnerableResidents).toBeGreaterThan(100);
    expect(overview.groups).toHaveLength(6);
    for (const group of overview.groups) expect(group.volunteers).toBeGreaterThan(20);
  });

  it('signs in every kind of demo account with the demo password', async () => {
    for (const username of ['staff1', 'staff8', 'v001', 'v280', 'r0001', 'r0200']) {
      const session = await signIn(t.app, username, 'demo-pass-123');
      const me = (await call(t.app, session, 'GET', '/api/session')).json();
      expect(me.demo).toBe(true);
      expect(me.session.memberships[0].communityId).toBe(communityId);
    }
    const v001 = await signIn(t.app, 'v001', 'demo-pass-123');
    const me = (await call(t.app, v001, 'GET', '/api/session')).json();
    expect(me.session.memberships[0].roles.sort()).toEqual(['leader', 'volunteer']);
  });

  it('is not written twice', async () => {
    const again = await seedGelin(t.deps.db, 'demo-pass-123');
    expect(again).toMatchObject({ created: false, communityId });
  });
});
