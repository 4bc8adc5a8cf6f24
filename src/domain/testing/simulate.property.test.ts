import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateRound } from './simulate.ts';
import type { RoundInput, RoundPolicy } from './types.ts';

/** Small rounds: 1–3 gates, 1–5 buildings each of 0–40 residents, lanes ≥ gates. */
const arbRound = (policies: RoundPolicy[]) =>
  fc
    .record({
      gateCount: fc.integer({ min: 1, max: 3 }),
      extraLanes: fc.integer({ min: 0, max: 3 }),
      buildings: fc.array(
        fc.record({
          gate: fc.nat(),
          residents: fc.integer({ min: 0, max: 40 }),
          walkSeconds: fc.integer({ min: 0, max: 400 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      mean: fc.double({ min: 4, max: 20, noNaN: true }),
      sd: fc.double({ min: 0, max: 8, noNaN: true }),
      switchSeconds: fc.integer({ min: 0, max: 120 }),
      crowdLimit: fc.integer({ min: 10, max: 80 }),
      callIntervalSeconds: fc.integer({ min: 0, max: 240 }),
      policy: fc.constantFrom(...policies),
      seed: fc.nat(),
    })
    .map((r): RoundInput => {
      const gates = ['east', 'west', '北门'].slice(0, r.gateCount);
      const lanes = r.gateCount + r.extraLanes;
      const fixedSplit = Object.fromEntries(gates.map((g, i) => [g, i === 0 ? 1 + r.extraLanes : 1]));
      return {
        lanes,
        serviceSeconds: { mean: r.mean, sd: r.sd },
        switchSeconds: r.switchSeconds,
        crowdLimit: r.crowdLimit,
        callIntervalSeconds: r.callIntervalSeconds,
        fixedSplit,
        buildings: r.buildings.map((b, i) => ({
          id: `B${i}`,
          gate: gates[b.gate % gates.length]!,
          residents: b.residents,
          walkSeconds: b.walkSeconds,
        })),
        policy: r.policy,
        seed: r.seed,
      };
    });

const runs = { numRuns: 60 };

describe('simulateRound (properties)', () => {
  it('serves every resident exactly once, after they arrive, one at a time per lane, at their own gate', () => {
    fc.assert(
      fc.property(arbRound(['fixed', 'tidal', 'planned']), (input) => {
        const result = simulateRound(input, { recordServices: true });
        const services = result.services!;
        const total = input.buildings.reduce((sum, b) => sum + b.residents, 0);
        expect(result.residentsServed).toBe(total);
        expect(new Set(services.map((s) => s.resident)).size).toBe(total);
        expect(services).toHaveLength(total);
        const gateOf = new Map(input.buildings.map((b) => [b.id, b.gate]));
        const byLane = new Map<number, typeof services>();
        for (const s of services) {
          expect(s.gate).toBe(gateOf.get(s.buildingId));
          expect(s.startedAt).toBeGreaterThanOrEqual(s.arrivedAt);
          expect(s.endedAt - s.startedAt).toBeGreaterThanOrEqual(3 - 1e-9);
          byLane.set(s.lane, [...(byLane.get(s.lane) ?? []), s]);
        }
        for (const list of byLane.values()) {
          list.sort((a, b) => a.startedAt - b.startedAt);
          for (let i = 1; i < list.length; i++)
            expect(list[i]!.startedAt).toBeGreaterThanOrEqual(list[i - 1]!.endedAt - 1e-9);
        }
        // Calls: every resident called exactly once, each building's parts adding up.
        const called = new Map<string, number>();
        for (const c of result.calls) called.set(c.buildingId, (called.get(c.buildingId) ?? 0) + c.residents);
        // (A building with nobody to test may be left uncalled once everybody else is done.)
        for (const b of input.buildings) expect(called.get(b.id) ?? 0).toBe(b.residents);
      }),
      runs,
    );
  });

  it('never beats the lower bound, and its figures add up', () => {
    fc.assert(
      fc.property(arbRound(['fixed', 'tidal', 'planned']), (input) => {
        const result = simulateRound(input);
        if (result.residentsServed === 0) return;
        expect(result.makespanSeconds).toBeGreaterThanOrEqual(result.lowerBoundSeconds - 0.1);
        expect(result.laneUtilization).toBeGreaterThan(0);
        expect(result.laneUtilization).toBeLessThanOrEqual(1);
        expect(result.idleLaneSeconds).toBeGreaterThanOrEqual(0);
        if (input.policy === 'fixed') expect(result.switches).toBe(0);
        for (const snapshot of result.laneHistory) {
          const serving = Object.values(snapshot.lanes).reduce((sum, n) => sum + n, 0);
          expect(serving).toBeLessThanOrEqual(input.lanes);
        }
      }),
      runs,
    );
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(arbRound(['tidal', 'planned']), (input) => {
        expect(simulateRound(structuredClone(input))).toEqual(simulateRound(input));
      }),
      { numRuns: 30 },
    );
  });

  it('keeps every gate within the crowd limit under planned', () => {
    fc.assert(
      fc.property(arbRound(['planned']), (input) => {
        const result = simulateRound(input);
        for (const gate of Object.keys(input.fixedSplit))
          expect(result.maxQueue[gate]).toBeLessThanOrEqual(input.crowdLimit);
      }),
      runs,
    );
  });
});
