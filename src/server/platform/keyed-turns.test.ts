import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyedTurns } from './keyed-turns.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedTurns', () => {
  it('never runs more than the limit per key, runs every task once, in arrival order per key', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.record({
            key: fc.constantFrom('a', 'b', 'c'),
            ticks: fc.integer({ min: 0, max: 3 }),
            fails: fc.boolean(),
          }),
          {
            maxLength: 40,
          },
        ),
        async (limit, tasks) => {
          const turns = new KeyedTurns(limit);
          const running = new Map<string, number>();
          const started = new Map<string, number[]>();
          let most = 0;
          const outcomes = await Promise.allSettled(
            tasks.map((t, i) =>
              turns.run(t.key, async () => {
                running.set(t.key, (running.get(t.key) ?? 0) + 1);
                most = Math.max(most, running.get(t.key)!);
                started.set(t.key, [...(started.get(t.key) ?? []), i]);
                for (let n = 0; n < t.ticks; n++) await tick();
                running.set(t.key, running.get(t.key)! - 1);
                if (t.fails) throw new Error(`task ${i}`);
                return i;
              }),
            ),
          );
          expect(most).toBeLessThanOrEqual(limit);
          outcomes.forEach((o, i) => {
            if (tasks[i]!.fails) expect(o.status).toBe('rejected');
            else expect(o).toEqual({ status: 'fulfilled', value: i });
          });
          for (const order of started.values()) expect(order).toEqual([...order].sort((x, y) => x - y));
        },
      ),
    );
  });
});
