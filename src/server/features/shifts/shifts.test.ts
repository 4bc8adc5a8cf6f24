import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys } from '../../db/schema/index.ts';
import { refusalsOf } from '../../platform/refusal-buffer.ts';
import { seedGroupVolunteers, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

const HOUR = 3600_000;

describe('shifts and sign-ups', () => {
  let t: TestApp;
  let a: string;
  let coordinator: Session;
  let parcels: string;
  let testing: string;
  let crowd: Awaited<ReturnType<typeof seedGroupVolunteers>>;
  const url = (path: string) => `/api/communities/${a}${path}`;
  const at = (h: number) => new Date(t.clock.now().getTime() + h * HOUR).toISOString();
  const createShift = async (extra: Record<string, unknown> = {}) => {
    const res = await call(t.app, coordinator, 'POST', url('/shifts'), {
      groupId: parcels,
      capacity: 2,
      startsAt: at(12),
      endsAt: at(16),
      signupOpensAt: at(-1),
      signupClosesAt: at(10),
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const signUp = (
    who: Session,
    shiftId: string,
    body: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => call(t.app, who, 'POST', url(`/shifts/${shiftId}/signups`), body, headers);

  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await seedTwoCommunities(t.deps.db));
    coordinator = await signIn(t.app, 'coordinator');
    const groups = (await call(t.app, coordinator, 'GET', url('/groups'))).json().items;
    parcels = groups.find((g: { key: string }) => g.key === 'parcels').id;
    testing = groups.find((g: { key: string }) => g.key === 'testing').id;
    crowd = await seedGroupVolunteers(t.deps, a, parcels, 500);
  });
  afterAll(() => t.close());

  it('never takes more sign-ups than places, whatever arrives at once', async () => {
    // far from the other tests' shifts, so that nobody's later sign-ups overlap it
    const shift = await createShift({ capacity: 9, title: '秒杀班', startsAt: at(100), endsAt: at(104) });
    const attempts = Array.from({ length: 2000 }, (_, i) => signUp(crowd[i % 500]!.session, shift.id));
    const results = await Promise.all(attempts);
    const codes = results.map((r) => (r.statusCode === 201 ? 'ok' : r.json().error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(9);
    const refusals = new Set(codes.filter((c) => c !== 'ok'));
    expect(refusals.has('SHIFT_FULL')).toBe(true);
    expect([...refusals].every((c) => c === 'SHIFT_FULL' || c === 'ALREADY_SIGNED_UP')).toBe(true);
    const winners = results.filter((r) => r.statusCode === 201).map((r) => r.json().id);
    expect(new Set(winners).size).toBe(9);
    const listed = (await call(t.app, coordinator, 'GET', url('/shifts')))
      .json()
      .items.find((s: { id: string }) => s.id === shift.id);
    expect(listed.roles).toEqual([{ role: 'volunteer', capacity: 9, taken: 9, waiting: 0 }]);
  });

  it('answers a full shift at the gate and keeps that answer for its Idempotency-Key', async () => {
    const shift = await createShift({
      capacity: 1,
      startsAt: at(200),
      endsAt: at(202),
      signupClosesAt: at(190),
    });
    const [first, second] = [crowd[20]!.session, crowd[21]!.session];
    // no body at all: the role is optional and so is the body
    const taken = await call(t.app, first, 'POST', url(`/shifts/${shift.id}/signups`), undefined, {
      'idempotency-key': 'took-1',
    });
    expect(taken.statusCode, taken.body).toBe(201);
    const refused = await signUp(second, shift.id, {}, { 'idempotency-key': 'full-1' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'SHIFT_FULL']);
    // A retry of the request that took the place gets that answer, although the shift is full now.
    const retriedPlace = await signUp(first, shift.id, {}, { 'idempotency-key': 'took-1' });
    expect([retriedPlace.statusCode, retriedPlace.json()]).toEqual([201, taken.json()]);
    // The refusal is written in a batch, soon after.
    await refusalsOf(t.deps.db).flush();
    const kept = await t.deps.db
      .select({ response: idempotencyKeys.response })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, 'full-1'));
    expect(kept).toEqual([{ response: { error: { code: 'SHIFT_FULL', params: {} } } }]);
    expect((await call(t.app, first, 'DELETE', url(`/signups/${taken.json().id}`))).statusCode).toBe(204);
    const retried = await signUp(second, shift.id, {}, { 'idempotency-key': 'full-1' });
    expect([retried.statusCode, retried.json().error.code]).toEqual([409, 'SHIFT_FULL']);
    const fresh = await signUp(second, shift.id, {}, { 'idempotency-key': 'full-2' });
    expect(fresh.statusCode).toBe(201);
  });

  it('names the clashing shift and its time in the reader’s language', async () => {
    const me = crowd[22]!.session;
    const one = await createShift({
      title: '早班',
      startsAt: at(300),
      endsAt: at(304),
      signupClosesAt: at(290),
    });
    const two = await createShift({
      title: '午班',
      startsAt: at(302),
      endsAt: at(306),
      signupClosesAt: at(290),
    });
    expect((await signUp(me, one.id)).statusCode).toBe(201);
    const clash = await signUp(me, two.id, {}, { 'accept-language': 'en' });
    expect(clash.json().error.code).toBe('SHIFT_OVERLAP');
    // 2026-04-21T12:00Z is 20:00 on Tuesday 21 April in Shanghai
    expect(clash.json().error.message).toBe('This overlaps your shift "早班" (Tue, Apr 21, 20:00).');
  });

  it('returns the first answer to a retry with the same Idempotency-Key', async () => {
    const shift = await createShift();
    const me = crowd[10]!.session;
    const key = { 'idempotency-key': 'retry-1' };
    const [first, second] = await Promise.all([signUp(me, shift.id, {}, key), signUp(me, shift.id, {}, key)]);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    const again = await signUp(me, shift.id, {}, key);
    expect(again.json()).toEqual(first.json());
    const listed = (await call(t.app, me, 'GET', url('/my/signups')))
      .json()
      .items.filter((s: { shiftId: string }) => s.shiftId === shift.id);
    expect(listed).toHaveLength(1);
  });

  it('offers the waitlist when full, and moves it up when a place is given back', async () => {
    const shift = await createShift({ capacity: 1 });
    const [x, y, z] = [crowd[20]!.session, crowd[21]!.session, crowd[22]!.session];
    const mine = await signUp(x, shift.id);
    const full = await signUp(y, shift.id);
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({
      code: 'SHIFT_FULL',
      message: '这个班次已经报满了，可以排队候补。',
    });
    expect((await signUp(y, shift.id, { waitlist: true })).json()).toMatchObject({
      status: 'waitlisted',
      position: 1,
    });
    expect((await signUp(z, shift.id, { waitlist: true })).json()).toMatchObject({
      status: 'waitlisted',
      position: 2,
    });
    expect((await call(t.app, x, 'DELETE', url(`/signups/${mine.json().id}`))).statusCode).toBe(204);
    const ys = (await call(t.app, y, 'GET', url('/my/signups')))
      .json()
      .items.find((s: { shiftId: string }) => s.shiftId === shift.id);
    expect(ys).toMatchObject({ status: 'confirmed', position: null });
    const zs = (await call(t.app, z, 'GET', url('/my/signups')))
      .json()
      .items.find((s: { shiftId: string }) => s.shiftId === shift.id);
    expect(zs).toMatchObject({ status: 'waitlisted', position: 1 });
    // more room moves the waitlist up too; less than those signed up is refused
    const more = await call(t.app, coordinator, 'PUT', url(`/shifts/${shift.id}/capacity`), {
      role: 'volunteer',
      capacity: 2,
    });
    expect(more.json().roles).toEqual([{ role: 'volunteer', capacity: 2, taken: 2, waiting: 0 }]);
    const less = await call(t.app, coordinator, 'PUT', url(`/shifts/${shift.id}/capacity`), {
      role: 'volunteer',
      capacity: 1,
    });
    expect(less.json().error).toMatchObject({
      code: 'CAPACITY_BELOW_TAKEN',
      message: '名额不能少于已报名的人数（2 人）。',
    });
  });

  it("keeps to the sign-up window by the server's clock", async () => {
    const later = await createShift({ signupOpensAt: at(2), signupClosesAt: at(4) });
    const v = crowd[30]!.session;
    expect((await signUp(v, later.id)).json().error.code).toBe('SIGNUP_NOT_OPEN');
    t.clock.advance(2 * HOUR);
    expect((await signUp(v, later.id)).statusCode).toBe(201);
    t.clock.advance(2 * HOUR);
    expect((await signUp(crowd[31]!.session, later.id)).json().error.code).toBe('SIGNUP_CLOSED');
  });

  it('refuses overlapping shifts naming the other one, and shifts of other groups', async () => {
    const first = await createShift({ title: '早班' });
    const overlapping = await createShift({ title: '午班', startsAt: at(14), endsAt: at(18) });
    const v = crowd[40]!.session;
    await signUp(v, first.id);
    const clash = await signUp(v, overlapping.id);
    expect(clash.json().error.code).toBe('SHIFT_OVERLAP');
    expect(clash.json().error.message).toContain('早班');
    const other = await createShift({ groupId: testing });
    expect((await signUp(v, other.id)).json().error.code).toBe('NOT_IN_GROUP');
    const staff = await signIn(t.app, 'staff');
    expect((await signUp(staff, first.id)).statusCode).toBe(403);
  });

  it('lets only coordinators and the group leader create shifts, with clear errors for bad times', async () => {
    const leader = await signIn(t.app, 'leader');
    const body = {
      groupId: parcels,
      capacity: 3,
      startsAt: at(5),
      endsAt: at(4),
      signupOpensAt: at(0),
      signupClosesAt: at(3),
    };
    // the fixture's leader leads no group, so not this one
    const valid = { ...body, endsAt: at(6) };
    expect((await call(t.app, leader, 'POST', url('/shifts'), valid)).statusCode).toBe(403);
    const bad = await call(t.app, coordinator, 'POST', url('/shifts'), body);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.endsAt']);
  });
});
