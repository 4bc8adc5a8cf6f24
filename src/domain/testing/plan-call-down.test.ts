import { describe, expect, it } from 'vitest';
import { planCallDown } from './plan-call-down.ts';
import { generateRound } from './test-rounds.ts';

describe('planCallDown', () => {
  const { policy: _policy, ...round } = generateRound({
    residents: 1200,
    eastShare: 0.7,
    crowdLimit: 50,
    seed: 3,
  });

  it('calls every resident of every building once, starting at the round, within the crowd limit', () => {
    const plan = planCallDown(round);
    for (const b of round.buildings) {
      const calls = plan.calls.filter((c) => c.buildingId === b.id);
      expect(calls.reduce((sum, c) => sum + c.residents, 0)).toBe(b.residents);
      expect(calls.every((c) => c.gate === b.gate)).toBe(true);
    }
    expect(plan.calls[0]!.atSeconds).toBe(0);
    for (const n of Object.values(plan.expectedMaxQueue)) expect(n).toBeLessThanOrEqual(50);
    // More lanes where more people come: 70% of the residents start with 4 of the 6 lanes.
    expect(plan.laneHistory[0]!.lanes).toEqual({ east: 4, west: 2 });
    expect(plan.expectedMakespanSeconds).toBeLessThan(plan.lowerBoundSeconds * 1.1);
  });

  it('is the same plan whatever the seed: it expects the mean service time', () => {
    expect(planCallDown({ ...round, seed: 1 })).toEqual(planCallDown({ ...round, seed: 2 }));
  });
});
