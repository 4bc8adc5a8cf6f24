import { DASHBOARD_EVENT, type TDashboard } from '../../../shared/api/dashboard.ts';
import { sseFrame } from '../../platform/event-stream.ts';
import type { LiveEvent } from '../../platform/live-events.ts';

/** A dashboard stream as the feed sees it: something that takes ready-made SSE frames. */
export interface DashboardWatcher {
  send(frame: string): void;
}

export interface DashboardFeedOptions {
  /** At most one computation per community this often, however many events arrive. */
  minIntervalMs?: number;
  /**
   * And no sooner than this many times the last computation took: on a slow database (one PGlite
   * process busy with a stampede) the dashboards take at most a share of its time, and wait longer.
   */
  durationFactor?: number;
  /**
   * Computed again this often while someone watches, even without events: figures that change with
   * the clock alone (overdue medicine, who is on shift, a new day) and events a lost listener missed.
   */
  refreshMs?: number;
  onError?: (err: unknown, communityId: string) => void;
}

interface CommunityFeed {
  watchers: Set<DashboardWatcher>;
  /** the last figures sent, as a frame, for the next watcher to get at once */
  frame: string | null;
  /** an event came in after the last computation started: what is shown may be behind */
  stale: boolean;
  computing: boolean;
  lastStartedAt: number;
  lastDurationMs: number;
  timer: NodeJS.Timeout | undefined;
}

/**
 * The dashboards open in this process, per community: ONE computation of the figures is shared by
 * every open stream of a community. A live event of the community marks its figures stale and
 * schedules a computation no sooner than minIntervalMs after the previous one started (a burst of
 * events, a sign-up stampede, costs one computation a second), nor sooner than durationFactor times
 * what the last one took (a slow database is not kept busy by dashboards), and never two at once.
 * Communities nobody watches cost one map lookup per event.
 */
export class DashboardFeed {
  private readonly feeds = new Map<string, CommunityFeed>();
  private readonly minIntervalMs: number;
  private readonly durationFactor: number;
  private readonly refreshMs: number;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly compute: (communityId: string) => Promise<TDashboard>,
    private readonly options: DashboardFeedOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 1_000;
    this.durationFactor = options.durationFactor ?? 3;
    this.refreshMs = options.refreshMs ?? 30_000;
  }

  /** Feed the hub's events in here (LiveHub.observe). */
  hear = (event: LiveEvent) => {
    const feed = this.feeds.get(event.communityId);
    if (!feed) return;
    feed.stale = true;
    this.schedule(event.communityId, feed);
  };

  /**
   * A new watcher gets the current figures at once: the last ones computed if nothing happened since,
   * else (and for the first watcher) those of a computation started now or soon.
   */
  watch(communityId: string, watcher: DashboardWatcher): () => void {
    let feed = this.feeds.get(communityId);
    if (!feed) {
      feed = {
        watchers: new Set(),
        frame: null,
        stale: true,
        computing: false,
        lastStartedAt: 0,
        lastDurationMs: 0,
        timer: undefined,
      };
      this.feeds.set(communityId, feed);
    }
    feed.watchers.add(watcher);
    if (feed.frame && !feed.stale) watcher.send(feed.frame);
    else this.schedule(communityId, feed);
    if (!this.refreshTimer) {
      this.refreshTimer = setInterval(() => this.refreshAll(), this.refreshMs);
      this.refreshTimer.unref();
    }
    const stopped = feed;
    return () => {
      stopped.watchers.delete(watcher);
      if (stopped.watchers.size > 0 || this.feeds.get(communityId) !== stopped) return;
      clearTimeout(stopped.timer);
      this.feeds.delete(communityId);
      if (this.feeds.size === 0) this.stopRefreshing();
    };
  }

  get watcherCount() {
    let n = 0;
    for (const feed of this.feeds.values()) n += feed.watchers.size;
    return n;
  }

  stop() {
    for (const feed of this.feeds.values()) clearTimeout(feed.timer);
    this.feeds.clear();
    this.stopRefreshing();
  }

  private stopRefreshing() {
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  private refreshAll() {
    for (const [communityId, feed] of this.feeds) {
      feed.stale = true;
      this.schedule(communityId, feed);
    }
  }

  private schedule(communityId: string, feed: CommunityFeed) {
    // A computation under way looks at `stale` when it ends; a timer set will run anyway.
    if (feed.computing || feed.timer) return;
    const interval = Math.max(this.minIntervalMs, feed.lastDurationMs * this.durationFactor);
    const wait = Math.max(0, feed.lastStartedAt + interval - Date.now());
    feed.timer = setTimeout(() => {
      feed.timer = undefined;
      void this.run(communityId, feed);
    }, wait);
  }

  private async run(communityId: string, feed: CommunityFeed) {
    if (this.feeds.get(communityId) !== feed) return;
    feed.computing = true;
    feed.stale = false;
    feed.lastStartedAt = Date.now();
    try {
      const frame = sseFrame(DASHBOARD_EVENT, await this.compute(communityId));
      feed.frame = frame;
      for (const watcher of feed.watchers) watcher.send(frame);
    } catch (err) {
      // The watchers keep what they have; the next event or the next refresh tries again (not a
      // retry at once: a failing database would be asked every second).
      this.options.onError?.(err, communityId);
    } finally {
      feed.computing = false;
      feed.lastDurationMs = Date.now() - feed.lastStartedAt;
    }
    if (feed.stale && this.feeds.get(communityId) === feed) this.schedule(communityId, feed);
  }
}
