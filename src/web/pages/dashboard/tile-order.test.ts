import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quietDashboard } from './dashboard.fixture.ts';
import { TILES, tilesByUrgency, urgencyOf } from './tile-order.ts';

const NOW = Date.parse('2026-04-09T02:00:00Z');

describe('the phone puts the most urgent area first', () => {
  it('keeps the usual order when nothing presses', () => {
    expect(tilesByUrgency(quietDashboard(), NOW)).toEqual([...TILES]);
  });

  it('puts overdue medicine first, then escalated relays, a round under way and parcels left a day', () => {
    const d = quietDashboard();
    d.medicine.overdue = 1;
    d.medicine.open.normal = 1;
    d.relays = { unconfirmed: 2, escalated: 1, buildings: ['12'] };
    d.testing.current = {
      roundId: d.communityId,
      title: '第5轮',
      startedAt: null,
      expected: 10,
      tested: 2,
      coverage: 0.2,
      gates: [],
    };
    d.parcels.waiting = 3;
    d.parcels.oldestWaitingSince = new Date(NOW - 25 * 3_600_000).toISOString();
    expect(tilesByUrgency(d, NOW).slice(0, 4)).toEqual(['medicine', 'relays', 'testing', 'parcels']);
    // parcels left a day come before overdue disinfection; the same parcels an hour old after it
    d.disinfection.overdue = 1;
    const at = (order: string[], tile: string) => order.indexOf(tile);
    let order = tilesByUrgency(d, NOW);
    expect(at(order, 'parcels')).toBeLessThan(at(order, 'disinfection'));
    d.parcels.oldestWaitingSince = new Date(NOW - 3_600_000).toISOString();
    order = tilesByUrgency(d, NOW);
    expect(at(order, 'parcels')).toBeGreaterThan(at(order, 'disinfection'));
  });

  it('is always every tile once, higher urgency before lower', () => {
    fc.assert(
      fc.property(
        fc.record({
          overdue: fc.nat(3),
          critical: fc.nat(3),
          escalated: fc.nat(3),
          waiting: fc.nat(50),
          waitedHours: fc.nat(72),
          disinfectionOverdue: fc.nat(3),
        }),
        (x) => {
          const d = quietDashboard();
          d.medicine.overdue = x.overdue;
          d.medicine.open.critical = x.critical;
          d.relays.escalated = x.escalated;
          d.parcels.waiting = x.waiting;
          d.parcels.oldestWaitingSince =
            x.waiting > 0 ? new Date(NOW - x.waitedHours * 3_600_000).toISOString() : null;
          d.disinfection.overdue = x.disinfectionOverdue;
          const order = tilesByUrgency(d, NOW);
          expect([...order].sort()).toEqual([...TILES].sort());
          const score = urgencyOf(d, NOW);
          for (let i = 1; i < order.length; i++) {
            expect(score[order[i - 1]!]).toBeGreaterThanOrEqual(score[order[i]!]);
          }
        },
      ),
    );
  });
});
