import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { LiveEvent } from '../../platform/live-events.ts';
import { DashboardFeed } from './dashboard-feed.ts';

const event = (communityId: string): LiveEvent => ({ communityId, type: 'parcels.received', data: {} });

/** A feed whose computation is counted and answers with the computation's number. */
function countingFeed(options: { minIntervalMs?: number; refreshMs?: number } = {}) {
  const runs: string[] = [];
  let pending: (() => void)[] = [];
  let manual = false;
  const feed = new DashboardFeed(async (communityId) => {
    runs.push(communityId);
    const n = runs.length;
    if (manual) await new Promise<void>((resolve) => pending.push(resolve));
    return { communityId, at: String(n) } as unknown as TDashboard;
  }, options);
  const watcher = () => {
    const frames: { at: string; communityId: string }[] = [];
    return {
      frames,
      send: (frame: string) => frames.push(JSON.parse(frame.split('\ndata: ')[1]!)),
    };
  };
  return {
    feed,
    runs,
    watcher,
    /** computations wait until finish() */
    hold: () => {
      manual = true;
    },
    finish: () => {
      const due = pending;
      pending = [];
      for (const resolve of due) resolve();
    },
  };
}

describe('the dashboard feed: one computation per community, at most one a second', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('computes once for every watcher of a community and sends each the same figures at once', async () => {
    const f = countingFeed();
    const [w1, w2, w3] = [f.watcher(), f.watcher(), f.watcher()];
    f.feed.watch('c1', w1);
    f.feed.watch('c1', w2);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.runs).toEqual(['c1']);
    expect([w1.frames, w2.frames]).toEqual([
      [{ communityId: 'c1', at: '1' }],
      [{ communityId: 'c1', at: '1' }],
    ]);
    // a later watcher gets the figures computed already, nothing having changed since
    f.feed.watch('c1', w3);
    expect(w3.frames).toEqual([{ communityId: 'c1', at: '1' }]);
    expect(f.runs).toEqual(['c1']);
  });

  it('turns a burst of events into one computation a second, the last event always covered', async () => {
    const f = countingFeed();
    const w = f.watcher();
    f.feed.watch('c1', w);
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 1000; i++) {
      f.feed.hear(event('c1'));
      await vi.advanceTimersByTimeAsync(2); // 2 s of events, one every 2 ms
    }
    expect(f.runs.length).toBeLessThanOrEqual(3);
    await vi.advanceTimersByTimeAsync(1000);
    // the computation after the last event has run: what is shown is not behind
    expect(f.runs.length).toBeLessThanOrEqual(4);
    const last = f.runs.length;
    expect(w.frames.at(-1)!.at).toBe(String(last));
    await vi.advanceTimersByTimeAsync(5000);
    expect(f.runs.length).toBe(last);
  });

  it('never runs two computations of a community at once; an event during one is computed after it', async () => {
    const f = countingFeed();
    f.hold();
    const w = f.watcher();
    f.feed.watch('c1', w);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.runs.length).toBe(1);
    f.feed.hear(event('c1'));
    await vi.advanceTimersByTimeAsync(300);
    expect(f.runs.length).toBe(1);
    f.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.frames).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(f.runs.length).toBe(2);
    f.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.frames.map((x) => x.at)).toEqual(['1', '2']);
  });

  it('waits longer after a slow computation: dashboards take at most a third of the database', async () => {
    const f = countingFeed();
    f.hold();
    const w = f.watcher();
    f.feed.watch('c1', w);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2000); // the computation takes 2 s
    f.finish();
    await vi.advanceTimersByTimeAsync(0);
    f.feed.hear(event('c1'));
    await vi.advanceTimersByTimeAsync(3_900); // 5.9 s: not yet 3 × 2 s after it started
    expect(f.runs.length).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(f.runs.length).toBe(2);
    f.finish();
  });

  it('ignores communities nobody watches, and forgets a community when its last watcher leaves', async () => {
    const f = countingFeed();
    f.feed.hear(event('c2'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(f.runs).toEqual([]);
    const w = f.watcher();
    const stop = f.feed.watch('c1', w);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    expect(f.feed.watcherCount).toBe(0);
    f.feed.hear(event('c1'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(f.runs).toEqual(['c1']);
  });

  it('computes again now and then without events, for figures that change with the clock', async () => {
    const f = countingFeed({ refreshMs: 30_000 });
    const w = f.watcher();
    f.feed.watch('c1', w);
    await vi.advanceTimersByTimeAsync(0);
    // the refresh sets a timer of its own, run at the next turn of the fake clock
    await vi.advanceTimersByTimeAsync(30_001);
    await vi.advanceTimersByTimeAsync(30_001);
    expect(w.frames.map((x) => x.at)).toEqual(['1', '2', '3']);
    f.feed.stop();
  });
});
