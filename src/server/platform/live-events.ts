import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/** The one PostgreSQL channel every live update travels on, between all server processes. */
export const LIVE_CHANNEL = 'linli_live';

export interface LiveEvent {
  communityId: string;
  /** e.g. `shift.places` */
  type: string;
  data: Record<string, unknown>;
  /**
   * Events with the same key that arrive within a short window replace each other, and only the last
   * is sent: for states such as a shift's places, where a browser needs the latest, not every step.
   * Events without a key (e.g. a new notice) are each sent at once.
   */
  coalesceKey?: string;
}

type Executor = Pick<Db, 'execute'>;

/**
 * Publishes a live update from inside a transaction: PostgreSQL (and PGlite) deliver a NOTIFY only
 * when the transaction commits, so nobody sees a change that was rolled back, and every server process
 * listening on the channel (server/platform/event-stream) passes it on to its browsers.
 */
export async function publishLive(tx: Executor, event: LiveEvent): Promise<void> {
  await tx.execute(liveNotice(event));
}

/** publishLive's statement, for a change made in one statement that notifies as its last part. */
export const liveNotice = (event: LiveEvent) =>
  sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`;
