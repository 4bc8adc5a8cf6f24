import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveHub } from './event-stream.ts';
import { ReadingFreshness } from './reading-freshness.ts';
import { SharedReading } from './shared-reading.ts';

const WINDOW_MS = 200;

describe('what a shared reading must have seen to answer a caller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks for a reading newer than every live update a browser has been sent, whatever the timing', async () => {
    const step = fc.record({
      waitMs: fc.integer({ min: 0, max: 450 }),
      community: fc.constantFrom('c1', 'c2'),
      coalesced: fc.boolean(),
      key: fc.constantFrom('bins', 'places'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const hub = new LiveHub({ coalesceMs: WINDOW_MS });
        await hub.start(undefined);
        const freshness = new ReadingFreshness(hub.coalesceMs);
        hub.observe((event) => freshness.heard(event));
        const violations: string[] = [];
        for (const community of ['c1', 'c2']) {
          hub.subscribe(community, {
            accountId: 'someone',
            openedAt: Date.now(),
            close: () => {},
            write: (frame) => {
              const heardAt = Number(/"heardAt":(\d+)/.exec(frame)![1]);
              const required = freshness.startedAfter(community, undefined);
              if (required < heardAt)
                violations.push(`${community}: sent ${heardAt}, asks after ${required}`);
            },
          });
        }
        for (const s of steps) {
          vi.advanceTimersByTime(s.waitMs);
          hub.receive(
            JSON.stringify({
              communityId: s.community,
              type: 'parcels.received',
              data: { heardAt: Date.now() },
              ...(s.coalesced ? { coalesceKey: s.key } : {}),
            }),
          );
        }
        vi.advanceTimersByTime(2 * WINDOW_MS);
        await hub.stop();
        expect(violations).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('lets a reading answer until the next window ends, and never past a change of the caller or a lost listener', () => {
    const freshness = new ReadingFreshness(WINDOW_MS);
    vi.setSystemTime(10_050);
    freshness.heard({ communityId: 'c1', coalesceKey: 'bins' });
    // Heard at 10,050: reaches browsers at 10,200, so only then must readings be newer.
    vi.setSystemTime(10_199);
    expect(freshness.startedAfter('c1', 'leader')).toBe(Number.NEGATIVE_INFINITY);
    vi.setSystemTime(10_200);
    expect(freshness.startedAfter('c1', 'leader')).toBe(10_050);
    expect(freshness.startedAfter('c2', 'leader')).toBe(Number.NEGATIVE_INFINITY);
    // without a key an event goes out at once
    vi.setSystemTime(10_300);
    freshness.heard({ communityId: 'c2' });
    expect(freshness.startedAfter('c2', 'leader')).toBe(10_300);
    vi.setSystemTime(10_400);
    freshness.changed('leader');
    expect(freshness.startedAfter('c1', 'leader')).toBe(10_400);
    expect(freshness.startedAfter('c1', 'other leader')).toBe(10_050);
    vi.setSystemTime(10_500);
    freshness.resumed();
    expect(freshness.startedAfter('c1', 'other leader')).toBe(10_500);
  });

  it('answers with a recent reading only when it started after what the caller must see', async () => {
    const shared = new SharedReading<number>({ reuseWithinMs: 1000 });
    let readings = 0;
    const readNow = async () => ++readings;
    vi.setSystemTime(20_000);
    expect(await shared.read('k', readNow, Number.NEGATIVE_INFINITY)).toBe(1);
    vi.setSystemTime(20_500);
    expect(await shared.read('k', readNow, 19_999)).toBe(1);
    expect(await shared.read('k', readNow, 20_000)).toBe(2);
    vi.setSystemTime(21_400);
    expect(await shared.read('k', readNow, 0)).toBe(2);
    vi.setSystemTime(21_501);
    expect(await shared.read('k', readNow, 0)).toBe(3);
  });
});
