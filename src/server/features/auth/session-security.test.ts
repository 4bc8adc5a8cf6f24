import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, loginAttempts } from '../../db/schema/index.ts';
import { SESSION_TTL_MS } from '../../platform/sessions.ts';
import { seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

const PASSWORD = 'correct-horse';
const DAY = 24 * 3600 * 1000;
const cookieOf = (res: { cookies: { name: string; value: string; maxAge?: number }[] }) =>
  res.cookies.find((c) => c.name === 'linli_session');

describe('session security', () => {
  let t: TestApp;
  let communityA: string;
  let accountIds: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp({ loginLimitPerAccount: 3, loginLimitPerIp: 50 });
    const seeded = await seedTwoCommunities(t.deps.db);
    communityA = seeded.a;
    accountIds = seeded.ids;
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.deps.db.delete(loginAttempts);
  });

  const whoAmI = async (s: Session) => (await call(t.app, s, 'GET', '/api/communities')).statusCode;
  const changePassword = (s: Session, currentPassword: string, newPassword: string, lang = 'zh-CN') =>
    call(t.app, s, 'PUT', '/api/me/password', { currentPassword, newPassword }, { 'accept-language': lang });
  const sessionFrom = (res: Awaited<ReturnType<typeof call>>): Session => ({
    cookie: `linli_session=${cookieOf(res)!.value}`,
    csrf: res.json().session.csrfToken,
  });

  describe('fixation', () => {
    it('never adopts a token the browser brought to sign-in, and issues a fresh one', async () => {
      const planted = 'attacker-chosen-token-aaaaaaaaaaaaaaaaaaaaaaa';
      const res = await call(
        t.app,
        { cookie: `linli_session=${planted}`, csrf: '1' },
        'POST',
        '/api/session',
        { username: 'viewer', password: PASSWORD },
      );
      expect(res.statusCode).toBe(200);
      expect(cookieOf(res)!.value).not.toBe(planted);
      expect(await whoAmI({ cookie: `linli_session=${planted}`, csrf: '' })).toBe(401);
      expect(await whoAmI(sessionFrom(res))).toBe(200);
    });

    it('revokes the session a browser was signed in with when it signs in again', async () => {
      const before = await signIn(t.app, 'volunteer');
      const again = await call(t.app, before, 'POST', '/api/session', {
        username: 'viewer',
        password: PASSWORD,
      });
      expect(again.statusCode).toBe(200);
      const after = sessionFrom(again);
      expect(after.cookie).not.toBe(before.cookie);
      expect(await whoAmI(before)).toBe(401);
      const me = await call(t.app, after, 'GET', '/api/session');
      expect(me.json().session.account.username).toBe('viewer');
    });
  });

  describe('expiry', () => {
    it('rejects a session idle past its lifetime, and a later request does not bring it back', async () => {
      const s = await signIn(t.app, 'resident');
      expect(await whoAmI(s)).toBe(200); // now also in the process's session cache
      t.clock.advance(SESSION_TTL_MS - 1000);
      expect(await whoAmI(s)).toBe(200);
      const idle = await signIn(t.app, 'resident');
      t.clock.advance(SESSION_TTL_MS + 1000);
      expect(await whoAmI(idle)).toBe(401);
      expect(await whoAmI(idle)).toBe(401);
      expect((await call(t.app, idle, 'GET', '/api/session')).json().session).toBeNull();
    });

    it('keeps a session in use alive past the lifetime, and renews the cookie with it', async () => {
      const s = await signIn(t.app, 'leader');
      let lastCookie: { maxAge?: number } | undefined;
      for (let day = 0; day < 3; day++) {
        t.clock.advance(20 * DAY);
        const res = await call(t.app, s, 'GET', '/api/communities');
        expect(res.statusCode).toBe(200);
        lastCookie = cookieOf(res);
      }
      // 60 days after sign-in, and the browser was told to keep the cookie for the full idle limit again
      expect(lastCookie).toBeDefined();
      expect(lastCookie!.maxAge).toBe(SESSION_TTL_MS / 1000);
      t.clock.advance(SESSION_TTL_MS + 1000);
      expect(await whoAmI(s)).toBe(401);
    });
  });

  describe('cookie flags', () => {
    it('is HttpOnly, SameSite=Lax, for the whole site, and not Secure over plain http', async () => {
      const res = await call(t.app, null, 'POST', '/api/session', { username: 'staff', password: PASSWORD });
      const header = String(res.headers['set-cookie']);
      expect(header).toMatch(/HttpOnly/);
      expect(header).toMatch(/SameSite=Lax/);
      expect(header).toMatch(/Path=\//);
      expect(header).toMatch(/Max-Age=2592000/);
      expect(header).not.toMatch(/Secure/);
    });

    it('is Secure when the app is served over https (LINLI_SECURE_COOKIES=1)', async () => {
      const secure = await createTestApp({ secureCookies: true }, t.database);
      try {
        const res = await call(secure.app, null, 'POST', '/api/session', {
          username: 'staff',
          password: PASSWORD,
        });
        expect(res.statusCode).toBe(200);
        expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
        const out = await call(secure.app, sessionFrom(res), 'DELETE', '/api/session');
        expect(String(out.headers['set-cookie'])).toMatch(/linli_session=;.*Secure/);
      } finally {
        await secure.app.close();
      }
    });
  });

  describe('password change', () => {
    it('signs out every other session at once, and continues this one under a new token', async () => {
      const phone = await signIn(t.app, 'coordinator');
      const laptop = await signIn(t.app, 'coordinator');
      const other = await signIn(t.app, 'staff');
      expect(await whoAmI(laptop)).toBe(200); // cached: the change must drop it
      let streamClosed = false;
      t.app.liveHub.subscribe(communityA, {
        accountId: accountIds.coordinator!,
        write: () => {},
        close: () => {
          streamClosed = true;
        },
        openedAt: Date.now(),
      });
      const res = await changePassword(phone, PASSWORD, 'a-new-long-password');
      expect(res.statusCode).toBe(200);
      const rotated = sessionFrom(res);
      expect(rotated.cookie).not.toBe(phone.cookie);
      expect(rotated.csrf).not.toBe(phone.csrf);
      expect(await whoAmI(laptop)).toBe(401);
      expect(await whoAmI(phone)).toBe(401);
      expect(await whoAmI(rotated)).toBe(200);
      expect(await whoAmI(other)).toBe(200);
      // an open event stream was let in by a session that may be gone: it is ended (the browser reconnects)
      await expect.poll(() => streamClosed, { timeout: 2000 }).toBe(true);
      // the rotated session can still change things (its new CSRF token is the one that counts)
      const locale = await call(t.app, rotated, 'PATCH', '/api/me', { locale: 'zh-CN' });
      expect(locale.statusCode).toBe(200);

      const old = await call(t.app, null, 'POST', '/api/session', {
        username: 'coordinator',
        password: PASSWORD,
      });
      expect(old.statusCode).toBe(401);
      await signIn(t.app, 'coordinator', 'a-new-long-password');

      const [entry] = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.communityId, communityA), eq(auditLog.action, 'account.password_changed')));
      expect(entry).toMatchObject({ accountId: accountIds.coordinator, targetId: accountIds.coordinator });
      expect(entry!.data).toMatchObject({ revoked: 1 });
    });

    it('refuses a wrong current password, a short one and the same one, in the reader’s language', async () => {
      const s = await signIn(t.app, 'volunteer');
      const wrong = await changePassword(s, 'not-my-password', 'another-long-one', 'en');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error).toMatchObject({
        code: 'WRONG_CURRENT_PASSWORD',
        message: 'The current password is incorrect.',
      });
      expect((await changePassword(s, 'not-my-password', 'another-long-one')).json().error.message).toBe(
        '当前密码不正确。',
      );
      const short = await changePassword(s, PASSWORD, 'short');
      expect(short.statusCode).toBe(400);
      expect(short.json().error.code).toBe('VALIDATION_FAILED');
      expect(short.json().error.details[0].path).toBe('body.newPassword');
      const same = await changePassword(s, PASSWORD, PASSWORD, 'en');
      expect(same.json().error.code).toBe('PASSWORD_UNCHANGED');
      // nothing changed: the session lives, the old password still works
      expect(await whoAmI(s)).toBe(200);
      await signIn(t.app, 'volunteer');
    });

    it('needs a session and its CSRF token', async () => {
      const body = { currentPassword: PASSWORD, newPassword: 'long-enough-1' };
      expect((await call(t.app, null, 'PUT', '/api/me/password', body)).statusCode).toBe(401);
      const s = await signIn(t.app, 'viewer');
      const forged = await call(t.app, s, 'PUT', '/api/me/password', body, { 'x-csrf-token': 'forged' });
      expect(forged.json().error.code).toBe('CSRF_FAILED');
      await signIn(t.app, 'viewer');
    });

    it('throttles guessing the current password like signing in, for the account everywhere', async () => {
      const s = await signIn(t.app, 'b-coordinator');
      for (let i = 0; i < 3; i++) {
        expect((await changePassword(s, `guess-${i}`, 'new-password-1')).statusCode).toBe(400);
      }
      const limited = await changePassword(s, PASSWORD, 'new-password-1');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('900');
      const signInToo = await call(t.app, null, 'POST', '/api/session', {
        username: 'b-coordinator',
        password: PASSWORD,
      });
      expect(signInToo.statusCode).toBe(429);
      t.clock.advance(15 * 60 * 1000 + 1000);
      expect((await changePassword(s, PASSWORD, 'new-password-1')).statusCode).toBe(200);
    });
  });
});
