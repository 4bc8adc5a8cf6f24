import type { outbox } from '../db/schema/index.ts';
import type { AppDeps } from './context.ts';

/** One claimed outbox row: a notice for one account through one channel. */
export type OutboxRow = typeof outbox.$inferSelect;

export interface DeliveryContext {
  /** Aborted when the delivery has taken too long; a channel doing I/O should pass it on (fetch). */
  signal: AbortSignal;
}

/**
 * A way of telling someone: the in-app inbox, later a webhook to an SMS or WeChat gateway.
 * `deliver` resolves when the notice has been handed over and throws when it has not; it may be
 * called more than once for one row (at-least-once), so it must be idempotent by `row.id`.
 */
export interface NoticeChannel {
  name: string;
  deliver(deps: AppDeps, row: OutboxRow, context: DeliveryContext): Promise<void>;
}

const channels = new Map<string, NoticeChannel>();

/**
 * Channels register once, at module load. Registering a name again replaces the channel (tests
 * swap in failing ones); rows of a channel no process knows stay pending rather than failing.
 */
export function registerNoticeChannel(channel: NoticeChannel) {
  channels.set(channel.name, channel);
}

/** Only for tests that registered a channel of their own. */
export function unregisterNoticeChannel(name: string) {
  channels.delete(name);
}

export const noticeChannel = (name: string) => channels.get(name);
export const noticeChannelNames = () => [...channels.keys()];
