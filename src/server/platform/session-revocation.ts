import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { publishLive } from './live-events.ts';
import { forgetAccount, forgetAll } from './session-cache.ts';

/**
 * Every server process keeps resolved sessions for a few seconds (session-cache.ts). When an account's
 * sessions are revoked (password change, sign-out), the other processes must drop their copies at once,
 * not when their entries go stale: the revoking transaction publishes this event on the live channel,
 * which every process hears after the commit.
 */
export const SESSIONS_REVOKED = 'account.sessions_revoked';

export async function announceSessionsRevoked(tx: Pick<Db, 'execute'>, accountId: string) {
  // No community: no browser stream is addressed, only the processes' observers hear it.
  await publishLive(tx, { communityId: '', type: SESSIONS_REVOKED, data: { accountId } });
}

/** Drops cached sessions of accounts whose sessions another process (or this one) revoked. */
export function hearSessionRevocations(app: FastifyInstance) {
  const { db } = app.deps;
  const stopEvents = app.liveHub.observe((event) => {
    if (event.type !== SESSIONS_REVOKED) return;
    const accountId = event.data?.accountId;
    if (typeof accountId !== 'string') return;
    forgetAccount(db, accountId);
    // An open event stream was authorised once, at its start: it must not outlive the session.
    app.liveHub.closeStreamsOf(accountId);
  });
  // A revocation published while the listener was cut off was never heard.
  const stopResume = app.liveHub.observeResume(() => forgetAll(db));
  app.addHook('onClose', async () => {
    stopEvents();
    stopResume();
  });
}
