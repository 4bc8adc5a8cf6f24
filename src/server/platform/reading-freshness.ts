import type { FastifyInstance } from 'fastify';
import { perDatabase } from './batched-lookup.ts';
import { DEFAULT_COALESCE_MS, windowEndFor } from './event-stream.ts';
import type { LiveEvent } from './live-events.ts';
import { SharedReading } from './shared-reading.ts';

// Changes remembered per account are needed only as long as a reading may be reused.
const FORGET_WRITES_AFTER_MS = 60_000;
const SWEEP_EVERY_WRITES = 1024;

/**
 * What a reading shared between callers (SharedReading) must have seen to answer one of them. A caller
 * may be answered with a reading that started after
 * - their own last change (a POST, PUT, PATCH or DELETE answered by this process), so what they
 *   have just done is in it;
 * - every live update of their community that any browser may already have been sent. A screen asks
 *   again when it hears one, so the answer must hold that change; otherwise the screen would show the
 *   state before it and, with no later update, stay so.
 *
 * An event heard with a coalesceKey goes to browsers at the end of the hub's coalescing window, no
 * sooner, and those windows end at the same moments in every process (windowEndFor); one without a
 * key goes at once. Every process hears every event (NOTIFY) at about the same moment, so this holds for
 * a browser whose stream is on another process too. When the listener was cut off, events may have been
 * missed: no reading from before it came back is reused.
 */
export class ReadingFreshness {
  /**
   * Per community, the coalescing window still open when last looked at: when it ends, and the latest
   * event heard in it. Events of a window reach the browsers when it ends; windows never overlap.
   */
  private readonly open = new Map<string, { endsAt: number; latest: number }>();
  /** Per community: the latest heard event that may have reached a browser. */
  private readonly sent = new Map<string, number>();
  private readonly changedBy = new Map<string, number>();
  private resumedAt = Number.NEGATIVE_INFINITY;
  private writesSinceSweep = 0;

  /** How long after it is heard a coalesced event may reach the browsers: the live hub's window. */
  coalesceMs: number;

  constructor(
    coalesceMs = DEFAULT_COALESCE_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.coalesceMs = coalesceMs;
  }

  heard(event: Pick<LiveEvent, 'communityId' | 'coalesceKey'>) {
    const communityId = event.communityId;
    if (!communityId) return;
    const at = this.now();
    this.closeEnded(communityId, at);
    if (event.coalesceKey === undefined) {
      this.markSent(communityId, at);
      return;
    }
    const window = this.open.get(communityId);
    if (window) window.latest = at;
    else this.open.set(communityId, { endsAt: windowEndFor(at, this.coalesceMs), latest: at });
  }

  /** Events may have been missed: what was read before now answers nobody. */
  resumed() {
    this.resumedAt = this.now();
  }

  changed(accountId: string) {
    this.changedBy.set(accountId, this.now());
    if (++this.writesSinceSweep < SWEEP_EVERY_WRITES) return;
    this.writesSinceSweep = 0;
    const before = this.now() - FORGET_WRITES_AFTER_MS;
    for (const [id, at] of this.changedBy) if (at < before) this.changedBy.delete(id);
  }

  /** A reading may answer this caller only if it started after the moment returned. */
  startedAfter(communityId: string, accountId: string | undefined): number {
    this.closeEnded(communityId, this.now());
    const sent = this.sent.get(communityId) ?? Number.NEGATIVE_INFINITY;
    const own = accountId
      ? (this.changedBy.get(accountId) ?? Number.NEGATIVE_INFINITY)
      : Number.NEGATIVE_INFINITY;
    return Math.max(sent, own, this.resumedAt);
  }

  private closeEnded(communityId: string, now: number) {
    const window = this.open.get(communityId);
    if (!window || window.endsAt > now) return;
    this.open.delete(communityId);
    this.markSent(communityId, window.latest);
  }

  private markSent(communityId: string, heardAt: number) {
    this.sent.set(communityId, Math.max(this.sent.get(communityId) ?? Number.NEGATIVE_INFINITY, heardAt));
  }
}

/** One per database, as the shared readings it serves. */
export const readingFreshness = perDatabase((_db: object) => new ReadingFreshness());

/** Readings that leaders' boards share: at most this old, and fresh enough for each caller. */
export const LEADER_READING_REUSE_MS = 1000;

/**
 * Readings of one kind that the screens of a community's leaders share: one answers a leader if it
 * started at most LEADER_READING_REUSE_MS before, after their own last change and after every live
 * update their screen may have heard. Under a flood of scans that is about one reading per coalescing
 * window, however many screens ask again on each update.
 */
export function freshSharedReadings<V>() {
  const readings = perDatabase(
    (_db: object) => new SharedReading<V>({ reuseWithinMs: LEADER_READING_REUSE_MS }),
  );
  return (
    db: object,
    who: { communityId: string; accountId: string },
    key: string,
    readNow: () => Promise<V>,
  ) => readings(db).read(key, readNow, readingFreshness(db).startedAfter(who.communityId, who.accountId));
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Feeds the database's ReadingFreshness from the app's live hub and from the changes it answers. */
export function installReadingFreshness(app: FastifyInstance) {
  const freshness = readingFreshness(app.deps.db);
  freshness.coalesceMs = Math.max(freshness.coalesceMs, app.liveHub.coalesceMs);
  const stopEvents = app.liveHub.observe((event) => freshness.heard(event));
  const stopResume = app.liveHub.observeResume(() => freshness.resumed());
  // onSend runs once the handler is done, so after its transaction committed: a reading that starts
  // later holds the change.
  app.addHook('onSend', async (req, _reply, payload) => {
    if (!READS.has(req.method) && req.auth) freshness.changed(req.auth.account.id);
    return payload;
  });
  app.addHook('onClose', async () => {
    stopEvents();
    stopResume();
  });
}
