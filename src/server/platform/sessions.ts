import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { pickLocale } from '../../shared/roles.ts';
import type { Db } from '../db/client.ts';
import { platformSettings, sessions } from '../db/schema/index.ts';
import { AppError } from './app-error.ts';
import type { AppDeps, AuthState } from './context.ts';
import { cachedAuth, cacheGeneration, rememberAuth } from './session-cache.ts';
import { findSession } from './session-lookup.ts';

export const SESSION_COOKIE = 'linli_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
// Refreshing last_seen on every request would turn each read into a write.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const hashToken = (secret: string, token: string) =>
  createHmac('sha256', secret).update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/** SESSION_SECRET, or one generated once and kept in the database so sessions survive restarts. */
export async function resolveSessionSecret(db: Db, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  await db
    .insert(platformSettings)
    .values({ key: 'session_secret', value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, 'session_secret'));
  return row!.value;
}

/** A new session under a fresh random token; `tx` when it is part of a larger change (a password change). */
export async function createSession(
  deps: AppDeps,
  accountId: string,
  ip: string,
  userAgent: string | undefined,
  tx: Pick<Db, 'insert'> = deps.db,
) {
  const token = newToken();
  const csrfToken = newToken();
  const now = deps.clock.now();
  await tx.insert(sessions).values({
    tokenHash: hashToken(deps.sessionSecret, token),
    accountId,
    csrfToken,
    ip,
    userAgent: userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  return { token, csrfToken };
}

export function setSessionCookie(reply: FastifyReply, deps: AppDeps, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: AppDeps) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
  });
}

/** The signed-in state a session token stands for; `renewed` is told when the idle limit was pushed back. */
export async function authForToken(
  deps: AppDeps,
  token: string,
  renewed?: () => void,
): Promise<AuthState | null> {
  const tokenHash = hashToken(deps.sessionSecret, token);
  const now = deps.clock.now();
  const cached = cachedAuth(deps.db, deps.dbKind, tokenHash, now);
  if (cached) return cached;
  const generation = cacheGeneration(deps.db);
  const row = await findSession(deps.db, tokenHash);
  if (!row || row.expiresAt <= now) return null;
  let expiresAt = row.expiresAt;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await deps.db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt })
      .where(eq(sessions.tokenHash, tokenHash));
    renewed?.();
  }
  const auth: AuthState = { tokenHash, csrfToken: row.csrfToken, account: row.account };
  rememberAuth(deps.db, auth, now, expiresAt, generation);
  return auth;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session and language of every API request, and guards mutations against CSRF:
 * a signed-in mutation must echo the session's CSRF token in a header, which another site's
 * form or script cannot read or send; an anonymous one (sign-in) must at least carry the header.
 */
export function installSessions(app: FastifyInstance) {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (req, reply) => {
    req.locale = pickLocale(req.headers['accept-language']);
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    // The cookie's own lifetime follows the server's sliding expiry, or a browser would drop a session
    // still in daily use SESSION_TTL_MS after sign-in.
    req.auth = token
      ? await authForToken(app.deps, token, () => setSessionCookie(reply, app.deps, token))
      : null;
    if (req.auth) req.locale = pickLocale(req.headers['accept-language'], req.auth.account.locale);
    if (!MUTATING.has(req.method)) return;
    const header = req.headers[CSRF_HEADER];
    const presented = typeof header === 'string' ? header : '';
    if (req.auth ? !sameToken(presented, req.auth.csrfToken) : presented.length === 0) {
      throw new AppError('CSRF_FAILED');
    }
  });
}

export function requireAuth(auth: AuthState | null): AuthState {
  if (!auth) throw new AppError('UNAUTHENTICATED');
  return auth;
}
