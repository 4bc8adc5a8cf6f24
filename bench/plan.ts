// Delivery-run planner benchmark (issue 5): generated compounds of 60, 125 and 200 buildings with
// skewed parcel counts and tricycles of 80 parcels; per compound the planner's total distance and
// solve time beside, measured in the same run, a nearest-neighbour + capacity-split baseline and a
// lower bound no plan can beat. Targets: ≥ 10% shorter than the baseline, 125 buildings in < 1 s.
import { lowerBound, nearestNeighbourRoutes, planDeliveryRuns } from '../src/domain/parcels/index.ts';
import { generateCompound } from '../src/domain/parcels/test-compounds.ts';

const CAPACITY = Number(process.env.CAPACITY ?? 80);
const SIZES = (process.env.SIZES ?? '60,125,200').split(',').map(Number);
const SEED = Number(process.env.SEED ?? 2022);
const ITERATIONS = process.env.ITERATIONS ? Number(process.env.ITERATIONS) : undefined;

// Warm the JIT on another compound first, as in a server that has planned before. (The CLI is a
// fresh process each time: its first plan pays for compiling the code too.)
planDeliveryRuns({ ...generateCompound(100, 1), vehicleCapacity: CAPACITY });

console.log(`delivery-run planner: capacity ${CAPACITY}, seed ${SEED}`);
let allMet = true;
for (const size of SIZES) {
  const { depot, stops } = generateCompound(size, SEED + size);
  const parcels = stops.reduce((sum, s) => sum + s.parcels, 0);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const plan = planDeliveryRuns({ depot, stops, vehicleCapacity: CAPACITY }, { iterations: ITERATIONS });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // CPU time beside wall time: on a busy machine the wall clock also counts other processes' turns.
  const cpuMs = process.cpuUsage(cpuBefore).user / 1000;
  const yardstick = { depot, stops: stops.map((s) => ({ ...s, demand: s.parcels })), capacity: CAPACITY };
  const baseline = nearestNeighbourRoutes(yardstick);
  const bound = lowerBound(yardstick);
  const improvement = (1 - plan.totalDistance / baseline.distance) * 100;
  const gap = (plan.totalDistance / bound.bound - 1) * 100;
  const met = improvement >= 10 && (size !== 125 || ms < 1000);
  allMet &&= met;
  console.log(
    `  ${String(size).padStart(3)} buildings, ${String(parcels).padStart(4)} parcels: ` +
      `planned ${plan.totalDistance} m in ${plan.routes.length} runs, ${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms)` +
      ` | baseline ${baseline.distance} m in ${baseline.routes.length} runs → ${improvement.toFixed(1)}% shorter` +
      ` | lower bound ${Math.round(bound.bound)} m (radial ${Math.round(bound.radial)}, tree ${bound.tree}),` +
      ` plan within ${gap.toFixed(1)}% of it${met ? '' : '  ✗ target missed'}`,
  );
}
console.log(
  allMet ? 'targets met: ≥ 10% shorter than baseline everywhere, 125 buildings < 1 s' : 'TARGET MISSED',
);
if (!allMet) process.exitCode = 1;
