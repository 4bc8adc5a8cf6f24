import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound, nearestNeighbourRoutes } from './baseline.ts';
import { solveCvrp } from './cvrp-solver.ts';
import { type DeliveryStop, planDeliveryRuns } from './plan.ts';
import { DEFAULT_RUN_TIMING, estimateRunSeconds } from './run-time.ts';
import { generateCompound } from './test-compounds.ts';
import { expectValidRoutes } from './test-support.ts';

const QUICK = { iterations: 60 };

describe('planDeliveryRuns', () => {
  it('plans a tiny compound as a person would check it by hand', () => {
    // two buildings east of the gate, one west; a tricycle of 10 carries the two eastern ones together
    const plan = planDeliveryRuns({
      depot: { x: 0, y: 0 },
      vehicleCapacity: 10,
      stops: [
        { buildingId: 'E1', x: 30, y: 40, parcels: 4 },
        { buildingId: 'W1', x: -60, y: 0, parcels: 7 },
        { buildingId: 'E2', x: 30, y: 0, parcels: 5 },
      ],
    });
    const byFirst = [...plan.routes].sort((a, b) => a.stops[0]!.localeCompare(b.stops[0]!));
    expect(byFirst.map((r) => [[...r.stops].sort(), r.load, r.distance])).toEqual([
      [['E1', 'E2'], 9, 50 + 40 + 30],
      [['W1'], 7, 120],
    ]);
    expect(plan.totalDistance).toBe(240);
    expect(plan.routes.find((r) => r.stops.includes('W1'))!.seconds).toBe(
      Math.round(120 / DEFAULT_RUN_TIMING.ridingMetresPerSecond + 7 * 5 + 60),
    );
  });

  it('refuses a stop with more parcels than a vehicle carries, and a building listed twice', () => {
    const depot = { x: 0, y: 0 };
    expect(() =>
      planDeliveryRuns({ depot, vehicleCapacity: 5, stops: [{ buildingId: 'A', x: 1, y: 1, parcels: 6 }] }),
    ).toThrow(RangeError);
    const twice = { buildingId: 'A', x: 1, y: 1, parcels: 1 };
    expect(() => planDeliveryRuns({ depot, vehicleCapacity: 5, stops: [twice, twice] })).toThrow(/twice/);
  });

  it('plans nothing for no stops', () => {
    expect(planDeliveryRuns({ depot: { x: 5, y: 5 }, vehicleCapacity: 80, stops: [] })).toEqual({
      routes: [],
      totalDistance: 0,
      totalSeconds: 0,
    });
  });

  it('beats the nearest-neighbour baseline by more than 10% on a generated compound of 60 buildings', () => {
    const { depot, stops } = generateCompound(60, 7);
    const plan = planDeliveryRuns({ depot, stops, vehicleCapacity: 80 }, { iterations: 300 });
    const yardstick = { depot, stops: stops.map((s) => ({ ...s, demand: s.parcels })), capacity: 80 };
    expect(plan.totalDistance).toBeLessThan(0.9 * nearestNeighbourRoutes(yardstick).distance);
    expect(plan.totalDistance).toBeGreaterThanOrEqual(lowerBound(yardstick).bound);
  });
});

describe('solveCvrp', () => {
  it('stops searching at the time limit with a valid plan no longer than the savings routes', () => {
    const { depot, stops } = generateCompound(125, 3);
    const instance = { depot, stops: stops.map((s) => ({ ...s, demand: s.parcels })), capacity: 80 };
    const started = Date.now();
    const result = solveCvrp(instance, { iterations: 1_000_000, timeLimitMs: 50 });
    expect(Date.now() - started).toBeLessThan(2000);
    expectValidRoutes(instance, result.routes);
    expect(result.distance).toBeLessThanOrEqual(result.savingsDistance);
  });
});

describe('planning with the vehicles at hand', () => {
  const vehicles = [
    { id: 'tricycle', capacity: 80 },
    { id: 'e-bike', capacity: 40 },
    { id: 'hand-cart', capacity: 30, ridingMetresPerSecond: 1.2 },
    { id: 'car', capacity: 120, ridingMetresPerSecond: 5 },
  ];
  const stopsArb = fc
    .array(
      fc.record({
        x: fc.integer({ min: -300, max: 300 }),
        y: fc.integer({ min: 0, max: 400 }),
        parcels: fc.nat(30),
      }),
      { maxLength: 30 },
    )
    .map((rows): DeliveryStop[] => rows.map((r, i) => ({ buildingId: `B${i}`, ...r })));

  it('gives every run a vehicle that carries its load, numbers each vehicle`s trips, and times them', () => {
    fc.assert(
      fc.property(stopsArb, (stops) => {
        const plan = planDeliveryRuns({ depot: { x: 0, y: 0 }, stops, vehicles }, QUICK);
        expect(plan.routes.flatMap((r) => r.stops).sort()).toEqual(stops.map((s) => s.buildingId).sort());
        const finish = new Map<string, number>();
        for (const vehicle of vehicles) {
          const mine = plan.routes.filter((r) => r.vehicleId === vehicle.id);
          expect(mine.map((r) => r.trip).sort((a, b) => a! - b!)).toEqual(mine.map((_, i) => i + 1));
          for (const run of mine) {
            expect(run.load).toBeLessThanOrEqual(vehicle.capacity);
            const speed = vehicle.ridingMetresPerSecond ?? DEFAULT_RUN_TIMING.ridingMetresPerSecond;
            const timing = { ...DEFAULT_RUN_TIMING, ridingMetresPerSecond: speed };
            expect(run.seconds).toBe(estimateRunSeconds({ ...run, stopCount: run.stops.length }, timing));
          }
          finish.set(
            vehicle.id,
            mine.reduce((sum, r) => sum + r.seconds, 0),
          );
        }
        expect(plan.finishSeconds).toBe(Math.max(0, ...finish.values()));
      }),
      { numRuns: 40 },
    );
  });

  it('refuses when no vehicle carries the busiest building`s parcels', () => {
    const stops = [{ buildingId: 'T1', x: 10, y: 10, parcels: 150 }];
    expect(() => planDeliveryRuns({ depot: { x: 0, y: 0 }, stops, vehicles })).toThrow(/no vehicle/);
  });
});
