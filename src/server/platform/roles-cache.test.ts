import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { memberships, volunteers } from '../db/schema/index.ts';
import { seedTwoCommunities } from '../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../test-support/test-app.ts';
import { announceRolesChanged } from './roles-cache.ts';

describe("a member's roles, kept for a few seconds", () => {
  let t: TestApp;
  let a: string;
  let ids: Record<string, string>;
  let resident: Session;
  const myParcels = () => call(t.app, resident, 'GET', `/api/communities/${a}/my-parcels`);
  const residentRow = () =>
    and(
      eq(memberships.communityId, a),
      eq(memberships.accountId, ids.resident!),
      eq(memberships.role, 'resident'),
    );

  beforeAll(async () => {
    t = await createTestApp();
    ({ a, ids } = await seedTwoCommunities(t.deps.db));
    resident = await signIn(t.app, 'resident');
  });
  afterAll(() => t.close());

  it('answers from memory until the roles change, and forgets them when any process says they did', async () => {
    expect((await myParcels()).statusCode).toBe(200);
    // Taken away behind the server's back, with no notice: the memory holds until it is stale.
    await t.deps.db.delete(memberships).where(residentRow());
    expect((await myParcels()).statusCode).toBe(200);
    t.clock.advance(61_000);
    expect((await myParcels()).statusCode).toBe(404);

    // Given back: a non-member is never remembered, so it counts at once.
    await t.deps.db
      .insert(memberships)
      .values({ communityId: a, accountId: ids.resident!, role: 'resident' });
    expect((await myParcels()).statusCode).toBe(200);
    // Taken away by another process, which says so: this one forgets when it hears it.
    const elsewhere = {} as Db;
    await t.deps.db.transaction(async (tx) => {
      await tx.delete(memberships).where(residentRow());
      await announceRolesChanged(tx, [ids.resident!], elsewhere);
    });
    const deadline = Date.now() + 2_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await myParcels()).statusCode;
      if (status === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(404);
  });

  it('takes a role back at once when this process changes it, and gives it back at once', async () => {
    const coordinator = await signIn(t.app, 'coordinator');
    const volunteer = await signIn(t.app, 'volunteer');
    const [row] = await t.deps.db
      .insert(volunteers)
      .values({ communityId: a, accountId: ids.volunteer!, status: 'approved' })
      .returning();
    const mySignups = () => call(t.app, volunteer, 'GET', `/api/communities/${a}/my/signups`);
    const decide = (decision: 'approve' | 'reject') =>
      call(t.app, coordinator, 'POST', `/api/communities/${a}/volunteers/decisions`, {
        volunteerIds: [row!.id],
        decision,
        groupIds: [],
      });
    expect((await mySignups()).statusCode).toBe(200);
    expect((await decide('reject')).statusCode).toBe(200);
    expect((await mySignups()).statusCode).not.toBe(200);
    expect((await decide('approve')).statusCode).toBe(200);
    expect((await mySignups()).statusCode).toBe(200);
  });
});
