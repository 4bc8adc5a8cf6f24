import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedReading } from './shared-reading.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('a reading shared by those who ask at once', () => {
  it('never answers with a reading that started before the caller asked, and runs at most two at a time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }),
        async (pauses) => {
          const shared = new SharedReading<number>();
          let started = 0;
          let running = 0;
          let mostAtOnce = 0;
          const readNow = async () => {
            const n = ++started;
            running++;
            mostAtOnce = Math.max(mostAtOnce, running);
            await tick();
            await tick();
            running--;
            return n;
          };
          const answers: Promise<void>[] = [];
          for (const pause of pauses) {
            const startedWhenAsked = started;
            answers.push(
              shared.read('community', readNow).then((reading) => {
                expect(reading).toBeGreaterThan(startedWhenAsked);
              }),
            );
            for (let i = 0; i < pause; i++) await tick();
          }
          await Promise.all(answers);
          expect(mostAtOnce).toBeLessThanOrEqual(2);
          expect(started).toBeLessThanOrEqual(pauses.length);
        },
      ),
    );
  });

  it('serves many callers who ask during one reading with one more reading', async () => {
    const shared = new SharedReading<number>();
    let started = 0;
    let release: () => void = () => {};
    const readNow = () => {
      started++;
      return new Promise<number>((resolve) => {
        release = () => resolve(started);
      });
    };
    const first = shared.read('a', readNow);
    const later = Array.from({ length: 10 }, () => shared.read('a', readNow));
    expect(started).toBe(1);
    release();
    expect(await first).toBe(1);
    await tick();
    expect(started).toBe(2);
    release();
    expect(new Set(await Promise.all(later))).toEqual(new Set([2]));
  });

  it('passes a failed reading to its callers, and the next caller reads again', async () => {
    const shared = new SharedReading<number>();
    await expect(shared.read('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await shared.read('a', async () => 7)).toBe(7);
  });

  it('keeps keys apart', async () => {
    const shared = new SharedReading<string>();
    const [a, b] = await Promise.all([shared.read('a', async () => 'A'), shared.read('b', async () => 'B')]);
    expect([a, b]).toEqual(['A', 'B']);
  });
});

describe('a reading reused within a window', () => {
  it('answers from a reading that started at most the window before the caller asked, and reads again after', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2_000 }),
        fc.array(fc.integer({ min: 0, max: 1_500 }), { minLength: 1, maxLength: 25 }),
        async (window, gaps) => {
          let clock = 0;
          const shared = new SharedReading<number>({ reuseWithinMs: window, now: () => clock });
          const startedAt: number[] = [];
          const readNow = async () => {
            startedAt.push(clock);
            return startedAt.length - 1;
          };
          for (const gap of gaps) {
            clock += gap;
            const askedAt = clock;
            const reading = await shared.read('community', readNow);
            expect(askedAt - startedAt[reading]!).toBeLessThanOrEqual(window);
          }
          // none read again while one within the window could answer
          for (let i = 1; i < startedAt.length; i++) {
            expect(startedAt[i]! - startedAt[i - 1]!).toBeGreaterThan(window);
          }
        },
      ),
    );
  });

  it('does not keep a failed reading for the window', async () => {
    let clock = 0;
    const shared = new SharedReading<number>({ reuseWithinMs: 1_000, now: () => clock });
    await expect(shared.read('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    clock += 10;
    expect(await shared.read('a', async () => 7)).toBe(7);
  });

  it('refreshes ahead: a steady poller is answered at once, never by a reading older than the window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 300 }),
        async (gaps, readingMs) => {
          let clock = 0;
          const shared = new SharedReading<number>({
            reuseWithinMs: 1_000,
            refreshAfterMs: 500,
            now: () => clock,
          });
          const startedAt: number[] = [];
          const finishing: { at: number; finish: () => void }[] = [];
          const readNow = () =>
            new Promise<number>((resolve) => {
              startedAt.push(clock);
              const n = startedAt.length - 1;
              finishing.push({ at: clock + readingMs, finish: () => resolve(n) });
            });
          const settle = async () => {
            for (const f of finishing.filter((f) => f.at <= clock)) f.finish();
            await tick();
          };
          let waited = 0;
          for (const gap of gaps) {
            clock += gap;
            await settle();
            let answered: number | undefined;
            const asked = clock;
            const answer = shared.read('community', readNow).then((n) => {
              answered = n;
            });
            await tick();
            if (answered === undefined) {
              waited++;
              while (answered === undefined) {
                clock += 1;
                await settle();
              }
            }
            await answer;
            expect(asked - startedAt[answered]!).toBeLessThanOrEqual(1_000);
          }
          // Only the first caller, and a caller after a pause longer than the window, wait for a reading
          // whenever a reading takes less than the time between refresh and the window's end.
          const pauses = gaps.slice(1).filter((gap) => gap > 500 - readingMs).length;
          expect(waited).toBeLessThanOrEqual(1 + pauses);
        },
      ),
    );
  });
});
