import { isEmptySpan, isWallTime } from '../../../domain/notifications/quiet-hours.ts';
import {
  EXTERNAL_CHANNELS,
  type ExternalChannel,
  type TNotificationPreferences,
  type TSetNotificationPreferences,
} from '../../../shared/api/notice-settings.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { noticeSettingsActions } from './notice-settings.policy.ts';
import * as repo from './notice-settings.repository.ts';

const isExternal = (c: string): c is ExternalChannel => (EXTERNAL_CHANNELS as readonly string[]).includes(c);

/**
 * getNotificationPreferences: the caller's own choice in this community. Without a saved choice, every
 * external channel is on (what notify() does then), though a channel reaches nobody while the
 * community's gateway is switched off; `available` says which are on.
 */
export async function getNotificationPreferences(
  deps: AppDeps,
  actor: Actor,
): Promise<TNotificationPreferences> {
  authorize(actor, noticeSettingsActions['notifications.preferences.own']);
  const row = await repo.preferencesOf(deps.db, actor.communityId!, actor.account.id);
  if (!row) throw new AppError('NOT_FOUND', { what: 'community' });
  const saved = row.savedAt !== null;
  return {
    channels: saved ? (row.channels ?? []).filter(isExternal) : [...EXTERNAL_CHANNELS],
    quietHours: row.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd } : null,
    saved,
    available: EXTERNAL_CHANNELS.map((channel) => ({ channel, enabled: row.gatewayOn === true })),
    timeZone: row.timeZone,
  };
}

function validateQuietHours(body: TSetNotificationPreferences) {
  const quiet = body.quietHours;
  if (!quiet) return;
  const wrong: ErrorDetail[] = (['start', 'end'] as const)
    .filter((end) => !isWallTime(quiet[end]))
    .map((end) => ({ path: `body.quietHours.${end}`, message: '' }));
  if (wrong.length === 0 && isEmptySpan(quiet)) wrong.push({ path: 'body.quietHours.end', message: '' });
  if (wrong.length > 0) throw new AppError('NOTICE_QUIET_HOURS_INVALID', {}, wrong);
}

/**
 * setNotificationPreferences: the caller's own channels and quiet hours in this community. Applies to
 * notices written from now on; a notice already held for the end of old quiet hours keeps its time.
 * Audited, so "why did I not get an SMS" has an answer.
 */
export async function setNotificationPreferences(
  deps: AppDeps,
  actor: Actor,
  body: TSetNotificationPreferences,
): Promise<TNotificationPreferences> {
  const role = authorize(actor, noticeSettingsActions['notifications.preferences.own']);
  validateQuietHours(body);
  const communityId = actor.communityId!;
  const channels = [...new Set(body.channels)];
  await deps.db.transaction(async (tx) => {
    await repo.savePreferences(tx, {
      communityId,
      accountId: actor.account.id,
      channels,
      quietStart: body.quietHours?.start ?? null,
      quietEnd: body.quietHours?.end ?? null,
      updatedAt: deps.clock.now(),
    });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'notice.preferences',
      targetType: 'account',
      targetId: actor.account.id,
      params: {
        channels: channels.length > 0 ? channels.join(', ') : '—',
        quiet: body.quietHours ? `${body.quietHours.start}–${body.quietHours.end}` : '—',
      },
    });
  });
  return getNotificationPreferences(deps, actor);
}
