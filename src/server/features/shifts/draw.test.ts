import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawPlaces, wholeHours } from '../../../domain/shifts/draw.ts';
import { groupMembers, outbox, shiftRoles, shiftSignups, shifts } from '../../db/schema/index.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { seedGroupVolunteers, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import * as drawRepo from './draw.repository.ts';
import { drawDueShifts } from './draw.service.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
// Hours served in the last 7 days by entrant 0…11. By whole hours the two with 0 come first, then
// three with 1 (1.5 counts as 1) share the last place by lot. Entrant 11 worked 20 h, but 9 days ago.
const RECENT_HOURS = [9, 7, 5, 5, 3, 3, 2.5, 1, 1.5, 1, 0, 0];

describe('the fair draw of a draw-mode shift', () => {
  let t: TestApp;
  let a: string;
  let parcels: string;
  let coordinator: Session;
  let crowd: Awaited<ReturnType<typeof seedGroupVolunteers>>;
  const url = (path: string) => `/api/communities/${a}${path}`;
  const at = (h: number) => new Date(t.clock.now().getTime() + h * HOUR).toISOString();
  const createDrawShift = async (title: string, startsIn: number) => {
    const res = await call(t.app, coordinator, 'POST', url('/shifts'), {
      groupId: parcels,
      title,
      capacity: 3,
      mode: 'draw',
      startsAt: at(startsIn),
      endsAt: at(startsIn + 3),
      signupOpensAt: at(-1),
      signupClosesAt: at(10),
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const request = (who: Session, shiftId: string) =>
    call(t.app, who, 'POST', url(`/shifts/${shiftId}/signups`), {});

  /** Past shifts with check-in and check-out, written straight into the database. */
  async function servedHours() {
    const pastShift = async (daysAgo: number, hours: number) => {
      const startsAt = new Date(t.clock.now().getTime() - daysAgo * DAY);
      const [row] = await t.deps.db
        .insert(shifts)
        .values({
          communityId: a,
          groupId: parcels,
          startsAt,
          endsAt: new Date(startsAt.getTime() + hours * HOUR),
          signupOpensAt: new Date(startsAt.getTime() - DAY),
          signupClosesAt: startsAt,
        })
        .returning({ id: shifts.id });
      return { id: row!.id, startsAt };
    };
    const recent = await pastShift(2, 12);
    const worked = RECENT_HOURS.map((h, i) => ({ h, v: crowd[i]! })).filter(({ h }) => h > 0);
    await t.deps.db.insert(shiftSignups).values(
      worked.map(({ h, v }) => ({
        communityId: a,
        shiftId: recent.id,
        role: 'volunteer',
        volunteerId: v.volunteerId,
        status: 'confirmed',
        createdAt: recent.startsAt,
        checkedInAt: recent.startsAt,
        checkedOutAt: new Date(recent.startsAt.getTime() + h * HOUR),
      })),
    );
    const old = await pastShift(9, 20);
    await t.deps.db.insert(shiftSignups).values({
      communityId: a,
      shiftId: old.id,
      role: 'volunteer',
      volunteerId: crowd[11]!.volunteerId,
      status: 'confirmed',
      createdAt: old.startsAt,
      checkedInAt: old.startsAt,
      checkedOutAt: new Date(old.startsAt.getTime() + 20 * HOUR),
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await seedTwoCommunities(t.deps.db));
    coordinator = await signIn(t.app, 'coordinator');
    const groups = (await call(t.app, coordinator, 'GET', url('/groups'))).json().items;
    parcels = groups.find((g: { key: string }) => g.key === 'parcels').id;
    crowd = await seedGroupVolunteers(t.deps, a, parcels, 13, 'dv');
    await servedHours();
  });
  afterAll(() => t.close());

  it('collects requests, draws 3 places at the close by fewest hours, once, and tells everyone', async () => {
    const shiftId = await createDrawShift('抽签早班', 14);
    const twinId = await createDrawShift('抽签午班', 30);
    const entrants = crowd.slice(0, 12);
    for (const e of entrants) {
      const res = await request(e.session, shiftId);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'requested', position: null });
    }
    for (const e of entrants.slice(0, 4)) expect((await request(e.session, twinId)).statusCode).toBe(201);
    // a request takes no place, and can be withdrawn and made again while the window is open
    const listed = (await call(t.app, entrants[0]!.session, 'GET', url('/shifts'))).json().items;
    const mine = listed.find((s: { id: string }) => s.id === shiftId);
    expect(mine.roles).toEqual([{ role: 'volunteer', capacity: 3, taken: 0, waiting: 0, requested: 12 }]);
    expect(mine.mine.status).toBe('requested');
    expect(
      (await call(t.app, entrants[0]!.session, 'DELETE', url(`/signups/${mine.mine.signupId}`))).statusCode,
    ).toBe(204);
    expect((await request(entrants[0]!.session, shiftId)).statusCode).toBe(201);

    const early = await call(t.app, coordinator, 'POST', url(`/shifts/${shiftId}/draw`));
    expect(early.json().error.code).toBe('DRAW_NOT_YET');
    const pending = (await call(t.app, coordinator, 'GET', url(`/shifts/${shiftId}/draw`))).json();
    expect(pending).toMatchObject({ status: 'pending', requests: 12, seed: null, results: [] });

    t.clock.advance(10 * HOUR + 60_000);
    const late = await request(crowd[12]!.session, shiftId);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('SIGNUP_CLOSED');
    const withdraw = await call(t.app, entrants[1]!.session, 'GET', url('/my/signups'));
    const signupId = withdraw.json().items.find((s: { shiftId: string }) => s.shiftId === shiftId).id;
    const tooLate = await call(t.app, entrants[1]!.session, 'DELETE', url(`/signups/${signupId}`));
    expect(tooLate.json().error.code).toBe('SIGNUP_CLOSED');

    await runBackgroundTasksOnce(t.deps);
    await runBackgroundTasksOnce(t.deps);

    const rows = await t.deps.db
      .select()
      .from(shiftSignups)
      .where(and(eq(shiftSignups.communityId, a), eq(shiftSignups.shiftId, shiftId)));
    const byVolunteer = new Map(rows.filter((r) => r.status !== 'cancelled').map((r) => [r.volunteerId, r]));
    const statusOf = (i: number) => byVolunteer.get(crowd[i]!.volunteerId)!.status;
    const confirmed = entrants.map((_, i) => i).filter((i) => statusOf(i) === 'confirmed');
    const waitlisted = entrants.map((_, i) => i).filter((i) => statusOf(i) === 'waitlisted');
    expect(confirmed).toHaveLength(3);
    expect(waitlisted).toHaveLength(9);
    const whole = (i: number) => wholeHours(RECENT_HOURS[i]!);
    expect(Math.max(...confirmed.map(whole))).toBeLessThanOrEqual(Math.min(...waitlisted.map(whole)));
    expect(confirmed).toEqual(expect.arrayContaining([10, 11]));
    const [role] = await t.deps.db
      .select()
      .from(shiftRoles)
      .where(and(eq(shiftRoles.communityId, a), eq(shiftRoles.shiftId, shiftId)));
    expect(role!.taken).toBe(3);

    // the record: a seed, the rule, and a re-run from it gives the same places
    const draw = (await drawRepo.findDraw(t.deps.db, a, shiftId))!;
    expect(draw.seed).toMatch(/^[0-9a-f]{24}$/);
    expect(draw.rule).toBe('fewer_hours_7d');
    const { roles, entrants: recorded } = draw.results;
    expect(drawPlaces({ seed: draw.seed, roles, entrants: recorded })).toEqual(recorded);
    const hoursOf = new Map(recorded.map((r) => [r.volunteerId, r.hours7d]));
    expect(hoursOf.get(crowd[8]!.volunteerId)).toBe(1.5);
    expect(hoursOf.get(crowd[11]!.volunteerId)).toBe(0);

    const kinds = await t.deps.db
      .select({ kind: outbox.kind, accountId: outbox.accountId, params: outbox.params })
      .from(outbox)
      .where(eq(outbox.communityId, a));
    const won = kinds.filter(
      (k) => k.kind === 'shift.draw_won' && (k.params as { title: string }).title === '抽签早班',
    );
    const lost = kinds.filter(
      (k) => k.kind === 'shift.draw_lost' && (k.params as { title: string }).title === '抽签早班',
    );
    expect(won.map((k) => k.accountId).sort()).toEqual(confirmed.map((i) => crowd[i]!.accountId).sort());
    expect(lost.map((k) => (k.params as { position: number }).position).sort((x, y) => x - y)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);

    // the waitlist keeps the drawn order: a winner gives the place back, the draw's first waiting moves up
    const winner = recorded.find((r) => r.outcome === 'confirmed')!;
    const next = recorded.find((r) => r.position === 1)!;
    const winnerSession = crowd.find((c) => c.volunteerId === winner.volunteerId)!.session;
    expect((await call(t.app, winnerSession, 'DELETE', url(`/signups/${winner.signupId}`))).statusCode).toBe(
      204,
    );
    const [moved] = await t.deps.db
      .select({ status: shiftSignups.status })
      .from(shiftSignups)
      .where(and(eq(shiftSignups.communityId, a), eq(shiftSignups.id, next.signupId)));
    expect(moved!.status).toBe('confirmed');

    // every shift due at the close was drawn, each once; later runs find nothing to do
    expect(await drawDueShifts(t.deps)).toBe(0);
    const twin = (await drawRepo.findDraw(t.deps.db, a, twinId))!;
    expect(twin.results.entrants).toHaveLength(4);
  });

  it('draws once when two processes race for the same close', async () => {
    const shiftId = await createDrawShift('并发抽签', 40);
    for (const e of crowd.slice(0, 5)) expect((await request(e.session, shiftId)).statusCode).toBe(201);
    t.clock.advance(10 * HOUR + 60_000);
    const runs = await Promise.all([drawDueShifts(t.deps), drawDueShifts(t.deps), drawDueShifts(t.deps)]);
    expect(runs.reduce((n, x) => n + x, 0)).toBe(1);
    const notices = await t.deps.db.select({ kind: outbox.kind, params: outbox.params }).from(outbox);
    const ofThis = notices.filter((n) => (n.params as { title: string }).title === '并发抽签');
    expect(ofThis).toHaveLength(5);
  });

  it("shows the draw: names to coordinators and the group's leaders, ranks to others, own line marked", async () => {
    const shiftId = (await call(t.app, coordinator, 'GET', url('/shifts?limit=500')))
      .json()
      .items.find((s: { title: string }) => s.title === '抽签早班').id;
    const asCoordinator = (await call(t.app, coordinator, 'GET', url(`/shifts/${shiftId}/draw`))).json();
    expect(asCoordinator).toMatchObject({
      status: 'drawn',
      rule: 'fewer_hours_7d',
      namesShown: true,
      reproducible: true,
    });
    expect(asCoordinator.results).toHaveLength(12);
    expect(asCoordinator.results.every((r: { name: string | null }) => r.name?.startsWith('志愿者'))).toBe(
      true,
    );
    expect(asCoordinator.results.slice(0, 2).map((r: { wholeHours: number }) => r.wholeHours)).toEqual([
      0, 0,
    ]);

    const loser = asCoordinator.results.find((r: { position: number | null }) => r.position === 4);
    const loserIndex = Number(loser.name.replace('志愿者', ''));
    const asLoser = (
      await call(t.app, crowd[loserIndex]!.session, 'GET', url(`/shifts/${shiftId}/draw`))
    ).json();
    expect(asLoser.namesShown).toBe(false);
    expect(asLoser.results.every((r: { name: string | null }) => r.name === null)).toBe(true);
    expect(asLoser.results.filter((r: { mine: boolean }) => r.mine)).toEqual([
      expect.objectContaining({ outcome: 'waitlisted', position: 4 }),
    ]);
    const mySignups = (await call(t.app, crowd[loserIndex]!.session, 'GET', url('/my/signups'))).json();
    // the draw's first waiting has since moved up, so the fourth now waits third
    expect(mySignups.items.find((s: { shiftId: string }) => s.shiftId === shiftId)).toMatchObject({
      status: 'waitlisted',
      position: 3,
    });

    await t.deps.db
      .update(groupMembers)
      .set({ isLeader: true })
      .where(and(eq(groupMembers.communityId, a), eq(groupMembers.volunteerId, crowd[12]!.volunteerId)));
    const asLeader = (await call(t.app, crowd[12]!.session, 'GET', url(`/shifts/${shiftId}/draw`))).json();
    expect(asLeader.namesShown).toBe(true);

    // running it again is harmless: the same draw comes back; a volunteer may not run it
    const again = await call(t.app, coordinator, 'POST', url(`/shifts/${shiftId}/draw`));
    expect(again.statusCode).toBe(200);
    expect(again.json().seed).toBe(asCoordinator.seed);
    expect((await call(t.app, crowd[0]!.session, 'POST', url(`/shifts/${shiftId}/draw`))).statusCode).toBe(
      403,
    );
  });
});
