import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGroupVolunteers, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import { promoteWaitlisted } from './shifts.repository.ts';

const HOUR = 3600_000;

describe('shifts: moving the waitlist up', () => {
  let t: TestApp;
  let a: string;
  let coordinator: Session;
  const url = (path: string) => `/api/communities/${a}${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await seedTwoCommunities(t.deps.db));
    coordinator = await signIn(t.app, 'coordinator');
  });
  afterAll(() => t.close());

  it('promotes exactly as many as asked, whatever plan PostgreSQL chooses', async () => {
    const groups = (await call(t.app, coordinator, 'GET', url('/groups'))).json().items;
    const parcels = groups.find((g: { key: string }) => g.key === 'parcels').id;
    const people = await seedGroupVolunteers(t.deps, a, parcels, 5);
    const at = (h: number) => new Date(t.clock.now().getTime() + h * HOUR).toISOString();
    const shift = (
      await call(t.app, coordinator, 'POST', url('/shifts'), {
        groupId: parcels,
        title: '快递分拣',
        capacity: 1,
        startsAt: at(24),
        endsAt: at(28),
        signupOpensAt: at(-1),
        signupClosesAt: at(10),
      })
    ).json();
    const signUp = (who: Session, body = {}) =>
      call(t.app, who, 'POST', url(`/shifts/${shift.id}/signups`), body);
    expect((await signUp(people[0]!.session)).statusCode).toBe(201);
    for (const p of people.slice(1))
      expect((await signUp(p.session, { waitlist: true })).statusCode).toBe(201);

    // A nested loop semi join that rescans the chosen sign-ups for every row it updates: the plan under
    // which `id in (select … limit n for update)` promoted the whole waitlist (4 of 4 here).
    const promoted = await t.deps.db.transaction(async (tx) => {
      for (const off of [
        'enable_hashjoin',
        'enable_mergejoin',
        'enable_material',
        'enable_hashagg',
        'enable_sort',
      ])
        await tx.execute(sql.raw(`set local ${off} = off`));
      return promoteWaitlisted(tx, a, shift.id, 'volunteer', 2);
    });
    expect(promoted).toHaveLength(2);
    const statuses = await t.deps.db.execute(sql`
      select status, count(*)::int as n from shift_signups where shift_id = ${shift.id} group by status order by 1`);
    expect((statuses as unknown as { rows: unknown[] }).rows).toEqual([
      { status: 'confirmed', n: 3 },
      { status: 'waitlisted', n: 2 },
    ]);
  });
});
