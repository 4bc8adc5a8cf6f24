import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { type CommitteeScene, committeeScene, url } from './committee.test-support.ts';

// The clock reads Thursday 2026-04-09 08:00 in Shanghai: "today" is 04-09.
describe('committee: meetings and action items', () => {
  let t: TestApp;
  let x: CommitteeScene;
  let meetingId: string;
  const as = (who: string) => x.s[who]!;
  const go = (who: Session, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, community = x.a) =>
    call(t.app, who, method, url(community, path), body);
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.deps.db.execute(query)) as unknown as { rows: T[] }).rows;
  const noticesTo = (accountId: string) =>
    rows<{ kind: string; params: Record<string, string> }>(
      sql`select kind, params from outbox where account_id = ${accountId} and channel = 'inbox' and kind like 'committee.%'`,
    );
  const auditOf = (action: string) =>
    rows<{ summary: string }>(sql`select summary from audit_log where action = ${action} order by id`);
  /** What a refused request must leave untouched. */
  const fingerprint = async () =>
    JSON.stringify(
      await rows(sql`select
        (select md5(coalesce(string_agg(m::text, '|' order by m.id), '')) from committee_meetings m) as meetings,
        (select md5(coalesce(string_agg(i::text, '|' order by i.id), '')) from action_items i) as items,
        (select count(*)::int from outbox) as outbox, (select count(*)::int from audit_log) as audit`),
    );
  const createItem = async (body: Record<string, unknown>, who = as('coordinator')) => {
    const res = await go(who, 'POST', '/committee/action-items', { meetingId, dueOn: '2026-04-12', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    x = await committeeScene(t);
    const res = await go(as('coordinator'), 'POST', '/committee/meetings', {
      title: '第1次支委会',
      heldAt: '2026-04-09T11:00:00Z',
    });
    expect(res.statusCode, res.body).toBe(201);
    meetingId = res.json().id;
  });
  afterAll(async () => t?.close());

  it('keeps the minutes: agenda, minutes, attendees and status, each change audited; figures re-taken on request', async () => {
    const created = (await go(as('staff'), 'GET', `/committee/meetings/${meetingId}`)).json();
    expect(created).toMatchObject({
      status: 'planned',
      weekStart: '2026-03-30',
      minutes: '',
      actionItems: [],
    });
    expect(created.agenda).toContain('一、上周各组工作数据（3月30日至4月5日）');
    const res = await go(as('staff'), 'PUT', `/committee/meetings/${meetingId}`, {
      minutes: '一、快递组汇报：日清日结。\n二、决议：下周起每班增加一名分拣。',
      attendees: '支部书记、居委干部1、快递组组长',
      status: 'held',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'held', attendees: '支部书记、居委干部1、快递组组长' });
    expect((await auditOf('committee.meeting.update')).at(-1)!.summary).toContain(
      'minutes, attendees, status',
    );
    t.clock.advance(3_600_000);
    const refreshed = await go(as('coordinator'), 'PUT', `/committee/meetings/${meetingId}`, {
      refreshFigures: true,
    });
    expect(refreshed.json().figures.takenAt).toBe('2026-04-09T01:00:00.000Z');
    expect(refreshed.json().minutes).toContain('日清日结');
    expect(await auditOf('committee.meeting.refresh')).toHaveLength(1);
  });

  it('lists meetings newest first with their open items', async () => {
    await go(as('coordinator'), 'POST', '/committee/meetings', {
      title: '第0次支委会',
      heldAt: '2026-04-02T11:00:00Z',
    });
    const list = (await go(as('coordinator'), 'GET', '/committee/meetings')).json();
    expect(list.items.map((m: { title: string }) => m.title)).toEqual(['第1次支委会', '第0次支委会']);
  });

  it('an action item: the owner is told, sees it, marks it done; the committee sees it done', async () => {
    const item = await createItem({ title: '联系物业增加两辆三轮车', ownerAccountId: x.ids.volunteer });
    expect(item).toMatchObject({
      owner: { accountId: x.ids.volunteer, name: 'volunteer 测试' },
      status: 'open',
      overdue: false,
      meetingTitle: '第1次支委会',
    });
    const told = await noticesTo(x.ids.volunteer!);
    expect(told).toHaveLength(1);
    expect(told[0]!.params).toMatchObject({ title: '联系物业增加两辆三轮车', by: 'coordinator 测试' });
    await runBackgroundTasksOnce(t.deps);
    const inbox = (await go(as('volunteer'), 'GET', '/notifications')).json().items;
    expect(inbox[0].title).toBe('交给您的事项：联系物业增加两辆三轮车');
    expect(inbox[0].body).toContain('4月12日');

    const mine = (await go(as('volunteer'), 'GET', '/committee/action-items?owner=me')).json();
    expect(mine.people).toHaveLength(1);
    expect(mine.people[0].items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    const done = await go(as('volunteer'), 'PUT', `/committee/action-items/${item.id}`, {
      status: 'done',
      note: '物业答应周五前到位',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      note: '物业答应周五前到位',
      doneAt: t.clock.now().toISOString(),
    });
    expect((await go(as('volunteer'), 'GET', '/committee/action-items?owner=me')).json().people).toEqual([]);
    const meeting = (await go(as('coordinator'), 'GET', `/committee/meetings/${meetingId}`)).json();
    expect(meeting.actionItems.find((i: { id: string }) => i.id === item.id).status).toBe('done');
    expect(await auditOf('committee.item.done')).toHaveLength(1);
  });

  it('the owner may only mark done or open and write the note; anyone else gets 403', async () => {
    const item = await createItem({ title: '整理本周志愿者时长', ownerAccountId: x.ids.volunteer });
    const before = await fingerprint();
    for (const body of [{ status: 'dropped' }, { dueOn: '2026-04-20' }, { ownerAccountId: x.ids.leader }]) {
      expect((await go(as('volunteer'), 'PUT', `/committee/action-items/${item.id}`, body)).statusCode).toBe(
        403,
      );
    }
    for (const who of ['leader', 'resident', 'viewer']) {
      const res = await go(as(who), 'PUT', `/committee/action-items/${item.id}`, { status: 'done' });
      expect(res.statusCode).toBe(403);
    }
    expect(await fingerprint()).toBe(before);
  });

  it('lists the open items per person, overdue first, the people behind first; a new owner is told', async () => {
    const late = await createItem({
      title: '核对独居老人名单',
      ownerAccountId: x.ids.staff,
      dueOn: '2026-04-07',
    });
    await createItem({ title: '准备下周核酸点位', ownerAccountId: x.ids.staff, dueOn: '2026-04-09' });
    const mine = await createItem({
      title: '写周报',
      ownerAccountId: x.ids.coordinator,
      dueOn: '2026-04-10',
    });
    expect(await noticesTo(x.ids.coordinator!)).toEqual([]); // not told of one's own assignment
    const all = (await go(as('coordinator'), 'GET', '/committee/action-items?owner=all')).json();
    expect(all.today).toBe('2026-04-09');
    expect(all.people[0].owner.accountId).toBe(x.ids.staff);
    expect(all.people[0].overdue).toBe(1);
    expect(all.people[0].items.map((i: any) => [i.title, i.overdue])).toEqual([
      ['核对独居老人名单', true],
      ['准备下周核酸点位', false],
    ]);
    const moved = await go(as('staff'), 'PUT', `/committee/action-items/${late.id}`, {
      ownerAccountId: x.ids.leader,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await noticesTo(x.ids.leader!)).map((n) => n.params.title)).toEqual(['核对独居老人名单']);
    const dropped = await go(as('coordinator'), 'PUT', `/committee/action-items/${mine.id}`, {
      status: 'dropped',
    });
    expect(dropped.json().status).toBe('dropped');
    expect(await auditOf('committee.item.drop')).toHaveLength(1);
  });

  it("meetings and everyone's items are the committee's: 403 for others, 404 from another community", async () => {
    for (const who of ['leader', 'volunteer', 'resident', 'viewer']) {
      expect((await go(as(who), 'GET', '/committee/meetings')).statusCode).toBe(403);
      expect((await go(as(who), 'GET', `/committee/meetings/${meetingId}`)).statusCode).toBe(403);
      expect(
        (await go(as(who), 'PUT', `/committee/meetings/${meetingId}`, { minutes: 'x' })).statusCode,
      ).toBe(403);
      expect((await go(as(who), 'GET', '/committee/action-items?owner=all')).statusCode).toBe(403);
      const create = await go(as(who), 'POST', '/committee/action-items', {
        title: '自己给自己派活',
        ownerAccountId: x.ids[who],
        dueOn: '2026-04-12',
      });
      expect(create.statusCode).toBe(403);
    }
    expect((await go(as('resident'), 'GET', '/committee/action-items?owner=me')).json().people).toEqual([]);
    expect((await go(as('b-coordinator'), 'GET', `/committee/meetings/${meetingId}`)).statusCode).toBe(404);
    const other = await go(
      as('b-coordinator'),
      'POST',
      '/committee/meetings',
      { title: '乙小区支委会', heldAt: '2026-04-09T11:00:00Z' },
      x.b,
    );
    expect(other.statusCode).toBe(201);
    expect((await go(as('coordinator'), 'GET', `/committee/meetings/${other.json().id}`)).statusCode).toBe(
      404,
    );
    const item = await createItem({ title: '甲小区的事', ownerAccountId: x.ids.staff });
    const across = await go(
      as('b-coordinator'),
      'PUT',
      `/committee/action-items/${item.id}`,
      { status: 'done' },
      x.b,
    );
    expect(across.statusCode).toBe(404);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await fingerprint();
    const bad: [string, string, unknown, string][] = [
      [
        'POST',
        '/committee/action-items',
        { title: '外人', ownerAccountId: x.ids.outsider, dueOn: '2026-04-12' },
        'COMMITTEE_OWNER_NOT_MEMBER',
      ],
      [
        'POST',
        '/committee/action-items',
        { title: '乙小区的人', ownerAccountId: x.ids['b-coordinator'], dueOn: '2026-04-12' },
        'COMMITTEE_OWNER_NOT_MEMBER',
      ],
      [
        'POST',
        '/committee/action-items',
        { title: '日期不对', ownerAccountId: x.ids.staff, dueOn: '2026-02-30' },
        'VALIDATION_FAILED',
      ],
      [
        'POST',
        '/committee/action-items',
        { title: '日期不对', ownerAccountId: x.ids.staff, dueOn: '12/04/2026' },
        'VALIDATION_FAILED',
      ],
      [
        'POST',
        '/committee/action-items',
        { title: '没有会', ownerAccountId: x.ids.staff, dueOn: '2026-04-12', meetingId: x.b },
        'COMMITTEE_MEETING_UNKNOWN',
      ],
      ['POST', '/committee/meetings', { title: '没有时间' }, 'VALIDATION_FAILED'],
      ['POST', '/committee/meetings', { title: '时间不对', heldAt: '2026-04-13 19:00' }, 'VALIDATION_FAILED'],
      ['PUT', `/committee/meetings/${meetingId}`, { status: 'cancelled' }, 'VALIDATION_FAILED'],
    ];
    for (const [method, path, body, code] of bad) {
      const res = await go(as('coordinator'), method as 'POST', path, body);
      expect([res.statusCode, res.json().error.code], `${path} ${JSON.stringify(body)}`).toEqual([400, code]);
    }
    const item = await createItem({ title: '要改的事', ownerAccountId: x.ids.staff });
    const mid = await fingerprint();
    for (const body of [{}, { ownerAccountId: x.ids.outsider }, { dueOn: '2026-4-1' }]) {
      expect(
        (await go(as('coordinator'), 'PUT', `/committee/action-items/${item.id}`, body)).statusCode,
      ).toBe(400);
    }
    expect(await fingerprint()).toBe(mid);
    expect(before).not.toBe(mid); // only the one good item was written in between
  });
});
