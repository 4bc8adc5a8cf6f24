import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementRecipients, outbox, relayTasks } from '../../db/schema/index.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { type AnnouncementScene, announcementScene } from './announcements.test-support.ts';

describe('announcements: who an audience reaches', () => {
  let t: TestApp;
  let x: AnnouncementScene;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
    x = await announcementScene(t);
  });
  afterAll(() => t.close());

  const publish = async (body: Record<string, unknown>) => {
    n += 1;
    const res = await call(t.app, x.sessions.staff!, 'POST', x.url(), {
      title: `通知 ${n}`,
      body: '请知悉。',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; reach: { reached: number; read: number }; isPublic: boolean };
  };
  const reachedOf = async (id: string) => {
    const rows = await t.deps.db
      .select({ accountId: announcementRecipients.accountId, buildingId: announcementRecipients.buildingId })
      .from(announcementRecipients)
      .where(eq(announcementRecipients.announcementId, id));
    const names = Object.fromEntries(Object.entries(x.people).map(([name, id]) => [id, name]));
    return Object.fromEntries(rows.map((r) => [names[r.accountId] ?? r.accountId, r.buildingId]));
  };
  const relayBuildingsOf = async (id: string) =>
    (
      await t.deps.db
        .select({ buildingId: relayTasks.buildingId })
        .from(relayTasks)
        .where(and(eq(relayTasks.sourceType, 'announcement'), eq(relayTasks.sourceId, id)))
    )
      .map((r) => r.buildingId)
      .sort();

  // Each account once, with the building it lives in (null: a volunteer registered nowhere).
  const cases: [string, () => Record<string, unknown>, () => Record<string, string | null>][] = [
    [
      'zone west: the resident accounts of its buildings',
      () => ({ audience: 'zones', audienceIds: [x.zones.west] }),
      () => ({ zhao: x.buildings.b7, zhao2: x.buildings.b7, qian: x.buildings.b7 }),
    ],
    [
      'buildings 12: the resident accounts living there',
      () => ({ audience: 'buildings', audienceIds: [x.buildings.b12] }),
      () => ({ resident: x.buildings.b12, lu: x.buildings.b12 }),
    ],
    [
      'buildings 2 and 7',
      () => ({ audience: 'buildings', audienceIds: [x.buildings.b2, x.buildings.b7] }),
      () => ({ wang: x.buildings.b2, zhao: x.buildings.b7, zhao2: x.buildings.b7, qian: x.buildings.b7 }),
    ],
    [
      'the parcels group: its approved members, each where they live (not the pending one)',
      () => ({ audience: 'group', audienceIds: [x.groups.parcels] }),
      () => ({ volunteer: null, wang: x.buildings.b2 }),
    ],
    [
      'the vulnerable: their own accounts, else their household’s',
      () => ({ audience: 'vulnerable' }),
      () => ({ resident: x.buildings.b12, lu: x.buildings.b12, zhao: x.buildings.b7 }),
    ],
    [
      'everyone: every resident account and every approved volunteer, members only',
      () => ({ audience: 'all' }),
      () => ({
        resident: x.buildings.b12,
        lu: x.buildings.b12,
        wang: x.buildings.b2,
        zhao: x.buildings.b7,
        zhao2: x.buildings.b7,
        qian: x.buildings.b7,
        leader: null,
        volunteer: null,
      }),
    ],
  ];

  it.each(cases)('%s', async (_name, body, expected) => {
    const published = await publish(body());
    const reached = await reachedOf(published.id);
    expect(reached).toEqual(expected());
    expect(published.reach).toEqual({ reached: Object.keys(expected()).length, read: 0 });
    // each reached account has its notice in the outbox, linked to the page, and nobody else
    const notices = await t.deps.db
      .select({ accountId: outbox.accountId })
      .from(outbox)
      .where(
        and(eq(outbox.link, `/announcements/${published.id}`), eq(outbox.kind, 'announcement.published')),
      );
    expect(notices).toHaveLength(Object.keys(expected()).length);
  });

  it('asks the relay contacts of the targeted buildings: all for everyone, those of a zone, none for a group', async () => {
    const { b2, b7, b12 } = x.buildings;
    const all = await publish({ audience: 'all' });
    expect(await relayBuildingsOf(all.id)).toEqual([b2, b7, b12].sort());
    const zone = await publish({ audience: 'zones', audienceIds: [x.zones.east] });
    expect(await relayBuildingsOf(zone.id)).toEqual([b2, b12].sort());
    const vulnerable = await publish({ audience: 'vulnerable' });
    expect(await relayBuildingsOf(vulnerable.id)).toEqual([b7, b12].sort());
    const group = await publish({ audience: 'group', audienceIds: [x.groups.parcels] });
    expect(await relayBuildingsOf(group.id)).toEqual([]);
    const noRelay = await publish({ audience: 'buildings', audienceIds: [b2], relay: false });
    expect(await relayBuildingsOf(noRelay.id)).toEqual([]);
    // the relay contact of building 7 (赵爷爷) is told, and may open it
    const [task] = await t.deps.db
      .select()
      .from(relayTasks)
      .where(and(eq(relayTasks.sourceId, all.id), eq(relayTasks.buildingId, b7)));
    expect(task).toMatchObject({ relayAccountId: x.people.zhao2, link: `/announcements/${all.id}` });
    // …even a notice to the vulnerable only, which did not reach him
    const page = await call(t.app, x.sessions.zhao2!, 'GET', x.url(`/${vulnerable.id}`));
    expect(page.statusCode).toBe(200);
    expect(page.json().read).toBeNull();
  });

  it('never puts a group or vulnerable notice on the public page', async () => {
    expect(
      (await publish({ audience: 'group', audienceIds: [x.groups.parcels], public: true })).isPublic,
    ).toBe(false);
    expect((await publish({ audience: 'vulnerable', public: true })).isPublic).toBe(false);
    expect((await publish({ audience: 'all' })).isPublic).toBe(true);
  });
});
