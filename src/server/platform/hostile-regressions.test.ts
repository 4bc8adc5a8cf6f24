// What the hostile-input walk (hostile-input.test.ts) found, each pinned down on its own.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities } from '../db/schema/index.ts';
import { databaseFingerprint, seedTwoCommunities } from '../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../test-support/test-app.ts';

describe('inputs the hostile walk found crashing the server', () => {
  let t: TestApp;
  let a: string;
  let coordinator: Session;
  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await seedTwoCommunities(t.deps.db));
    coordinator = await signIn(t.app, 'coordinator');
  });
  afterAll(() => t.close());

  const refused = async (send: () => Promise<{ statusCode: number; json(): any }>, status = 400) => {
    const before = await databaseFingerprint(t.deps.db);
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(await databaseFingerprint(t.deps.db)).toBe(before);
    return res.json().error as {
      code: string;
      message: string;
      details: { path: string; message: string }[];
    };
  };

  it('answers a path that does not decode, or an overlong id, in the one error shape', async () => {
    for (const id of ['%ED%A0%80', '%C0%AE%C0%AE', 'x'.repeat(3000)]) {
      const error = await refused(() => call(t.app, coordinator, 'GET', `/api/communities/${id}/overview`));
      expect(error.code).toBe('MALFORMED_REQUEST');
      expect(error.message).toMatch(/^请求格式不正确（URL/);
    }
  });

  it('refuses a NUL character anywhere (PostgreSQL text cannot hold one) before any query', async () => {
    const feed = await refused(() => call(t.app, null, 'GET', '/api/calendar/a%00b.ics'));
    expect(feed).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'params.token', message: '含有无法保存的字符' }],
    });
    const join = await refused(() =>
      call(t.app, null, 'POST', '/api/join/community-a/abcdefgh12345678', { name: 'a\u0000b' }),
    );
    expect(join.details).toEqual([{ path: 'body.name', message: '含有无法保存的字符' }]);
  });

  it('refuses half a surrogate pair (PostgreSQL jsonb refuses it in the audit data), keeps whole pairs', async () => {
    const groups = `/api/communities/${a}/groups`;
    for (const name of ['\ud800', 'x\udfffy']) {
      const error = await refused(() => call(t.app, coordinator, 'POST', groups, { name }));
      expect(error.details).toEqual([{ path: 'body.name', message: '含有无法保存的字符' }]);
    }
    const emoji = await call(t.app, coordinator, 'POST', groups, { name: '楼组💥' });
    expect(emoji.statusCode).toBe(201);
  });

  it('refuses a day that is no date at all with 400, not a RangeError', async () => {
    for (const day of ['abc', '\u0024{7*7}', '1e309']) {
      const error = await refused(() =>
        call(t.app, coordinator, 'GET', `/api/communities/${a}/parcel-board?day=${encodeURIComponent(day)}`),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
    }
    const close = await refused(() =>
      call(t.app, coordinator, 'POST', `/api/communities/${a}/parcel-days`, { day: 'x' }),
    );
    expect(close.details.map((d) => d.path)).toContain('body.day');
  });

  it('refuses a multipart body without a boundary, or cut off, as malformed', async () => {
    const headers = { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrf };
    for (const [type, payload] of [
      ['multipart/form-data', 'abc'],
      [
        'multipart/form-data; boundary=XX',
        '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
      ],
    ] as const) {
      const error = await refused(() =>
        t.app.inject({
          method: 'POST',
          url: `/api/communities/${a}/roster-imports`,
          payload,
          headers: { ...headers, 'content-type': type },
        }),
      );
      expect(error).toMatchObject({
        code: 'MALFORMED_REQUEST',
        message: '请求格式不正确（multipart/form-data）。',
      });
    }
  });

  it('keeps a coordinate too small for a real column as 0 instead of failing the statement', async () => {
    const res = await call(t.app, coordinator, 'PUT', `/api/communities/${a}/place`, {
      latitude: 1e-40,
      longitude: -4e-323,
      street: '城关街道',
      dailyReportTime: '21:00',
    });
    expect(res.statusCode).toBe(200);
    const [row] = await t.deps.db.select().from(communities).where(eq(communities.id, a));
    expect([row!.latitude, row!.longitude]).toEqual([0, 0]);
  });
});
