import { describe, expect, it } from 'vitest';
import { laneAdvice } from './lane-advice.ts';

// At the default pace (12.6 s a person) one lane swabs 100 people in 1,260 s.
describe('laneAdvice', () => {
  it('moves a lane to the gate that will keep everybody waiting, once the giving gate can spare it', () => {
    const advice = laneAdvice({
      gates: { east: { queue: 300, lanes: 3, toCome: 100 }, west: { queue: 20, lanes: 3, toCome: 0 } },
      switchSeconds: 60,
    });
    expect(advice.move).toEqual({ from: 'west', to: 'east' });
    expect(advice.remainingSeconds).toBeCloseTo((400 * 12.6) / 3, 1);
    // East gets its fourth lane after the 60 s switch; west finishes its 20 with two lanes.
    expect(advice.remainingAfterMoveSeconds).toBeCloseTo(60 + (400 - (3 * 60) / 12.6) * (12.6 / 4), 1);
    expect(advice.secondsPerGate.west).toBeCloseTo((20 * 12.6) / 3, 1);
  });

  it('leaves balanced gates alone', () => {
    const advice = laneAdvice({
      gates: { east: { queue: 100, lanes: 3, toCome: 50 }, west: { queue: 90, lanes: 3, toCome: 50 } },
      switchSeconds: 60,
    });
    expect(advice.move).toBeNull();
    expect(advice.remainingAfterMoveSeconds).toBeNull();
  });

  it('does not move a lane that would have to come back (the giving gate must not become the slowest)', () => {
    // 4 + 2 lanes for 400 / 190 people: giving one of west's two lanes would make west the slowest.
    const advice = laneAdvice({
      gates: { east: { queue: 400, lanes: 4, toCome: 0 }, west: { queue: 190, lanes: 2, toCome: 0 } },
      switchSeconds: 60,
    });
    expect(advice.move).toBeNull();
  });

  it('does not move for a gain smaller than the switch (hysteresis)', () => {
    // 64 / 3 lanes: 269 s; one more lane after a 60 s switch: 217 s, 52 s better, less than the switch.
    const gates = { east: { queue: 64, lanes: 3, toCome: 0 }, west: { queue: 20, lanes: 3, toCome: 0 } };
    expect(laneAdvice({ gates, switchSeconds: 60 }).move).toBeNull();
    expect(laneAdvice({ gates, switchSeconds: 0, minimumGainSeconds: 10 }).move).toEqual({
      from: 'west',
      to: 'east',
    });
  });

  it('counts the switch: a short queue is not worth a lane that needs five minutes to come', () => {
    const gates = { east: { queue: 90, lanes: 3, toCome: 0 }, west: { queue: 0, lanes: 3, toCome: 0 } };
    expect(laneAdvice({ gates, switchSeconds: 30 }).move).toEqual({ from: 'west', to: 'east' });
    expect(laneAdvice({ gates, switchSeconds: 300 }).move).toBeNull();
  });

  it('sends a lane to a gate with people and none, and says the forecast is open until then', () => {
    const advice = laneAdvice({
      gates: { east: { queue: 0, lanes: 6, toCome: 0 }, west: { queue: 5, lanes: 0, toCome: 40 } },
      switchSeconds: 60,
    });
    expect(advice.move).toEqual({ from: 'east', to: 'west' });
    expect(advice.remainingSeconds).toBeNull();
    expect(advice.secondsPerGate.west).toBeNull();
  });

  it('uses the observed pace of the last minutes when there is one', () => {
    const advice = laneAdvice({
      gates: {
        east: { queue: 120, lanes: 3, toCome: 0, servedRecently: 90 },
        west: { queue: 120, lanes: 3, toCome: 0, servedRecently: 90 },
      },
      switchSeconds: 60,
      recentWindowSeconds: 600,
    });
    // 180 people by 6 lanes in 10 minutes: 3 per lane per minute.
    expect(advice.perLanePerMinute).toBe(3);
    expect(advice.remainingSeconds).toBeCloseTo((120 / 9) * 60, 1);
  });

  it('works for any gate names and more than two gates', () => {
    const advice = laneAdvice({
      gates: {
        北门: { queue: 200, lanes: 2, toCome: 100 },
        南门: { queue: 10, lanes: 2, toCome: 0 },
        西门: { queue: 80, lanes: 2, toCome: 0 },
      },
      switchSeconds: 60,
    });
    expect(advice.move).toEqual({ from: '南门', to: '北门' });
  });
});
