import { randomUUID } from 'node:crypto';
import {
  GATEWAY_SECRET_MIN_LENGTH,
  type TNoticeGateway,
  type TNoticeGatewayTest,
  type TSetNoticeGateway,
} from '../../../shared/api/notice-settings.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import {
  answerReason,
  isSuccess,
  noAnswerReason,
  postToGateway,
  renderedTexts,
  type WebhookMessage,
} from '../../platform/webhook-channel.ts';
import { noticeSettingsActions } from './notice-settings.policy.ts';
import * as repo from './notice-settings.repository.ts';

/** As long as the worker waits for a notice: a test that passes must mean notices will too. */
const TEST_TIMEOUT_MS = 10_000;

/** The secret is shown once, when typed; afterwards only enough to tell two secrets apart. */
const mask = (secret: string) => `${'•'.repeat(8)}${secret.slice(-4)}`;

/** getNoticeGateway: coordinators and staff. The secret never leaves the server whole. */
export async function getNoticeGateway(deps: AppDeps, actor: Actor): Promise<TNoticeGateway> {
  authorize(actor, noticeSettingsActions['notices.gateway.view']);
  const row = await repo.gatewayOf(deps.db, actor.communityId!);
  if (!row?.url || !row.secret) {
    return {
      configured: false,
      url: null,
      secretMasked: null,
      enabled: false,
      updatedAt: null,
      updatedBy: null,
    };
  }
  return {
    configured: true,
    url: row.url,
    secretMasked: mask(row.secret),
    enabled: row.enabled === true,
    updatedAt: row.updatedAt?.toISOString() ?? null,
    updatedBy: row.updatedBy ?? null,
  };
}

function validUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * setNoticeGateway: coordinators and staff set where `webhook` notices go (an http(s) address) and the
 * key they are signed with (≥ 16 characters; left out, the saved one stays), and switch it on or off.
 * Switching it on lets notices written from then on reach everyone who has not turned it off; rows
 * already written keep going (or failing) as they are. Audited without the secret.
 */
export async function setNoticeGateway(
  deps: AppDeps,
  actor: Actor,
  body: TSetNoticeGateway,
): Promise<TNoticeGateway> {
  const role = authorize(actor, noticeSettingsActions['notices.gateway.change']);
  const communityId = actor.communityId!;
  if (!validUrl(body.url)) {
    throw new AppError('NOTICE_GATEWAY_URL_INVALID', {}, [{ path: 'body.url', message: '' }]);
  }
  const typed = body.secret?.trim() ? body.secret : undefined;
  if (typed !== undefined && typed.length < GATEWAY_SECRET_MIN_LENGTH) {
    throw new AppError('NOTICE_GATEWAY_SECRET_TOO_SHORT', { min: GATEWAY_SECRET_MIN_LENGTH }, [
      { path: 'body.secret', message: '' },
    ]);
  }
  await deps.db.transaction(async (tx) => {
    const secret = typed ?? (await repo.gatewayOf(tx, communityId))?.secret;
    if (!secret) {
      throw new AppError('NOTICE_GATEWAY_SECRET_TOO_SHORT', { min: GATEWAY_SECRET_MIN_LENGTH }, [
        { path: 'body.secret', message: '' },
      ]);
    }
    await repo.saveGateway(tx, {
      communityId,
      url: body.url,
      secret,
      enabled: body.enabled,
      updatedAt: deps.clock.now(),
      updatedBy: actor.account.id,
    });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: body.enabled ? 'notice.gateway_on' : 'notice.gateway_off',
      targetType: 'notice_gateway',
      targetId: communityId,
      params: { url: body.url },
    });
  });
  return getNoticeGateway(deps, actor);
}

/**
 * testNoticeGateway: sends one signed test message to the saved gateway (switched on or not: testing
 * comes before switching on) and reports what it answered. The one place a request waits for the
 * gateway, and only the person who asked waits, for at most TEST_TIMEOUT_MS; notices never do.
 */
export async function testNoticeGateway(deps: AppDeps, actor: Actor): Promise<TNoticeGatewayTest> {
  const role = authorize(actor, noticeSettingsActions['notices.gateway.change']);
  const communityId = actor.communityId!;
  const gateway = await repo.gatewayOf(deps.db, communityId);
  if (!gateway?.url || !gateway.secret) throw new AppError('NOTICE_GATEWAY_NOT_CONFIGURED');
  const now = deps.clock.now();
  const message: WebhookMessage = {
    id: randomUUID(),
    communityId,
    accountId: actor.account.id,
    kind: 'gateway.test',
    ...renderedTexts('gateway.test', { community: gateway.communityName ?? '' }),
    link: null,
    critical: false,
    createdAt: now.toISOString(),
    locale: actor.account.locale,
    test: true,
  };
  const started = performance.now();
  let result: Omit<TNoticeGatewayTest, 'elapsedMs' | 'messageId'>;
  try {
    const answer = await postToGateway(
      { url: gateway.url, secret: gateway.secret },
      message,
      now,
      AbortSignal.timeout(TEST_TIMEOUT_MS),
    );
    result = {
      ok: isSuccess(answer),
      status: answer.status,
      error: isSuccess(answer) ? null : answerReason(answer),
    };
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    result = {
      ok: false,
      status: null,
      error: timedOut ? `no answer within ${TEST_TIMEOUT_MS} ms` : noAnswerReason(err),
    };
  }
  const elapsedMs = Math.round(performance.now() - started);
  await deps.db.transaction((tx) =>
    audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'notice.gateway_test',
      targetType: 'notice_gateway',
      targetId: communityId,
      params: { outcome: result.ok ? `${result.status}` : (result.error ?? '').slice(0, 200) },
    }),
  );
  return { ...result, elapsedMs, messageId: message.id };
}
