import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGroupVolunteers, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import { hoursInLastDays } from './attendance.repository.ts';

const HOUR = 3600_000;
type Crowd = Awaited<ReturnType<typeof seedGroupVolunteers>>;

describe('on the day: check-in, check-out, no-shows, records and the calendar feed', () => {
  let t: TestApp;
  let a: string;
  let b: string;
  const s = {} as Record<string, Session>;
  let parcels: Crowd;
  let testing: Crowd;
  let outsiderBadge: string;
  const shifts = {} as Record<
    'first' | 'later' | 'testing',
    { id: string; startsAt: string; endsAt: string }
  >;
  const signups = {} as Record<string, string>;
  const start = new Date('2026-04-09T12:00:00Z').getTime();
  const url = (path: string) => `/api/communities/${a}${path}`;
  const leader = () => parcels[0]!.session;
  const vol = (i: number) => parcels[i]!.session;
  const act = (who: Session, what: string, body: unknown, shift = shifts.first.id) =>
    call(t.app, who, 'POST', url(`/shifts/${shift}/${what}`), body);
  const moveClockTo = (at: number) => t.clock.advance(at - t.clock.now().getTime());
  const my = async (who: Session) => (await call(t.app, who, 'GET', url('/my/volunteer'))).json();
  /** What a refused request must leave untouched: attendance columns and the audit log. */
  const attendanceState = async () => {
    const result = await t.deps.db.execute(
      sql`select (select string_agg(concat_ws(',', id, checked_in_at, checked_out_at, no_show), '|' order by id) from shift_signups) as signups, (select count(*)::int from audit_log) as audits`,
    );
    return JSON.stringify((result as unknown as { rows: unknown[] }).rows[0]);
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({ a, b } = await seedTwoCommunities(t.deps.db));
    for (const who of ['coordinator', 'staff', 'b-coordinator']) s[who] = await signIn(t.app, who);
    const groups = (await call(t.app, s.coordinator!, 'GET', url('/groups'))).json().items;
    const groupOf = (key: string) => groups.find((g: { key: string }) => g.key === key).id;
    parcels = await seedGroupVolunteers(t.deps, a, groupOf('parcels'), 5, 'pv');
    testing = await seedGroupVolunteers(t.deps, a, groupOf('testing'), 2, 'tv');
    for (const [crowd, key] of [
      [parcels, 'parcels'],
      [testing, 'testing'],
    ] as const) {
      const res = await call(
        t.app,
        s.coordinator!,
        'PUT',
        url(`/volunteers/${crowd[0]!.volunteerId}/groups`),
        {
          groups: [{ groupId: groupOf(key), leader: true }],
        },
      );
      expect(res.statusCode).toBe(200);
    }
    const bGroup = (
      await call(t.app, s['b-coordinator']!, 'POST', `/api/communities/${b}/groups`, { name: '乙组' })
    ).json().id;
    const [stranger] = await seedGroupVolunteers(t.deps, b, bGroup, 1, 'bv');
    outsiderBadge = (await call(t.app, stranger!.session, 'GET', `/api/communities/${b}/my/volunteer`)).json()
      .badgeToken;
    const at = (ms: number) => new Date(ms).toISOString();
    const create = async (group: string, from: number, capacity: number) => {
      const res = await call(t.app, s.coordinator!, 'POST', url('/shifts'), {
        groupId: groupOf(group),
        capacity,
        startsAt: at(from),
        endsAt: at(from + 4 * HOUR),
        signupOpensAt: at(t.clock.now().getTime() - HOUR),
        signupClosesAt: at(from - 2 * HOUR),
      });
      expect(res.statusCode).toBe(201);
      return res.json();
    };
    shifts.first = await create('parcels', start, 3);
    shifts.later = await create('parcels', start + 24 * HOUR, 3);
    shifts.testing = await create('testing', start, 3);
    const signUp = async (who: Session, shiftId: string, waitlist = false) => {
      const res = await call(t.app, who, 'POST', url(`/shifts/${shiftId}/signups`), { waitlist });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    for (const i of [1, 2, 3]) signups[`pv${i}`] = await signUp(vol(i), shifts.first.id);
    signups.pv4 = await signUp(vol(4), shifts.first.id, true);
    await signUp(vol(1), shifts.later.id);
    const cancelled = await signUp(vol(2), shifts.later.id);
    expect((await call(t.app, vol(2), 'DELETE', url(`/signups/${cancelled}`))).statusCode).toBe(204);
    await signUp(testing[1]!.session, shifts.testing.id);
  });
  afterAll(() => t.close());

  it("shows the roster to the coordinator, the group's leaders and staff, and to nobody else", async () => {
    const res = await call(t.app, leader(), 'GET', url(`/shifts/${shifts.first.id}/roster`));
    expect(res.statusCode).toBe(200);
    const roster = res.json();
    expect(roster.canManage).toBe(true);
    expect(
      roster.items.map((e: { status: string; position: number | null }) => [e.status, e.position]),
    ).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
    ]);
    expect(roster.checkInOpensAt).toBe(new Date(start - HOUR).toISOString());
    const staff = await call(t.app, s.staff!, 'GET', url(`/shifts/${shifts.first.id}/roster`));
    expect(staff.json().canManage).toBe(false);
    for (const who of [testing[0]!.session, vol(1)]) {
      const denied = await call(t.app, who, 'GET', url(`/shifts/${shifts.first.id}/roster`));
      expect(denied.statusCode).toBe(403);
    }
  });

  it("refuses a check-in too early, on the waitlist, by another group's leader or by staff, writing nothing", async () => {
    const before = await attendanceState();
    const early = await act(leader(), 'check-in', { signupId: signups.pv1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CHECK_IN_NOT_OPEN');
    moveClockTo(start - 30 * 60_000);
    const waitlisted = await act(leader(), 'check-in', { signupId: signups.pv4 });
    expect(waitlisted.json().error).toMatchObject({ code: 'SIGNUP_NOT_CONFIRMED' });
    expect(waitlisted.json().error.message).toContain('志愿者4');
    expect((await act(testing[0]!.session, 'check-in', { signupId: signups.pv1 })).statusCode).toBe(403);
    expect((await act(s.staff!, 'check-in', { signupId: signups.pv1 })).statusCode).toBe(403);
    const notIn = await act(leader(), 'check-out', { signupId: signups.pv1 });
    expect(notIn.json().error.code).toBe('NOT_CHECKED_IN');
    const bothGiven = await act(leader(), 'check-in', { signupId: signups.pv1, badgeToken: 'x'.repeat(32) });
    expect(bothGiven.statusCode).toBe(400);
    expect(await attendanceState()).toBe(before);
  });

  it('checks in by tapping a name and by scanning a badge, and tells which badges do not belong', async () => {
    const tapped = await act(leader(), 'check-in', { signupId: signups.pv1 });
    expect(tapped.statusCode).toBe(200);
    expect(tapped.json()).toMatchObject({
      signupId: signups.pv1,
      checkedInAt: new Date(start - 30 * 60_000).toISOString(),
    });
    const twice = await act(leader(), 'check-in', { signupId: signups.pv1 });
    expect(twice.json().error.code).toBe('ALREADY_CHECKED_IN');

    const badge = (await my(vol(2))).badgeToken;
    const scanned = await act(leader(), 'check-in', { badgeToken: badge });
    expect(scanned.json()).toMatchObject({ signupId: signups.pv2, name: '志愿者2' });
    expect(scanned.json().checkedInAt).not.toBeNull();

    const before = await attendanceState();
    const waitlisted = await act(leader(), 'check-in', { badgeToken: (await my(vol(4))).badgeToken });
    expect(waitlisted.json().error.code).toBe('SIGNUP_NOT_CONFIRMED');
    const notOnShift = await act(leader(), 'check-in', {
      badgeToken: (await my(testing[1]!.session)).badgeToken,
    });
    expect(notOnShift.statusCode).toBe(409);
    expect(notOnShift.json().error).toMatchObject({
      code: 'BADGE_NOT_ON_SHIFT',
      message: '志愿者1 没有报名这个班次。',
    });
    const foreign = await act(leader(), 'check-in', { badgeToken: outsiderBadge });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('BADGE_UNKNOWN');
    expect(await attendanceState()).toBe(before);

    const audit = (await call(t.app, s.coordinator!, 'GET', url('/audit?action=shift.check_in'))).json();
    expect(audit.items.map((e: { summary: string }) => e.summary)).toEqual(
      expect.arrayContaining([expect.stringContaining('志愿者2')]),
    );
  });

  it('marks a no-show only once the shift has started, and a no-show cannot be checked in without undoing', async () => {
    const early = await act(leader(), 'no-show', { signupId: signups.pv3 });
    expect(early.json().error.code).toBe('NO_SHOW_TOO_EARLY');
    moveClockTo(start + 30 * 60_000);
    expect((await act(leader(), 'no-show', { signupId: signups.pv1 })).json().error.code).toBe(
      'ALREADY_CHECKED_IN',
    );
    const marked = await act(leader(), 'no-show', { signupId: signups.pv3 });
    expect(marked.json()).toMatchObject({ noShow: true });
    const blocked = await act(leader(), 'check-in', { signupId: signups.pv3 });
    expect(blocked.json().error).toMatchObject({ code: 'MARKED_NO_SHOW' });
    expect(blocked.json().error.message).toContain('志愿者3');
    expect((await act(leader(), 'no-show', { signupId: signups.pv3, undo: true })).json().noShow).toBe(false);
    expect((await act(leader(), 'no-show', { signupId: signups.pv3 })).json().noShow).toBe(true);
  });

  it('counts hours from check-in to check-out, or to the end of the shift when nobody checked out', async () => {
    moveClockTo(start + 3 * HOUR);
    const out = await act(leader(), 'check-out', { signupId: signups.pv1 });
    expect(out.json()).toMatchObject({
      checkedOutAt: new Date(start + 3 * HOUR).toISOString(),
      minutes: 210,
    });
    moveClockTo(start + 6 * HOUR); // two hours after the end; volunteer 2 never checked out
    const late = await act(leader(), 'check-out', { signupId: signups.pv2 });
    expect(late.json().error.code).toBe('CHECK_OUT_CLOSED');

    const roster = (await call(t.app, leader(), 'GET', url(`/shifts/${shifts.first.id}/roster`))).json();
    const minutes = Object.fromEntries(
      roster.items.map((e: { name: string; minutes: number }) => [e.name, e.minutes]),
    );
    expect(minutes).toEqual({ 志愿者1: 210, 志愿者2: 270, 志愿者3: 0, 志愿者4: 0 });

    const list = (await call(t.app, s.coordinator!, 'GET', url('/volunteers?limit=100'))).json().items;
    const record = (id: string) => list.find((v: { id: string }) => v.id === id).record;
    expect(record(parcels[1]!.volunteerId)).toEqual({ shiftsDone: 1, hours: 3.5, noShows: 0 });
    expect(record(parcels[2]!.volunteerId)).toEqual({ shiftsDone: 1, hours: 4.5, noShows: 0 });
    expect(record(parcels[3]!.volunteerId)).toEqual({ shiftsDone: 0, hours: 0, noShows: 1 });
    expect(record(parcels[4]!.volunteerId)).toEqual({ shiftsDone: 0, hours: 0, noShows: 0 });

    const me = await my(vol(1));
    expect(me).toMatchObject({
      name: '志愿者1',
      status: 'approved',
      record: { shiftsDone: 1, hours: 3.5, noShows: 0 },
    });
    expect(me.groups).toEqual([expect.objectContaining({ key: 'parcels', leader: false })]);
    expect((await my(leader())).groups).toEqual([expect.objectContaining({ key: 'parcels', leader: true })]);

    const groups = (await call(t.app, s.coordinator!, 'GET', url('/groups'))).json().items;
    const parcelsGroup = groups.find((g: { key: string }) => g.key === 'parcels');
    expect(parcelsGroup.record).toEqual({ shiftsDone: 2, hours: 8, noShows: 1 });

    const ids = parcels.map((p) => p.volunteerId);
    const week = await hoursInLastDays(t.deps.db, a, ids, t.clock.now(), 7);
    expect(ids.map((id) => week.get(id))).toEqual([0, 3.5, 4.5, 0, 0]);
    const later = await hoursInLastDays(t.deps.db, a, ids, new Date(start + 8 * 86_400_000), 7);
    expect(later.get(ids[1]!)).toBe(0);
  });

  it('serves my shifts as an iCalendar feed that a real parser reads, with UTC times', async () => {
    const path = (await my(vol(1))).calendarPath;
    expect(path).toMatch(/^\/api\/calendar\/\w+\.ics$/);
    const res = await call(t.app, null, 'GET', path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body).toContain(`DTSTART:20260409T120000Z`);
    const events = parse(res.body);
    expect(events.map((e) => [e.start, e.end]).sort()).toEqual(
      [shifts.first, shifts.later].map((sh) => [sh.startsAt, sh.endsAt]).sort(),
    );
    expect(events.every((e) => e.summary.includes('快递组') && e.summary.includes('志愿者'))).toBe(true);
    expect(events.every((e) => e.status === 'CONFIRMED')).toBe(true);
    expect(parse((await call(t.app, null, 'GET', path)).body).map((e) => e.uid)).toEqual(
      events.map((e) => e.uid),
    );

    // the cancelled sign-up of volunteer 2 is gone; the waitlisted place of volunteer 4 is marked
    const second = parse((await call(t.app, null, 'GET', (await my(vol(2))).calendarPath)).body);
    expect(second.map((e) => e.start)).toEqual([shifts.first.startsAt]);
    const waiting = parse((await call(t.app, null, 'GET', (await my(vol(4))).calendarPath)).body);
    expect(waiting).toEqual([
      expect.objectContaining({ status: 'TENTATIVE', summary: expect.stringContaining('候补第 1 位') }),
    ]);
  });

  it('revokes the old feed URL when I reset it, and knows no made-up one', async () => {
    const old = (await my(vol(1))).calendarPath;
    const res = await call(t.app, vol(1), 'POST', url('/my/calendar-token'));
    expect(res.statusCode).toBe(200);
    const fresh = res.json().calendarPath;
    expect(fresh).not.toBe(old);
    expect((await call(t.app, null, 'GET', old)).statusCode).toBe(404);
    expect((await call(t.app, null, 'GET', fresh)).statusCode).toBe(200);
    expect((await call(t.app, null, 'GET', '/api/calendar/not-a-token.ics')).statusCode).toBe(404);
    const audit = (
      await call(t.app, s.coordinator!, 'GET', url('/audit?action=volunteer.calendar_reset'))
    ).json();
    expect(audit.items).toHaveLength(1);
  });
});

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      status: String(vevent.getFirstPropertyValue('status')),
    };
  });
}
