import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, seedTwoCommunities } from '../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../test-support/test-app.ts';

describe('bad input gets a clear error and changes nothing', () => {
  let t: TestApp;
  let staff: Session;
  beforeAll(async () => {
    t = await createTestApp({ bodyLimitBytes: 16 * 1024 }, undefined, (app) => {
      app.get('/api/test/explode', async () => {
        throw new Error('secret internal detail');
      });
    });
    await seedTwoCommunities(t.deps.db);
    staff = await signIn(t.app, 'staff');
  });
  afterAll(() => t.close());

  const unchanged = async (send: () => Promise<{ statusCode: number; json(): any }>) => {
    const before = await databaseFingerprint(t.deps.db);
    const res = await send();
    expect(await databaseFingerprint(t.deps.db)).toBe(before);
    return res;
  };

  it('reports missing fields with their paths, in Chinese by default', async () => {
    const res = await unchanged(() => call(t.app, staff, 'POST', '/api/communities', {}));
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('输入有误，请检查标出的内容。');
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.name', 'body.slug']);
    expect(error.details.map((d: { message: string }) => d.message)).toEqual(['必填', '必填']);
    const blank = await unchanged(() =>
      call(
        t.app,
        staff,
        'POST',
        '/api/communities',
        { slug: 'ok-slug', name: '   ' },
        { 'accept-language': 'en' },
      ),
    );
    expect(blank.json().error.details).toEqual([{ path: 'body.name', message: 'Required' }]);
  });

  it('reports wrong types in English when asked', async () => {
    const res = await unchanged(() =>
      call(t.app, staff, 'POST', '/api/communities', { slug: 42, name: ['x'] }, { 'accept-language': 'en' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Some input is not valid. Please check the marked fields.');
    expect(res.json().error.details.find((d: { path: string }) => d.path === 'body.slug').message).toMatch(
      /expected string/i,
    );
  });

  it('rejects an unknown time zone and a badly formed slug', async () => {
    const res = await unchanged(() =>
      call(t.app, staff, 'POST', '/api/communities', {
        slug: 'Bad Slug!',
        name: '好',
        timezone: 'Mars/Olympus',
      }),
    );
    const paths = res
      .json()
      .error.details.map((d: { path: string; message: string }) => `${d.path}:${d.message}`);
    expect(paths).toContain('body.timezone:未知的时区');
    expect(paths).toContain('body.slug:只能使用小写字母、数字和短横线');
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await unchanged(() =>
      t.app.inject({
        method: 'POST',
        url: '/api/communities',
        headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
        payload: '{"slug": "x",',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_REQUEST');
  });

  it('rejects an oversize body with 413', async () => {
    const res = await unchanged(() =>
      call(t.app, staff, 'POST', '/api/communities', { slug: 'big', name: 'x'.repeat(20_000) }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects strings that are too long or hold control characters', async () => {
    const long = await unchanged(() =>
      call(t.app, staff, 'POST', '/api/communities', { slug: 'long', name: '长'.repeat(101) }),
    );
    expect(long.statusCode).toBe(400);
    const control = await unchanged(() =>
      call(t.app, staff, 'POST', '/api/communities', { slug: 'ctl', name: 'a\u0000b' }),
    );
    expect(control.json().error.details[0].path).toBe('body.name');
  });

  it('stores SQL and HTML as plain text and returns them unchanged', async () => {
    const name = `Robert'); DROP TABLE accounts;-- <script>alert("x")</script>`;
    const res = await call(t.app, staff, 'POST', '/api/communities', { slug: 'bobby-tables', name });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toContain('application/json');
    const list = await call(t.app, staff, 'GET', '/api/communities');
    expect(list.json().items.map((c: { name: string }) => c.name)).toContain(name);
    expect((await call(t.app, staff, 'GET', '/api/session')).statusCode).toBe(200);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: '没有这个接口：GET /api/no-such-thing',
    });
  });

  it('answers a malformed id with 400, not a database error', async () => {
    const res = await call(t.app, staff, 'GET', "/api/communities/1' or '1'='1/overview");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('params.communityId');
  });

  it('hides the details of a server error behind a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/explode' });
    expect(res.statusCode).toBe(500);
    const { error } = res.json();
    expect(error.code).toBe('INTERNAL');
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toContain(error.requestId);
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('.ts:');
  });
});
