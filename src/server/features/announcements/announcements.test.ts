import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications, volunteerGroups } from '../../db/schema/index.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { multipartPhotos } from '../medicine/medicine.test-support.ts';
import { CLEAN_PNG, jpegWithLocation, SECRET_PLACE } from '../medicine/photo-fixtures.ts';
import { type AnnouncementScene, announcementScene, writtenCounts } from './announcements.test-support.ts';

const HOUR = 3_600_000;

describe('announcements: publishing, access, reading and receipts', () => {
  let t: TestApp;
  let x: AnnouncementScene;
  const publish = (who: Session, body: Record<string, unknown>) =>
    call(t.app, who, 'POST', x.url(), { title: '全员核酸通知', body: '明早 7 点起按楼栋下楼。', ...body });
  const uploadImage = (who: Session, id: string, data: Uint8Array, name = 'notice.jpg') => {
    const body = multipartPhotos([{ data, name, type: 'image/jpeg' }]);
    return t.app.inject({
      method: 'POST',
      url: x.url(`/${id}/image`),
      payload: body.payload,
      headers: { ...body.headers, cookie: who.cookie, 'x-csrf-token': who.csrf },
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    x = await announcementScene(t);
  });
  afterAll(() => t.close());

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = await writtenCounts(t);
    const bad: [Record<string, unknown>, string, string][] = [
      [
        { audience: 'buildings', audienceIds: [x.buildings.b2, x.zones.west] },
        'UNKNOWN_BUILDING',
        'body.audienceIds.1',
      ],
      [{ audience: 'zones', audienceIds: [x.buildings.b2] }, 'UNKNOWN_ZONE', 'body.audienceIds.0'],
      [{ audience: 'buildings', audienceIds: [] }, 'ANNOUNCEMENT_AUDIENCE_EMPTY', 'body.audienceIds'],
      [
        { audience: 'group', audienceIds: [x.groups.parcels, x.groups.publicity] },
        'ANNOUNCEMENT_ONE_GROUP',
        'body.audienceIds',
      ],
      [{ title: '  ', audience: 'all' }, 'VALIDATION_FAILED', 'body.title'],
      [{ title: '长'.repeat(81), audience: 'all' }, 'VALIDATION_FAILED', 'body.title'],
      [{ body: '字'.repeat(5001), audience: 'all' }, 'VALIDATION_FAILED', 'body.body'],
      [
        { audience: 'all', expiresAt: new Date(t.clock.now().getTime() - 60_000).toISOString() },
        'ANNOUNCEMENT_EXPIRY_PAST',
        'body.expiresAt',
      ],
      [{ audience: 'everyone' }, 'VALIDATION_FAILED', 'body.audience'],
    ];
    for (const [body, code, path] of bad) {
      const res = await publish(x.sessions.staff!, body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([400, code]);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    // a group of community B is no group of A
    const [bGroup] = await t.deps.db
      .insert(volunteerGroups)
      .values({ communityId: x.b, key: 'publicity', name: '乙宣传组' })
      .returning({ id: volunteerGroups.id });
    const res = await publish(x.sessions.staff!, { audience: 'group', audienceIds: [bGroup!.id] });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'UNKNOWN_GROUP']);
    expect(await writtenCounts(t)).toEqual(before);
  });

  it('lets coordinators, staff and the publicity group publish; nobody else (403), and another community 404', async () => {
    const before = await writtenCounts(t);
    for (const who of ['resident', 'volunteer', 'viewer'] as const) {
      const res = await publish(x.sessions[who]!, { audience: 'all' });
      expect([who, res.statusCode, res.json().error.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
    expect((await publish(x.sessions.bCoordinator!, { audience: 'all' })).statusCode).toBe(404);
    expect((await publish(x.sessions.outsider!, { audience: 'all' })).statusCode).toBe(404);
    expect(await writtenCounts(t)).toEqual(before);
    const byLeader = await publish(x.sessions.leader!, {
      audience: 'buildings',
      audienceIds: [x.buildings.b7],
    });
    expect(byLeader.statusCode).toBe(201);
    const byCoordinator = await publish(x.sessions.coordinator!, {
      audience: 'zones',
      audienceIds: [x.zones.east],
    });
    expect(byCoordinator.json()).toMatchObject({
      audience: 'zones',
      targets: [{ id: x.zones.east, label: '东区' }],
      canManage: true,
    });
  });

  it('shows members what reached them, pinned first; not what did not (404); expired ones only when asked', async () => {
    const pinned = (
      await publish(x.sessions.staff!, {
        title: '封控须知',
        audience: 'buildings',
        audienceIds: [x.buildings.b12],
        pinned: true,
      })
    ).json();
    t.clock.advance(60_000);
    const later = (
      await publish(x.sessions.staff!, {
        title: '今日团购',
        audience: 'buildings',
        audienceIds: [x.buildings.b12, x.buildings.b2],
        expiresAt: new Date(t.clock.now().getTime() + HOUR).toISOString(),
      })
    ).json();
    const forB7 = (
      await publish(x.sessions.staff!, {
        title: '7号楼停水',
        audience: 'buildings',
        audienceIds: [x.buildings.b7],
      })
    ).json();

    const list = async (who: Session, query = '') => (await call(t.app, who, 'GET', x.url(query))).json();
    const mine = await list(x.sessions.resident!);
    // pinned first, then newest (the coordinator's notice to zone east, above, reached them too)
    expect(mine.items.map((i: { title: string }) => i.title)).toEqual([
      '封控须知',
      '今日团购',
      '全员核酸通知',
    ]);
    expect(mine.items[0]).toMatchObject({ pinned: true, read: false, reach: null });
    expect(mine).toMatchObject({ canPublish: false, publicPath: '/c/community-a/notices' });
    // a resident of building 7 sees only theirs, and cannot open building 12's (404, as if it did not exist)
    expect((await list(x.sessions.zhao!)).items.map((i: { title: string }) => i.title)).toContain(
      '7号楼停水',
    );
    expect((await call(t.app, x.sessions.zhao!, 'GET', x.url(`/${pinned.id}`))).statusCode).toBe(404);
    expect((await call(t.app, x.sessions.resident!, 'GET', x.url(`/${forB7.id}`))).statusCode).toBe(404);
    expect((await call(t.app, x.sessions.resident!, 'POST', x.url(`/${forB7.id}/read`))).statusCode).toBe(
      404,
    );
    expect((await call(t.app, x.sessions.bCoordinator!, 'GET', x.url(`/${pinned.id}`))).statusCode).toBe(404);
    // managers see everything with reach counts
    const all = await list(x.sessions.leader!);
    expect(all.canPublish).toBe(true);
    expect(all.items.find((i: { id: string }) => i.id === forB7.id).reach).toEqual({ reached: 3, read: 0 });

    t.clock.advance(2 * HOUR);
    expect((await list(x.sessions.resident!)).items.map((i: { title: string }) => i.title)).toEqual([
      '封控须知',
      '全员核酸通知',
    ]);
    const past = await list(x.sessions.resident!, '?past=true');
    expect(past.items.find((i: { id: string }) => i.id === later.id)).toMatchObject({ expired: true });
  });

  it('marks read once, with the inbox notice, and counts receipts per building with who has not read', async () => {
    const a = (
      await publish(x.sessions.staff!, {
        title: '第二轮全员核酸',
        audience: 'buildings',
        audienceIds: [x.buildings.b12, x.buildings.b7],
        critical: true,
      })
    ).json();
    await runBackgroundTasksOnce(t.deps);
    const inbox = () =>
      t.deps.db
        .select({ readAt: notifications.readAt, critical: notifications.critical })
        .from(notifications)
        .where(
          and(
            eq(notifications.accountId, x.people.resident),
            eq(notifications.link, `/announcements/${a.id}`),
          ),
        );
    expect(await inbox()).toEqual([{ readAt: null, critical: true }]);

    const first = await call(t.app, x.sessions.resident!, 'POST', x.url(`/${a.id}/read`));
    expect(first.statusCode).toBe(200);
    t.clock.advance(60_000);
    const again = await call(t.app, x.sessions.resident!, 'POST', x.url(`/${a.id}/read`));
    expect(again.json().readAt).toBe(first.json().readAt);
    expect((await inbox())[0]!.readAt).not.toBeNull();
    await call(t.app, x.sessions.zhao!, 'POST', x.url(`/${a.id}/read`));

    const receipts = await call(t.app, x.sessions.staff!, 'GET', x.url(`/${a.id}/receipts`));
    expect(receipts.json()).toMatchObject({ reached: 5, read: 2 });
    const [b7, b12] = receipts.json().buildings;
    expect(b7).toMatchObject({
      buildingCode: '7',
      reached: 3,
      read: 1,
      relay: { status: 'waiting', hasContact: true },
    });
    expect(b7.unread.map((p: { name: string }) => p.name)).toEqual(['赵爷爷', '钱多多']);
    expect(b7.unread[1]).toMatchObject({ room: '302', mobile: '139****2222' });
    expect(b12).toMatchObject({ buildingCode: '12', reached: 2, read: 1, relay: { hasContact: false } });
    expect(b12.unread).toMatchObject([{ name: '陆小妹', room: '101' }]);
    // the list shows the reader's own reading and the counts to managers
    const mine = (await call(t.app, x.sessions.resident!, 'GET', x.url(`/${a.id}`))).json();
    expect(mine).toMatchObject({
      read: true,
      reach: null,
      canManage: false,
      body: '明早 7 点起按楼栋下楼。',
    });

    for (const who of ['resident', 'volunteer'] as const) {
      expect((await call(t.app, x.sessions[who]!, 'GET', x.url(`/${a.id}/receipts`))).statusCode).toBe(403);
    }
  });

  it('withdraws (gone for members, kept for managers), audits each step, and takes an image without its metadata', async () => {
    const a = (await publish(x.sessions.coordinator!, { title: '撤回测试', audience: 'all' })).json();
    const photo = jpegWithLocation();
    expect(Buffer.from(photo).includes(SECRET_PLACE)).toBe(true);
    const up = await uploadImage(x.sessions.leader!, a.id, photo);
    expect(up.statusCode, up.body).toBe(201);
    const image = await call(t.app, x.sessions.resident!, 'GET', x.url(`/${a.id}/image`));
    expect([image.statusCode, image.headers['content-type']]).toEqual([200, 'image/jpeg']);
    expect(image.rawPayload.includes(SECRET_PLACE)).toBe(false);
    expect((await uploadImage(x.sessions.resident!, a.id, CLEAN_PNG)).statusCode).toBe(403);
    const notImage = await uploadImage(
      x.sessions.staff!,
      a.id,
      new TextEncoder().encode('%PDF-1.4 not a picture'),
    );
    expect([notImage.statusCode, notImage.json().error.code]).toEqual([415, 'ANNOUNCEMENT_IMAGE_NOT_IMAGE']);
    const huge = new Uint8Array(5 * 1024 * 1024 + 1);
    huge.set(CLEAN_PNG);
    expect((await uploadImage(x.sessions.staff!, a.id, huge)).json().error.code).toBe(
      'ANNOUNCEMENT_IMAGE_TOO_LARGE',
    );

    const withdrawn = await call(t.app, x.sessions.leader!, 'POST', x.url(`/${a.id}/withdraw`));
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await call(t.app, x.sessions.leader!, 'POST', x.url(`/${a.id}/withdraw`))).statusCode).toBe(409);
    expect((await call(t.app, x.sessions.resident!, 'GET', x.url(`/${a.id}`))).statusCode).toBe(404);
    expect((await call(t.app, x.sessions.resident!, 'POST', x.url(`/${a.id}/withdraw`))).statusCode).toBe(
      403,
    );
    const managerList = (await call(t.app, x.sessions.staff!, 'GET', x.url('?past=true'))).json();
    expect(managerList.items.find((i: { id: string }) => i.id === a.id)).toMatchObject({
      status: 'withdrawn',
      hasImage: true,
    });

    const entries = await t.deps.db
      .select({ action: auditLog.action, summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, a.id), like(auditLog.action, 'announcement.%')));
    expect(entries.map((e) => e.action).sort()).toEqual([
      'announcement.image',
      'announcement.publish.all',
      'announcement.withdraw',
    ]);
    expect(entries.find((e) => e.action === 'announcement.publish.all')!.summary).toBe(
      'published "撤回测试" to everyone (8 accounts reached, relay asked in 3 buildings)',
    );
  });
});
