import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { volunteers } from '../../db/schema/index.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { notify } from '../../platform/notices.ts';
import { seedGroupVolunteers, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

const HOUR = 3600_000;

describe('notifications: inbox, mark read, and the notices features send', () => {
  let t: TestApp;
  let a: string;
  let b: string;
  let ids: Record<string, string>;
  const s = {} as Record<string, Session>;
  const url = (path: string, community = a) => `/api/communities/${community}${path}`;
  const inbox = (who: Session, query = '', lang = 'zh-CN', community = a) =>
    call(t.app, who, 'GET', url(`/notifications${query}`, community), undefined, { 'accept-language': lang });
  const markRead = (who: Session, body: unknown, community = a) =>
    call(t.app, who, 'POST', url('/notifications/read', community), body);
  const send = (communityId: string, accountIds: string[], community: string) =>
    t.deps.db.transaction((tx) =>
      notify(
        tx,
        { communityId, accountIds, kind: 'volunteer.approved', params: { community }, link: '/shifts' },
        t.clock.now(),
      ),
    );

  beforeAll(async () => {
    t = await createTestApp();
    ({ a, b, ids } = await seedTwoCommunities(t.deps.db));
    for (const who of ['volunteer', 'coordinator', 'b-coordinator', 'outsider'])
      s[who] = await signIn(t.app, who);
  });
  afterAll(() => t.close());

  it("lists one's own notices, newest first, in the reader's language, with the unread count", async () => {
    await send(a, [ids.volunteer!, ids.coordinator!], '甲小区');
    t.clock.advance(60_000);
    await send(a, [ids.volunteer!], '甲小区（二）');
    await send(b, [ids['b-coordinator']!], '乙小区');
    await runBackgroundTasksOnce(t.deps);
    const zh = (await inbox(s.volunteer!)).json();
    expect(zh.unread).toBe(2);
    expect(zh.items.map((n: { body: string }) => n.body)).toEqual([
      '欢迎加入甲小区（二）的志愿者队伍！现在可以报名班次了。',
      '欢迎加入甲小区的志愿者队伍！现在可以报名班次了。',
    ]);
    expect(zh.items[0]).toMatchObject({
      kind: 'volunteer.approved',
      title: '志愿者报名已通过',
      link: '/shifts',
      readAt: null,
      createdAt: new Date(t.clock.now()).toISOString(),
    });
    const en = (await inbox(s.volunteer!, '?limit=1', 'en')).json();
    expect(en.items).toHaveLength(1);
    expect(en.items[0].title).toBe('You are a volunteer now');
    expect(en.unread).toBe(2);
  });

  it('marks read only what is the caller’s own, named or all', async () => {
    const mine = (await inbox(s.volunteer!)).json().items;
    const theirs = (await inbox(s.coordinator!)).json().items;
    const res = await markRead(s.volunteer!, { ids: [mine[1].id, theirs[0].id] });
    expect(res.json()).toEqual({ marked: 1, unread: 1 });
    expect((await inbox(s.coordinator!)).json().unread).toBe(1);
    const unreadOnly = (await inbox(s.volunteer!, '?unread=true')).json();
    expect(unreadOnly.items.map((n: { id: string }) => n.id)).toEqual([mine[0].id]);
    expect((await markRead(s.volunteer!, { all: true })).json()).toEqual({ marked: 1, unread: 0 });
    const after = (await inbox(s.volunteer!)).json();
    expect(after.items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    expect((await inbox(s.coordinator!)).json().unread).toBe(1);
    expect((await markRead(s.volunteer!, {})).statusCode).toBe(400);
  });

  it('shows nothing of one community to members of another or to outsiders', async () => {
    for (const who of [s['b-coordinator']!, s.outsider!]) {
      expect((await inbox(who)).statusCode).toBe(404);
      expect((await markRead(who, { all: true })).statusCode).toBe(404);
    }
    // b-coordinator's own notice is in B only
    expect((await inbox(s['b-coordinator']!, '', 'zh-CN', b)).json().items).toHaveLength(1);
    expect((await inbox(s.coordinator!)).json().unread).toBe(1);
    expect((await call(t.app, null, 'GET', url('/notifications'))).statusCode).toBe(401);
  });

  it('tells the volunteer who moves up from the waitlist, and only them', async () => {
    const groups = (await call(t.app, s.coordinator!, 'GET', url('/groups'))).json().items;
    const parcels = groups.find((g: { key: string }) => g.key === 'parcels').id;
    const [x, y, z] = await seedGroupVolunteers(t.deps, a, parcels, 3);
    const at = (h: number) => new Date(t.clock.now().getTime() + h * HOUR).toISOString();
    // 12:00 UTC is 20:00 in Shanghai, the community's clock
    const shift = (
      await call(t.app, s.coordinator!, 'POST', url('/shifts'), {
        groupId: parcels,
        title: '快递分拣',
        capacity: 1,
        startsAt: '2026-04-10T12:00:00Z',
        endsAt: '2026-04-10T16:00:00Z',
        signupOpensAt: at(-1),
        signupClosesAt: at(10),
      })
    ).json();
    const signUp = (who: Session, body = {}) =>
      call(t.app, who, 'POST', url(`/shifts/${shift.id}/signups`), body);
    const place = (await signUp(x!.session)).json();
    await signUp(y!.session, { waitlist: true });
    await signUp(z!.session, { waitlist: true });
    expect((await call(t.app, x!.session, 'DELETE', url(`/signups/${place.id}`))).statusCode).toBe(204);
    await runBackgroundTasksOnce(t.deps);
    const zh = (await inbox(y!.session)).json();
    expect(zh.items).toEqual([
      expect.objectContaining({
        kind: 'shift.promoted',
        title: '候补转正：快递分拣',
        body: '有人取消了报名，您已从候补转为正式报名：快递分拣，4月10日周五 20:00。请准时到岗。',
        link: '/my-shifts',
      }),
    ]);
    const en = (await inbox(y!.session, '', 'en')).json().items[0];
    expect(en.title).toBe('You have a place: 快递分拣');
    expect(en.body).toContain('Fri, Apr 10, 20:00');
    expect((await inbox(x!.session)).json().items).toEqual([]);
    expect((await inbox(z!.session)).json().items).toEqual([]);
    // More places move the waitlist up too, and tell them.
    await call(t.app, s.coordinator!, 'PUT', url(`/shifts/${shift.id}/capacity`), {
      role: 'volunteer',
      capacity: 2,
    });
    await runBackgroundTasksOnce(t.deps);
    expect((await inbox(z!.session)).json().items.map((n: { kind: string }) => n.kind)).toEqual([
      'shift.promoted',
    ]);
    expect((await inbox(y!.session)).json().unread).toBe(1);
  });

  it('tells a volunteer once when a coordinator approves them', async () => {
    const [pending] = await t.deps.db
      .insert(volunteers)
      .values({ communityId: a, accountId: ids.resident!, status: 'pending' })
      .returning();
    const decide = () =>
      call(t.app, s.coordinator!, 'POST', url('/volunteers/decisions'), {
        volunteerIds: [pending!.id],
        decision: 'approve',
        groupIds: [],
      });
    expect((await decide()).statusCode).toBe(200);
    expect((await decide()).statusCode).toBe(200);
    await runBackgroundTasksOnce(t.deps);
    const resident = await signIn(t.app, 'resident');
    const items = (await inbox(resident)).json().items;
    expect(items.map((n: { title: string; body: string }) => [n.title, n.body])).toEqual([
      ['志愿者报名已通过', '欢迎加入甲小区的志愿者队伍！现在可以报名班次了。'],
    ]);
  });
});
