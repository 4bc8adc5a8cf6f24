import type { TLoginRequest, TSession, TSessionResponse } from '../../../shared/api/auth.ts';
import type { Locale, Role } from '../../../shared/roles.ts';
import { AppError } from '../../platform/app-error.ts';
import type { AppDeps, AuthState } from '../../platform/context.ts';
import { dummyPasswordHash, verifyPassword } from '../../platform/passwords.ts';
import { createSession } from '../../platform/sessions.ts';
import * as repo from './auth.repository.ts';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** The sign-in throttle; a wrong current password when changing it counts as a failed sign-in. */
export async function enforceLoginLimits(deps: AppDeps, accountKey: string, ip: string) {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const checks = [
    {
      result: await repo.countFailures(deps.db, since, { accountKey }),
      limit: deps.config.loginLimitPerAccount,
    },
    { result: await repo.countFailures(deps.db, since, { ip }), limit: deps.config.loginLimitPerIp },
  ];
  for (const { result, limit } of checks) {
    if (result.count >= limit && result.oldest) {
      const seconds = Math.max(
        1,
        Math.ceil((result.oldest.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000),
      );
      throw new AppError('RATE_LIMITED', { seconds }, [], { 'retry-after': String(seconds) });
    }
  }
}

/**
 * Signs in by username or mobile. The error never says which of the two was wrong. The session is
 * always a new one under a fresh token: a token the browser carried before (planted by someone else,
 * or the previous person's on a shared phone) is never adopted, and is revoked when it was valid.
 */
export async function login(
  deps: AppDeps,
  input: TLoginRequest,
  ip: string,
  userAgent?: string,
  previous: AuthState | null = null,
) {
  const accountKey = input.username.trim().toLowerCase();
  await enforceLoginLimits(deps, accountKey, ip);
  const account = await repo.findAccountForLogin(deps.db, accountKey);
  const ok = account
    ? await verifyPassword(account.passwordHash, input.password)
    : await verifyPassword(await dummyPasswordHash(), `${input.password}\u0000`);
  const now = deps.clock.now();
  if (!account || !ok || account.disabledAt) {
    await repo.recordAttempt(deps.db, accountKey, ip, false, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await repo.clearFailures(deps.db, accountKey, new Date(now.getTime() - 24 * 3600 * 1000));
  if (previous) await logout(deps, previous);
  return createSession(deps, account.id, ip, userAgent);
}

export async function logout(deps: AppDeps, auth: AuthState | null) {
  if (auth) await repo.revokeSession(deps.db, auth.tokenHash, auth.account.id, deps.clock.now());
}

export async function getSession(deps: AppDeps, auth: AuthState | null): Promise<TSessionResponse> {
  const demo = await repo.demoAccountsExist(deps.db);
  if (!auth) return { session: null, demo };
  const memberships = await repo.listMemberships(deps.db, auth.account.id);
  const { id, username, displayName, locale, isPlatformAdmin } = auth.account;
  const session: TSession = {
    account: { id, username, displayName, locale, isPlatformAdmin },
    memberships: memberships.map((m) => ({ ...m, roles: m.roles as Role[] })),
    applications: (await repo.listApplications(deps.db, auth.account.id)).map((a) => ({
      ...a,
      status: a.status as 'pending' | 'rejected',
    })),
    csrfToken: auth.csrfToken,
    demo,
  };
  return { session, demo };
}

export async function updateMe(deps: AppDeps, auth: AuthState, locale: Locale) {
  await repo.setLocale(deps.db, auth.account.id, locale);
  return getSession(deps, { ...auth, account: { ...auth.account, locale } });
}
