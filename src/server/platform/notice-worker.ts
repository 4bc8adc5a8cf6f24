import { and, asc, eq, inArray, lte, ne, or, sql } from 'drizzle-orm';
import { outbox } from '../db/schema/index.ts';
import { registerBackgroundTask } from './background.ts';
import type { AppDeps } from './context.ts';
import { INBOX_CHANNEL, inboxChannel } from './inbox-channel.ts';
import {
  type NoticeChannel,
  noticeChannel,
  noticeChannelNames,
  type OutboxRow,
  registerNoticeChannel,
} from './notice-channels.ts';
import { webhookChannel } from './webhook-channel.ts';

/** After this many failed attempts a notice is dead: kept for staff to see and resend, never retried. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 3600_000;
const DEFAULT_TIMEOUT_MS = 10_000;
/** How long a claim holds a row: past the timeout, so only a process that died lets it go early. */
const CLAIM_MARGIN_MS = 60_000;

/** Wait after the n-th failed attempt: 30 s, 1 min, 2 min, … doubling up to an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), LONGEST_RETRY_MS);
}

export interface DeliveryOptions {
  /** rows claimed in one run */
  limit?: number;
  /** the channels to deliver; every registered one when left out */
  channels?: readonly string[];
  /** longest wait for one delivery before it counts as failed */
  timeoutMs?: number;
  /** deliveries in flight at once per channel */
  concurrency?: number;
}

export interface DeliveryReport {
  delivered: number;
  retrying: number;
  dead: number;
}

/**
 * Claims the due outbox rows and hands each to its channel. The claim is one short transaction
 * (`FOR UPDATE SKIP LOCKED`, then the rows' next attempt is pushed past the delivery timeout and
 * their attempt counted), so several processes share the work without delivering a row twice, and
 * no transaction stays open while a slow gateway is called. A process that dies mid-delivery leaves
 * its rows claimed until the claim runs out; then another delivers them again (at-least-once).
 */
export async function deliverDueNotices(
  deps: AppDeps,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const channels = (options.channels ?? noticeChannelNames()).filter((c) => noticeChannel(c));
  const report: DeliveryReport = { delivered: 0, retrying: 0, dead: 0 };
  if (channels.length === 0) return report;
  const claimed = await claimDueRows(deps, channels, options.limit ?? 50, timeoutMs + CLAIM_MARGIN_MS);
  // One lane per channel: a gateway that hangs holds up only its own notices.
  const lanes = new Map<string, OutboxRow[]>();
  for (const row of claimed) lanes.set(row.channel, [...(lanes.get(row.channel) ?? []), row]);
  await Promise.all(
    [...lanes].map(([name, rows]) =>
      runLane(rows, options.concurrency ?? 4, async (row) => {
        const error = await deliverWithTimeout(deps, noticeChannel(name)!, row, timeoutMs);
        report[await recordOutcome(deps, row, error)]++;
      }),
    ),
  );
  return report;
}

async function claimDueRows(deps: AppDeps, channels: string[], limit: number, claimMs: number) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ communityId: outbox.communityId, id: outbox.id })
      .from(outbox)
      .where(
        and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), inArray(outbox.channel, channels)),
      )
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + claimMs) })
      .where(or(...due.map((r) => and(eq(outbox.communityId, r.communityId), eq(outbox.id, r.id)))))
      .returning();
  });
}

/** Runs the rows through `work`, at most `concurrency` at a time. */
async function runLane<T>(rows: T[], concurrency: number, work: (row: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < rows.length) await work(rows[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
}

/** null when delivered, else why not. */
async function deliverWithTimeout(
  deps: AppDeps,
  channel: NoticeChannel,
  row: OutboxRow,
  timeoutMs: number,
): Promise<string | null> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([channel.deliver(deps, row, { signal: controller.signal }), timeout]);
    return null;
  } catch (err) {
    return (err instanceof Error ? err.message : String(err)) || 'delivery failed';
  } finally {
    clearTimeout(timer);
  }
}

async function recordOutcome(deps: AppDeps, row: OutboxRow, error: string | null) {
  const now = deps.clock.now();
  const outcome = error === null ? 'delivered' : row.attempts >= MAX_ATTEMPTS ? 'dead' : 'retrying';
  const change =
    outcome === 'delivered'
      ? { status: 'delivered', deliveredAt: now, lastError: null }
      : outcome === 'dead'
        ? { status: 'dead', lastError: error!.slice(0, 500) }
        : {
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
            lastError: error!.slice(0, 500),
          };
  await deps.db
    .update(outbox)
    .set(change)
    .where(
      and(eq(outbox.communityId, row.communityId), eq(outbox.id, row.id), ne(outbox.status, 'delivered')),
    );
  return outcome;
}

registerNoticeChannel(inboxChannel);
registerNoticeChannel(webhookChannel);
// Two lanes, so the inbox never waits for an outside gateway that is slow or down.
registerBackgroundTask({
  name: 'notices.inbox',
  intervalMs: (deps) => deps.config.noticeIntervalMs,
  run: (deps) => deliverDueNotices(deps, { channels: [INBOX_CHANNEL] }),
});
registerBackgroundTask({
  name: 'notices.external',
  intervalMs: (deps) => deps.config.noticeIntervalMs,
  run: (deps) =>
    deliverDueNotices(deps, { channels: noticeChannelNames().filter((c) => c !== INBOX_CHANNEL) }),
});
