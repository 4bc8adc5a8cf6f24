import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { multipartPhotos } from '../medicine/medicine.test-support.ts';
import { CLEAN_PNG } from '../medicine/photo-fixtures.ts';
import { type AnnouncementScene, announcementScene } from './announcements.test-support.ts';

const HOUR = 3_600_000;

describe('announcements: the public notice page (no sign-in)', () => {
  let t: TestApp;
  let x: AnnouncementScene;
  const publicUrl = (slug = 'community-a') => `/api/public/communities/${slug}/announcements`;

  beforeAll(async () => {
    t = await createTestApp();
    x = await announcementScene(t);
  });
  afterAll(() => t.close());

  it('shows only published, public, unexpired announcements, with nothing personal', async () => {
    const publish = async (body: Record<string, unknown>) => {
      t.clock.advance(1000);
      const res = await call(t.app, x.sessions.staff!, 'POST', x.url(), {
        body: '请各位居民知悉。',
        ...body,
      });
      return res.json() as { id: string };
    };
    const lockdown = await publish({ title: '封控通知', audience: 'all', pinned: true });
    const zone = await publish({ title: '西区停水', audience: 'zones', audienceIds: [x.zones.west] });
    const notPublic = await publish({ title: '志愿者内部', audience: 'all', public: false });
    await publish({ title: '宣传组开会', audience: 'group', audienceIds: [x.groups.publicity] });
    await publish({ title: '重点人群上门', audience: 'vulnerable' });
    const soon = await publish({
      title: '今日核酸',
      audience: 'all',
      expiresAt: new Date(t.clock.now().getTime() + HOUR).toISOString(),
    });
    const withdrawn = await publish({ title: '发错了', audience: 'all' });
    await call(t.app, x.sessions.staff!, 'POST', x.url(`/${withdrawn.id}/withdraw`));
    const body = multipartPhotos([{ data: CLEAN_PNG, name: 'map.png', type: 'image/png' }]);
    await t.app.inject({
      method: 'POST',
      url: x.url(`/${zone.id}/image`),
      payload: body.payload,
      headers: { ...body.headers, cookie: x.sessions.staff!.cookie, 'x-csrf-token': x.sessions.staff!.csrf },
    });

    const res = await call(t.app, null, 'GET', publicUrl());
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.communityName).toBe('甲小区');
    expect(page.items.map((i: { title: string }) => i.title)).toEqual(['封控通知', '今日核酸', '西区停水']);
    expect(page.items.find((i: { id: string }) => i.id === zone.id)).toMatchObject({
      targets: [{ label: '西区' }],
      imagePath: `/api/public/communities/community-a/announcements/${zone.id}/image`,
    });
    // no publisher, no reach, no reading, no account: only what was posted for all to read
    const text = res.body;
    for (const personal of [
      'staff',
      'publishedBy',
      'reach',
      'read',
      'accountId',
      '张伟',
      x.people.resident,
    ]) {
      expect(text.includes(personal), personal).toBe(false);
    }
    expect(Object.keys(page.items[0]).sort()).toEqual(
      [
        'audience',
        'body',
        'critical',
        'expiresAt',
        'id',
        'imagePath',
        'pinned',
        'publishedAt',
        'targets',
        'title',
      ].sort(),
    );

    const image = await call(t.app, null, 'GET', `${publicUrl()}/${zone.id}/image`);
    expect([image.statusCode, image.headers['content-type']]).toEqual([200, 'image/png']);
    expect((await call(t.app, null, 'GET', `${publicUrl()}/${notPublic.id}/image`)).statusCode).toBe(404);
    // another community's slug does not lead to A's notices
    expect(
      (await call(t.app, null, 'GET', `/api/public/communities/community-b/announcements/${zone.id}/image`))
        .statusCode,
    ).toBe(404);
    expect((await call(t.app, null, 'GET', publicUrl('community-b'))).json().items).toEqual([]);
    expect((await call(t.app, null, 'GET', publicUrl('no-such-place'))).statusCode).toBe(404);

    t.clock.advance(2 * HOUR);
    const later = (await call(t.app, null, 'GET', publicUrl())).json();
    expect(later.items.map((i: { id: string }) => i.id)).toEqual([lockdown.id, zone.id]);
    expect(later.items.some((i: { id: string }) => i.id === soon.id)).toBe(false);
  });

  it("prints the public page's address in the poster's QR code, for those who publish", async () => {
    const qr = await call(t.app, x.sessions.leader!, 'GET', x.url('/qr.png'));
    expect([qr.statusCode, qr.headers['content-type']]).toEqual([200, 'image/png']);
    expect(qr.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await call(t.app, x.sessions.resident!, 'GET', x.url('/qr.png'))).statusCode).toBe(403);
  });
});
