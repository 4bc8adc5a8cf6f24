import { and, eq, sql } from 'drizzle-orm';
import { type QuietHours, quietHoursRelease } from '../../domain/notifications/quiet-hours.ts';
import type { Db } from '../db/client.ts';
import { communities, noticeGateways, notificationPreferences, outbox } from '../db/schema/index.ts';
import { INBOX_CHANNEL } from './inbox-channel.ts';
import { WEBHOOK_CHANNEL } from './webhook-channel.ts';

export interface Notice {
  communityId: string;
  /** the accounts to tell; each gets its own outbox row per channel */
  accountIds: readonly string[];
  /** template key in shared/i18n/notice-messages.ts */
  kind: string;
  params: Record<string, string | number>;
  /** the in-app path the notice is about */
  link?: string | null;
  /** critical notices ignore quiet hours */
  critical?: boolean;
  /**
   * Channels besides the inbox, which every notice goes to (platform/notice-channels.ts). Left out:
   * the external channels each person chose (notification_preferences; no choice saved means every
   * channel the community offers). Named: those channels, but `webhook` still only for people who
   * keep it on while the community's gateway is switched on.
   */
  channels?: readonly string[];
}

type Executor = Pick<Db, 'insert' | 'select'>;

/** The external channels a notice goes to when its caller names none. */
const DEFAULT_EXTERNAL_CHANNELS = [WEBHOOK_CHANNEL];
/** Outbox rows per INSERT: an announcement to thousands stays under PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 1000;

interface Recipients {
  timeZone: string;
  gatewayOn: boolean;
  choices: Map<string, { channels: readonly string[]; quiet: QuietHours | null }>;
}

/**
 * The community's clock, whether its gateway is on, and the saved choices of the accounts named, in
 * one query however many accounts: the ids travel as one text parameter, not one parameter each.
 */
async function recipients(tx: Executor, communityId: string, accountIds: string[]): Promise<Recipients> {
  const rows = await tx
    .select({
      timeZone: communities.timezone,
      gatewayOn: noticeGateways.enabled,
      accountId: notificationPreferences.accountId,
      channels: notificationPreferences.channels,
      quietStart: notificationPreferences.quietStart,
      quietEnd: notificationPreferences.quietEnd,
    })
    .from(communities)
    .leftJoin(noticeGateways, eq(noticeGateways.communityId, communities.id))
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.communityId, communities.id),
        sql`${notificationPreferences.accountId} = any(string_to_array(${accountIds.join(',')}, ',')::uuid[])`,
      ),
    )
    .where(eq(communities.id, communityId));
  const choices: Recipients['choices'] = new Map();
  for (const r of rows) {
    if (!r.accountId) continue;
    const quiet = r.quietStart && r.quietEnd ? { start: r.quietStart, end: r.quietEnd } : null;
    choices.set(r.accountId, { channels: r.channels ?? [], quiet });
  }
  return { timeZone: rows[0]?.timeZone ?? 'Asia/Shanghai', gatewayOn: rows[0]?.gatewayOn === true, choices };
}

/** When a non-critical notice to an outside channel may go out: after the person's quiet hours. */
function releaseAt(now: Date, quiet: QuietHours | null, timeZone: string): Date {
  try {
    return quietHoursRelease(now, quiet, timeZone);
  } catch {
    // A time zone Intl does not know must not lose the notice or fail the change: send it now.
    return now;
  }
}

/**
 * Queues a notice in the outbox. Call it inside the transaction of the change that causes it, so the
 * notice exists exactly when the change does; the notice worker delivers it afterwards.
 *
 * Every account gets an inbox row, due now. Each external channel gets a row per account that has it
 * on; a `webhook` row only while the community's gateway is switched on (no gateway, no row: nothing
 * waits for a gateway that does not exist, and nothing is marked delivered that was never sent). A
 * non-critical external row written inside the person's quiet hours is due when they end.
 */
export async function notify(tx: Executor, notice: Notice, now: Date): Promise<void> {
  const accountIds = [...new Set(notice.accountIds)];
  if (accountIds.length === 0) return;
  const critical = notice.critical ?? false;
  const external = [...new Set(notice.channels ?? DEFAULT_EXTERNAL_CHANNELS)].filter(
    (c) => c !== INBOX_CHANNEL,
  );
  const base = {
    communityId: notice.communityId,
    kind: notice.kind,
    params: notice.params,
    link: notice.link ?? null,
    critical,
    createdAt: now,
  };
  const rows: (typeof outbox.$inferInsert)[] = accountIds.map((accountId) => ({
    ...base,
    accountId,
    channel: INBOX_CHANNEL,
    nextAttemptAt: now,
  }));
  if (external.length > 0) {
    const { timeZone, gatewayOn, choices } = await recipients(tx, notice.communityId, accountIds);
    for (const accountId of accountIds) {
      const choice = choices.get(accountId);
      const due = critical ? now : releaseAt(now, choice?.quiet ?? null, timeZone);
      for (const channel of external) {
        if (channel === WEBHOOK_CHANNEL && !(gatewayOn && (choice?.channels.includes(channel) ?? true)))
          continue;
        rows.push({ ...base, accountId, channel, nextAttemptAt: due });
      }
    }
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await tx.insert(outbox).values(rows.slice(i, i + ROWS_PER_INSERT));
  }
}
