import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound, nearestNeighbourRoutes } from './baseline.ts';
import { solveCvrp } from './cvrp-solver.ts';
import { buildDistanceMatrix } from './distance-matrix.ts';
import { type DeliveryPlanInput, planDeliveryRuns } from './plan.ts';
import { savingsRoutes } from './savings.ts';
import { bruteForceOptimum, expectValidRoutes, legsLength, type SmallInstance } from './test-support.ts';

// Few search rounds: the properties must hold after any amount of search, and tests stay fast.
const QUICK = { iterations: 60 };

const coordinate = fc.integer({ min: -400, max: 400 });
const instanceArb = (maxStops: number): fc.Arbitrary<SmallInstance> =>
  fc.integer({ min: 1, max: 100 }).chain((capacity) =>
    fc.record({
      depot: fc.record({ x: coordinate, y: coordinate }),
      capacity: fc.constant(capacity),
      stops: fc.array(
        fc.record({
          // a few stops share a spot or sit on the depot: ties must not break anything
          x: fc.oneof(coordinate, fc.constant(0)),
          y: fc.oneof(coordinate, fc.constant(0)),
          demand: fc.integer({ min: 0, max: capacity }),
        }),
        { maxLength: maxStops },
      ),
    }),
  );

const asPlanInput = (instance: SmallInstance): DeliveryPlanInput => ({
  depot: instance.depot,
  vehicleCapacity: instance.capacity,
  stops: instance.stops.map((s, i) => ({ buildingId: `B${i}`, x: s.x, y: s.y, parcels: s.demand })),
});

describe('the delivery-run planner', () => {
  it('puts every stop on exactly one run within capacity, and reports loads and distances truly', () => {
    fc.assert(
      fc.property(instanceArb(40), (instance) => {
        const input = asPlanInput(instance);
        const plan = planDeliveryRuns(input, QUICK);
        const index = (id: string) => Number(id.slice(1));
        expectValidRoutes(
          instance,
          plan.routes.map((r) => r.stops.map(index)),
        );
        for (const run of plan.routes) {
          const stops = run.stops.map((id) => instance.stops[index(id)]!);
          expect(run.load).toBe(stops.reduce((sum, s) => sum + s.demand, 0));
          expect(run.distance).toBe(legsLength(instance.depot, stops));
        }
        expect(plan.totalDistance).toBe(plan.routes.reduce((sum, r) => sum + r.distance, 0));
        expect(plan.totalSeconds).toBe(plan.routes.reduce((sum, r) => sum + r.seconds, 0));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same plan for the same input, every time', () => {
    fc.assert(
      fc.property(instanceArb(30), fc.integer({ min: 1, max: 1000 }), (instance, seed) => {
        const first = planDeliveryRuns(asPlanInput(instance), { ...QUICK, seed });
        const again = planDeliveryRuns(structuredClone(asPlanInput(instance)), { ...QUICK, seed });
        expect(again).toEqual(first);
      }),
      { numRuns: 60 },
    );
  });

  it('is never longer than the Clarke–Wright savings routes it starts from', () => {
    fc.assert(
      fc.property(instanceArb(40), (instance) => {
        const matrix = buildDistanceMatrix(instance.depot, instance.stops);
        const demand = Float64Array.from([0, ...instance.stops.map((s) => s.demand)]);
        const savings = savingsRoutes(matrix, demand, instance.capacity).map((r) =>
          r.map((node) => node - 1),
        );
        expectValidRoutes(instance, savings);
        const savingsLength = savings.reduce(
          (sum, r) =>
            sum +
            legsLength(
              instance.depot,
              r.map((i) => instance.stops[i]!),
            ),
          0,
        );
        const result = solveCvrp(instance, QUICK);
        expect(result.savingsDistance).toBe(savingsLength);
        expect(result.distance).toBeLessThanOrEqual(savingsLength);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the optimum of small instances (checked by exhaustive search), within 2% at worst', () => {
    let exact = 0;
    let runs = 0;
    fc.assert(
      fc.property(instanceArb(7), (instance) => {
        const optimum = bruteForceOptimum(instance);
        const { distance, routes } = solveCvrp(instance, { iterations: 200 });
        expectValidRoutes(instance, routes);
        expect(distance).toBeGreaterThanOrEqual(optimum);
        expect(distance).toBeLessThanOrEqual(optimum * 1.02);
        runs++;
        if (distance === optimum) exact++;
      }),
      { numRuns: 200 },
    );
    expect(exact / runs).toBeGreaterThanOrEqual(0.95);
  });

  it('has a baseline that is a valid plan and a lower bound below every plan, the optimal one included', () => {
    fc.assert(
      fc.property(instanceArb(7), (instance) => {
        const baseline = nearestNeighbourRoutes(instance);
        expectValidRoutes(instance, baseline.routes);
        expect(baseline.distance).toBe(
          baseline.routes.reduce(
            (sum, r) =>
              sum +
              legsLength(
                instance.depot,
                r.map((i) => instance.stops[i]!),
              ),
            0,
          ),
        );
        const optimum = bruteForceOptimum(instance);
        const { bound, radial, tree } = lowerBound(instance);
        expect(bound).toBe(Math.max(radial, tree));
        expect(bound).toBeLessThanOrEqual(optimum + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
