import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftSignups } from '../../db/schema/index.ts';
import { seedGroupVolunteers, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import * as cancelRepo from './cancel-shift.repository.ts';

// PGlite runs one transaction at a time, so only PostgreSQL can hold a cancellation open mid-way
// (this file runs in the PostgreSQL pass only: see vitest.config.ts).
describe('cancelling a shift while a sign-up arrives', () => {
  let t: TestApp;
  let a: string;
  let coordinator: Session;
  let parcels: string;
  const url = (path: string) => `/api/communities/${a}${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await seedTwoCommunities(t.deps.db));
    coordinator = await signIn(t.app, 'coordinator');
    const groups = (await call(t.app, coordinator, 'GET', url('/groups'))).json().items;
    parcels = groups.find((g: { key: string }) => g.key === 'parcels').id;
  });
  afterAll(() => t.close());

  it('refuses a sign-up that reached the places while the shift was being cancelled', async () => {
    const created = await call(t.app, coordinator, 'POST', url('/shifts'), {
      groupId: parcels,
      role: 'volunteer',
      capacity: 5,
      startsAt: '2026-04-10T11:00:00Z',
      endsAt: '2026-04-10T13:00:00Z',
      signupOpensAt: '2026-04-08T12:00:00Z',
      signupClosesAt: '2026-04-10T10:00:00Z',
    });
    expect(created.statusCode, created.body).toBe(201);
    const shift = created.json();
    const [late] = await seedGroupVolunteers(t.deps, a, parcels, 1, 'mid-cancel');
    let release = () => {};
    const paused = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The cancellation's first steps, then a pause while the sign-up arrives, then the rest.
    const cancelling = t.deps.db.transaction(async (tx) => {
      await cancelRepo.lockRoles(tx, a, shift.id);
      await cancelRepo.markCancelled(tx, a, shift.id);
      await paused;
      await cancelRepo.cancelLiveSignups(tx, a, shift.id, t.clock.now());
      await cancelRepo.releasePlaces(tx, a, shift.id);
    });
    const signUp = call(t.app, late!.session, 'POST', url(`/shifts/${shift.id}/signups`), {});
    await new Promise((r) => setTimeout(r, 300)); // the sign-up now waits on the locked places
    release();
    await cancelling;
    const answer = await signUp;
    expect([answer.statusCode, answer.json().error?.code]).toEqual([409, 'SHIFT_CANCELLED']);
    const rows = await t.deps.db
      .select({ status: shiftSignups.status })
      .from(shiftSignups)
      .where(eq(shiftSignups.shiftId, shift.id));
    expect(rows).toEqual([]);
  });
});
