import type { TChangePasswordRequest } from '../../../shared/api/auth.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { PolicyRole } from '../../platform/authorize.ts';
import type { AppDeps, AuthState } from '../../platform/context.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { forgetAccount } from '../../platform/session-cache.ts';
import { createSession } from '../../platform/sessions.ts';
import * as repo from './auth.repository.ts';
import { enforceLoginLimits } from './auth.service.ts';

/**
 * Changes the signed-in person's password. The current one is asked again and guessing it is throttled
 * exactly like signing in (a session left open on a shared phone must not become a way to try passwords).
 * Whoever knew the old password may hold a session: every session of the account is revoked, and the one
 * asking continues under a fresh token. Returns the new token.
 */
export async function changePassword(
  deps: AppDeps,
  auth: AuthState,
  input: TChangePasswordRequest,
  ip: string,
  userAgent: string | undefined,
) {
  const accountKey = auth.account.username.trim().toLowerCase();
  await enforceLoginLimits(deps, accountKey, ip);
  const passwordHash = await repo.findPasswordHash(deps.db, auth.account.id);
  if (!passwordHash) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(passwordHash, input.currentPassword))) {
    await repo.recordAttempt(deps.db, accountKey, ip, false, deps.clock.now());
    throw new AppError('WRONG_CURRENT_PASSWORD');
  }
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_UNCHANGED');
  const newHash = await hashPassword(input.newPassword);
  const memberships = await repo.listMemberships(deps.db, auth.account.id);
  const now = deps.clock.now();
  const session = await deps.db.transaction(async (tx) => {
    const revoked = await repo.setPasswordRevokingSessions(tx, auth.account.id, newHash, now);
    const created = await createSession(deps, auth.account.id, ip, userAgent, tx);
    // An account belongs to no community, so each community the person is in keeps the record.
    for (const m of memberships) {
      await audit(tx, {
        communityId: m.communityId,
        account: auth.account,
        role: m.roles[0] as PolicyRole,
        action: 'account.password_changed',
        targetType: 'account',
        targetId: auth.account.id,
        params: { name: auth.account.displayName, revoked: Math.max(0, revoked - 1) },
      });
    }
    return created;
  });
  forgetAccount(deps.db, auth.account.id);
  return session;
}
