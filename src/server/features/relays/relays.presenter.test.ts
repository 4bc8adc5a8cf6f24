import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byBuildingCode, listOrder, relayFigures, relayStatus } from './relays.presenter.ts';
import type { RelayTaskRow } from './relays.repository.ts';

const T0 = Date.parse('2026-04-09T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** A task as the repository reads it, with only what ordering and figures look at varied. */
const arbTask = fc
  .record({
    building: fc.constantFrom('1', '2', '7', '12', '101'),
    created: fc.integer({ min: 0, max: 600 }),
    escalated: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
    confirmed: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
  })
  .map(
    (r) =>
      ({
        id: `t${r.building}-${r.created}`,
        communityId: 'c',
        buildingId: `b${r.building}`,
        buildingCode: r.building,
        sourceType: 'testing_call',
        sourceId: 's',
        kind: 'testing.call_relay',
        params: {},
        link: null,
        relayAccountId: null,
        relayName: null,
        currentRelayAccountId: null,
        createdAt: at(r.created),
        escalateAt: at(r.created + 120),
        escalatedAt: r.escalated === null ? null : at(r.escalated),
        confirmedAt: r.confirmed === null ? null : at(r.confirmed),
        confirmedBy: null,
        confirmedByName: null,
      }) as RelayTaskRow,
  );

describe('relay tasks as listed: order and figures', () => {
  it('lists every unconfirmed task before any confirmation, each part in its order', () => {
    fc.assert(
      fc.property(fc.array(arbTask, { maxLength: 40 }), (tasks) => {
        const sorted = [...tasks].sort(listOrder);
        const firstConfirmed = sorted.findIndex((k) => k.confirmedAt);
        if (firstConfirmed >= 0) expect(sorted.slice(firstConfirmed).every((k) => k.confirmedAt)).toBe(true);
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          if (!a.confirmedAt && !b.confirmedAt) expect(a.escalateAt <= b.escalateAt).toBe(true);
          if (a.confirmedAt && b.confirmedAt) expect(a.confirmedAt >= b.confirmedAt).toBe(true);
        }
      }),
    );
  });

  it('counts each task once, by its status, in the totals and in its building', () => {
    fc.assert(
      fc.property(fc.array(arbTask, { maxLength: 40 }), (tasks) => {
        const { totals, buildings } = relayFigures(tasks);
        expect(totals.open + totals.escalated + totals.confirmed).toBe(tasks.length);
        for (const status of ['open', 'escalated', 'confirmed'] as const) {
          expect(totals[status]).toBe(tasks.filter((k) => relayStatus(k) === status).length);
          expect(buildings.reduce((sum, b) => sum + b[status], 0)).toBe(totals[status]);
        }
        expect(new Set(buildings.map((b) => b.buildingId)).size).toBe(buildings.length);
        // the most overdue first, then the most open, then by building number
        for (let i = 1; i < buildings.length; i++) {
          const [a, b] = [buildings[i - 1]!, buildings[i]!];
          const key = (x: typeof a) => [-x.escalated, -x.open];
          const [ka, kb] = [key(a), key(b)];
          const cmp =
            ka[0]! - kb[0]! || ka[1]! - kb[1]! || byBuildingCode.compare(a.buildingCode, b.buildingCode);
          expect(cmp).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('calls a confirmed task confirmed even after it escalated', () => {
    expect(relayStatus({ confirmedAt: at(5), escalatedAt: at(1) })).toBe('confirmed');
    expect(relayStatus({ confirmedAt: null, escalatedAt: at(1) })).toBe('escalated');
    expect(relayStatus({ confirmedAt: null, escalatedAt: null })).toBe('open');
  });
});
