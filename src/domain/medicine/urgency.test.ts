import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRITICAL_MEDICINES } from './critical-medicines.ts';
import {
  DEFAULT_DEADLINE_HOURS,
  deadlineFor,
  deadlineState,
  escalationFor,
  InvalidDeadline,
  InvalidSupplyDays,
  triage,
  type Urgency,
} from './urgency.ts';

const RANK: Record<Urgency, number> = { critical: 0, high: 1, normal: 2 };
const HOUR = 3_600_000;

describe('triage', () => {
  it.each([
    ['insulin', 0, false, 'critical', 'critical_running_out'],
    ['诺和锐', 1.5, false, 'critical', 'critical_running_out'],
    ['insulin', 2, false, 'critical', 'critical_running_out'],
    ['insulin', 2.5, false, 'high', 'chronic_running_out'],
    ['华法林', 3, false, 'high', 'chronic_running_out'],
    ['华法林', 3.5, true, 'normal', 'normal'],
    ['Xarleto', null, false, 'critical', 'unknown_supply_critical'],
    ['氨氯地平', 1, true, 'high', 'chronic_running_out'],
    ['氨氯地平', 3, true, 'high', 'chronic_running_out'],
    ['氨氯地平', 4, true, 'normal', 'normal'],
    ['氨氯地平', null, true, 'normal', 'normal'],
    ['布洛芬', 0, false, 'normal', 'normal'],
  ] as const)(
    '%s with %s days left (chronic %s) → %s by %s',
    (drugName, supplyDaysLeft, chronic, urgency, rule) => {
      expect(triage({ drugName, supplyDaysLeft, chronic })).toMatchObject({ urgency, rule });
    },
  );

  it('names the list entry the drug matched, also for brands and misspellings', () => {
    expect(triage({ drugName: '拜瑞妥', supplyDaysLeft: 1, chronic: false }).matched).toBe('rivaroxaban');
    expect(triage({ drugName: 'Kepra', supplyDaysLeft: 10, chronic: true }).matched).toBe('levetiracetam');
    expect(triage({ drugName: '布洛芬', supplyDaysLeft: 1, chronic: false }).matched).toBeNull();
  });

  it('never lowers the urgency for a shorter supply, whatever the drug', () => {
    const drugName = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(...CRITICAL_MEDICINES.flatMap((m) => [...m.zh, ...m.en, ...m.brands])),
      fc.constantFrom('阿莫西林', 'metformin', '维生素C'),
    );
    const days = fc.double({ min: 0, max: 30, noNaN: true });
    fc.assert(
      fc.property(drugName, fc.boolean(), days, days, (name, chronic, a, b) => {
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        const whenShorter = triage({ drugName: name, supplyDaysLeft: shorter, chronic }).urgency;
        const whenLonger = triage({ drugName: name, supplyDaysLeft: longer, chronic }).urgency;
        expect(RANK[whenShorter]).toBeLessThanOrEqual(RANK[whenLonger]);
      }),
    );
  });

  it('rejects a supply that is not a number of days', () => {
    for (const supplyDaysLeft of [-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => triage({ drugName: 'insulin', supplyDaysLeft, chronic: true })).toThrow(InvalidSupplyDays);
  });
});

describe('deadlines', () => {
  const created = new Date('2022-04-10T08:00:00Z');

  it('gives 12, 24 and 72 hours by default and the community’s hours when set', () => {
    expect(deadlineFor('critical', created).toISOString()).toBe('2022-04-10T20:00:00.000Z');
    expect(deadlineFor('high', created).toISOString()).toBe('2022-04-11T08:00:00.000Z');
    expect(deadlineFor('normal', created).toISOString()).toBe('2022-04-13T08:00:00.000Z');
    const hours = { ...DEFAULT_DEADLINE_HOURS, critical: 6 };
    expect(deadlineFor('critical', created, hours).toISOString()).toBe('2022-04-10T14:00:00.000Z');
  });

  it('rejects hours that are not positive and a start that is not a date', () => {
    expect(() => deadlineFor('high', created, { ...DEFAULT_DEADLINE_HOURS, high: 0 })).toThrow(
      InvalidDeadline,
    );
    expect(() => deadlineFor('high', new Date(Number.NaN))).toThrow(InvalidDeadline);
  });

  it('is ok, then near in the last quarter, then overdue at the deadline', () => {
    const deadline = deadlineFor('critical', created);
    const at = (h: number) => deadlineState(created, deadline, new Date(created.getTime() + h * HOUR));
    expect([at(0), at(8.99), at(9), at(11.99), at(12), at(40)]).toEqual([
      'ok',
      'ok',
      'near',
      'near',
      'overdue',
      'overdue',
    ]);
    expect([escalationFor('ok'), escalationFor('near'), escalationFor('overdue')]).toEqual([0, 1, 2]);
  });

  it('only ever moves forward as time passes', () => {
    const order = { ok: 0, near: 1, overdue: 2 };
    fc.assert(
      fc.property(
        fc.constantFrom<Urgency>('critical', 'high', 'normal'),
        fc.integer({ min: -10 * HOUR, max: 100 * HOUR }),
        fc.integer({ min: 0, max: 100 * HOUR }),
        (urgency, offset, step) => {
          const deadline = deadlineFor(urgency, created);
          const earlier = new Date(created.getTime() + offset);
          const later = new Date(earlier.getTime() + step);
          const before = order[deadlineState(created, deadline, earlier)];
          expect(order[deadlineState(created, deadline, later)]).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});
