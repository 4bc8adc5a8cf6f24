import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAttempts } from '../../db/schema/index.ts';
import { seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, signIn, type TestApp } from '../../test-support/test-app.ts';

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginLimitPerAccount: 3, loginLimitPerIp: 6 });
    await seedTwoCommunities(t.deps.db);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.deps.db.delete(loginAttempts);
  });

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    call(t.app, null, 'POST', '/api/session', { username, password }, headers);

  it('signs in with the right password and says who I am', async () => {
    const res = await login('coordinator', 'correct-horse');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'linli_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await call(
      t.app,
      { cookie: `linli_session=${cookie.value}`, csrf: '' },
      'GET',
      '/api/session',
    );
    expect(me.json().session.account.username).toBe('coordinator');
    expect(me.json().session.memberships[0].roles).toEqual(['coordinator']);
  });

  it('accepts the username in any case', async () => {
    expect((await login('COORDINATOR', 'correct-horse')).statusCode).toBe(200);
  });

  it('fails with 401 and the same message for a wrong password and an unknown user', async () => {
    const wrong = await login('coordinator', 'wrong-password');
    const unknown = await login('nobody-here', 'wrong-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.cookies).toHaveLength(0);
  });

  it('answers in English when asked', async () => {
    const res = await login('coordinator', 'nope-nope', { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.json().error.message).toBe('The username or password is incorrect.');
    const zh = await login('coordinator', 'nope-nope');
    expect(zh.json().error.message).toBe('用户名或密码不正确。');
  });

  it('rate-limits an account after repeated failures, and says when to try again', async () => {
    for (let i = 0; i < 3; i++) expect((await login('volunteer', 'bad-password')).statusCode).toBe(401);
    const limited = await login('volunteer', 'correct-horse');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBe('900');
    expect(limited.json().error.message).toContain('900');
    // other accounts from another address are unaffected
    expect(
      (await call(t.app, null, 'POST', '/api/session', { username: 'staff', password: 'correct-horse' }))
        .statusCode,
    ).toBe(200);
    t.clock.advance(15 * 60 * 1000 + 1000);
    expect((await login('volunteer', 'correct-horse')).statusCode).toBe(200);
  });

  it('rate-limits an address that tries many accounts', async () => {
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']) await login(name, 'bad-password');
    const res = await login('leader', 'correct-horse');
    expect(res.statusCode).toBe(429);
    t.clock.advance(16 * 60 * 1000);
  });

  it('signs out and rejects the revoked session afterwards', async () => {
    const session = await signIn(t.app, 'staff');
    const out = await call(t.app, session, 'DELETE', '/api/session');
    expect(out.statusCode).toBe(204);
    const me = await call(t.app, session, 'GET', '/api/session');
    expect(me.json().session).toBeNull();
    const list = await call(t.app, session, 'GET', '/api/communities');
    expect(list.statusCode).toBe(401);
    expect(list.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a mutation without the CSRF token of the session', async () => {
    const session = await signIn(t.app, 'staff');
    const body = { slug: 'csrf-test', name: 'CSRF' };
    const missing = await call(t.app, session, 'POST', '/api/communities', body, { 'x-csrf-token': '' });
    const wrong = await call(t.app, session, 'POST', '/api/communities', body, { 'x-csrf-token': 'forged' });
    expect(missing.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('CSRF_FAILED');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'staff', password: 'x' },
    });
    expect(anonymous.json().error.code).toBe('CSRF_FAILED');
  });

  it('keeps the chosen language on the account', async () => {
    const session = await signIn(t.app, 'resident');
    const res = await call(t.app, session, 'PATCH', '/api/me', { locale: 'en' });
    expect(res.json().session.account.locale).toBe('en');
    const denied = await call(
      t.app,
      session,
      'GET',
      '/api/communities/00000000-0000-4000-8000-000000000000/audit',
    );
    expect(denied.json().error.message).toBe('The community was not found.');
  });
});
