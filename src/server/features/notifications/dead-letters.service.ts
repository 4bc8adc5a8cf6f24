import {
  DEAD_LETTERS_PAGE,
  type TDeadLetterList,
  type TResendDeadLetters,
} from '../../../shared/api/notice-settings.ts';
import { renderNotice } from '../../../shared/i18n/notice-messages.ts';
import type { Locale } from '../../../shared/roles.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { noticeSettingsActions } from './notice-settings.policy.ts';
import * as repo from './notice-settings.repository.ts';

const paramsOf = (row: { params: unknown }) => (row.params ?? {}) as Record<string, unknown>;

/**
 * listDeadLetters: coordinators and staff see the notices the worker gave up on (after MAX_ATTEMPTS),
 * newest first, with the outbox's pending and dead counts per channel.
 */
export async function listDeadLetters(deps: AppDeps, actor: Actor, locale: Locale): Promise<TDeadLetterList> {
  authorize(actor, noticeSettingsActions['notices.dead_letters']);
  const communityId = actor.communityId!;
  const [rows, counts] = await Promise.all([
    repo.deadLetters(deps.db, communityId, DEAD_LETTERS_PAGE),
    repo.outboxCounts(deps.db, communityId),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      recipient: row.recipient,
      kind: row.kind,
      title: renderNotice(locale, row.kind, paramsOf(row)).title,
      channel: row.channel,
      attempts: row.attempts,
      lastError: row.lastError,
      critical: row.critical,
      createdAt: row.createdAt.toISOString(),
    })),
    counts,
  };
}

/**
 * resendDeadLetter / resendDeadLetters: back to the worker (pending, attempts 0, due now), all named
 * ones in one transaction or none: an id that is not this community's is 404, one no longer dead
 * (someone resent it meanwhile) 409. The rows are locked first, so two people resending at once
 * cannot both count the same row. The outbox id stays, so a gateway that did get an earlier attempt
 * recognises the notice by its Idempotency-Key.
 */
export async function resendDeadLetters(
  deps: AppDeps,
  actor: Actor,
  input: TResendDeadLetters,
): Promise<{ resent: number }> {
  const role = authorize(actor, noticeSettingsActions['notices.dead_letters']);
  const communityId = actor.communityId!;
  const ids = [...new Set(input.ids)];
  return deps.db.transaction(async (tx) => {
    const rows = await repo.lockOutboxRows(tx, communityId, ids);
    if (rows.length < ids.length) throw new AppError('NOT_FOUND', { what: 'deadLetter' });
    if (rows.some((r) => r.status !== 'dead')) throw new AppError('DEAD_LETTER_NOT_DEAD');
    const resent = await repo.requeue(tx, communityId, ids, deps.clock.now());
    const only = rows.length === 1 ? rows[0]! : null;
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: only ? 'notice.resend' : 'notice.resend_many',
      targetType: 'outbox',
      targetId: only ? only.id : null,
      params: only
        ? {
            recipient: only.recipient,
            title: renderNotice('zh-CN', only.kind, paramsOf(only)).title,
            channel: only.channel,
          }
        : { count: resent },
    });
    return { resent };
  });
}
