import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metresBetween } from './distance-matrix.ts';
import { cheapestInsertion, insertCheapest, runDistance, runFigures } from './run-edits.ts';
import { estimateRunSeconds } from './run-time.ts';

const coordinate = fc.integer({ min: -500, max: 500 });
const point = fc.record({ x: coordinate, y: coordinate });

describe('editing a planned run by hand', () => {
  it('inserts a stop where it adds the least distance of all positions, keeping the others in order', () => {
    fc.assert(
      fc.property(point, fc.array(point, { maxLength: 12 }), point, (depot, stops, stop) => {
        const { index, added } = cheapestInsertion(depot, stops, stop);
        const before = runDistance(depot, stops);
        for (let i = 0; i <= stops.length; i++) {
          const other = [...stops.slice(0, i), stop, ...stops.slice(i)];
          expect(runDistance(depot, other) - before).toBeGreaterThanOrEqual(added);
        }
        const inserted = insertCheapest(depot, stops, stop);
        expect(inserted).toHaveLength(stops.length + 1);
        expect(inserted[index]).toBe(stop);
        expect(inserted.filter((p) => p !== stop)).toEqual(stops);
        expect(runDistance(depot, inserted)).toBe(before + added);
      }),
    );
  });

  it('figures a run as the planner does: legs from the depot and back, the estimated time rule', () => {
    const depot = { x: 0, y: 0 };
    const stops = [
      { buildingId: 'a', x: 30, y: 40, parcels: 5 },
      { buildingId: 'b', x: 30, y: 0, parcels: 7 },
    ];
    const figures = runFigures(depot, stops);
    expect(figures.distance).toBe(50 + 40 + metresBetween({ x: 30, y: 0 }, depot));
    expect(figures.load).toBe(12);
    expect(figures.seconds).toBe(estimateRunSeconds({ distance: figures.distance, load: 12, stopCount: 2 }));
    expect(runFigures(depot, [])).toEqual({ load: 0, distance: 0, seconds: 0 });
  });
});
