import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { renderNotice } from '../../shared/i18n/notice-messages.ts';
import { LOCALES, type Locale } from '../../shared/roles.ts';
import { accounts, noticeGateways } from '../db/schema/index.ts';
import type { AppDeps } from './context.ts';
import type { NoticeChannel } from './notice-channels.ts';

export const WEBHOOK_CHANNEL = 'webhook';

/** The JSON a gateway receives: one notice for one person, in every language Linli speaks. */
export interface WebhookMessage {
  /** the outbox row's id, also sent as Idempotency-Key: the same on every retry */
  id: string;
  communityId: string;
  accountId: string;
  kind: string;
  title: Record<Locale, string>;
  body: Record<Locale, string>;
  /** the in-app path the notice is about */
  link: string | null;
  critical: boolean;
  createdAt: string;
  /** the account's mobile, when it has one: where the gateway sends the SMS */
  mobile?: string;
  /** the reader's own language, so a gateway can pick one text */
  locale?: Locale;
  /** only on the message sent by "test the gateway" */
  test?: true;
}

export interface GatewayAnswer {
  status: number;
  statusText: string;
}

/** `sha256=<hex>`: HMAC-SHA256 of the exact bytes sent, keyed with the community's secret. */
export function webhookSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

export function renderedTexts(kind: string, params: Record<string, unknown>) {
  const title = {} as Record<Locale, string>;
  const body = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const text = renderNotice(locale, kind, params);
    title[locale] = text.title;
    body[locale] = text.body;
  }
  return { title, body };
}

/**
 * POSTs one message to a gateway, signed, and resolves with its answer whatever the status; rejects
 * only when there was no answer (network error, or `signal` aborted). Redirects are not followed: a
 * gateway that moved must be set up again, not reached through wherever a 3xx points.
 */
export async function postToGateway(
  gateway: { url: string; secret: string },
  message: WebhookMessage,
  at: Date,
  signal: AbortSignal,
): Promise<GatewayAnswer> {
  const rawBody = JSON.stringify(message);
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'idempotency-key': message.id,
      'x-linli-signature': webhookSignature(gateway.secret, rawBody),
      'x-linli-timestamp': String(Math.floor(at.getTime() / 1000)),
      'user-agent': 'Linli-notices',
    },
    body: rawBody,
    redirect: 'manual',
    signal,
  });
  // The answer's body is not needed; reading it off lets the connection be reused.
  await response.body?.cancel().catch(() => {});
  return { status: response.status, statusText: response.statusText };
}

async function gatewayAndRecipient(deps: AppDeps, communityId: string, accountId: string) {
  const [row] = await deps.db
    .select({
      mobile: accounts.mobile,
      locale: accounts.locale,
      url: noticeGateways.url,
      secret: noticeGateways.secret,
      enabled: noticeGateways.enabled,
    })
    .from(accounts)
    .leftJoin(noticeGateways, eq(noticeGateways.communityId, communityId))
    .where(eq(accounts.id, accountId));
  return row;
}

/**
 * The district's SMS / WeChat gateway. notify() writes a webhook row only while the community's
 * gateway is switched on (platform/notices.ts), so a community without one never piles up rows that
 * could not go anywhere. A gateway switched off (or removed) after a row was written makes the
 * delivery fail like an unreachable gateway: the row is retried, then dead, and shows among the dead
 * letters for staff to resend once the gateway is back. It never counts as delivered unsent.
 *
 * Any answer but 2xx, no answer, or no answer in time (the worker aborts `signal`) is a failure the
 * worker retries with back-off; the gateway de-duplicates by the Idempotency-Key (the outbox id).
 */
export const webhookChannel: NoticeChannel = {
  name: WEBHOOK_CHANNEL,
  async deliver(deps, row, { signal }) {
    const found = await gatewayAndRecipient(deps, row.communityId, row.accountId);
    if (!found) throw new Error('the recipient account no longer exists');
    if (!found.url || !found.secret) throw new Error('the community has no SMS / WeChat gateway');
    if (!found.enabled) throw new Error('the SMS / WeChat gateway is switched off');
    const message: WebhookMessage = {
      id: row.id,
      communityId: row.communityId,
      accountId: row.accountId,
      kind: row.kind,
      ...renderedTexts(row.kind, (row.params ?? {}) as Record<string, unknown>),
      link: row.link,
      critical: row.critical,
      createdAt: row.createdAt.toISOString(),
      ...(found.mobile ? { mobile: found.mobile } : {}),
      locale: (LOCALES as readonly string[]).includes(found.locale) ? (found.locale as Locale) : 'zh-CN',
    };
    const gateway = { url: found.url, secret: found.secret };
    let answer: GatewayAnswer;
    try {
      answer = await postToGateway(gateway, message, deps.clock.now(), signal);
    } catch (err) {
      throw new Error(noAnswerReason(err));
    }
    if (!isSuccess(answer)) throw new Error(answerReason(answer));
  },
};

export const isSuccess = (answer: GatewayAnswer) => answer.status >= 200 && answer.status < 300;

export const answerReason = (answer: GatewayAnswer) =>
  `the gateway answered ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;

/** fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, a bad certificate). */
export function noAnswerReason(err: unknown): string {
  if (err instanceof Error && err.name === 'AbortError') return 'no answer in time';
  const cause =
    err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  const why = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
  return `no answer from the gateway (${why})`;
}
