import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cancel, newShift, setCapacity, signUp } from './booking-model.ts';

const op = fc.oneof(
  fc.record({
    kind: fc.constant('signUp' as const),
    role: fc.constantFrom('sorter', 'rider'),
    who: fc.nat(9),
    wait: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('cancel' as const), who: fc.nat(9) }),
  fc.record({
    kind: fc.constant('capacity' as const),
    role: fc.constantFrom('sorter', 'rider'),
    capacity: fc.nat(5),
  }),
);

describe('the booking rules', () => {
  it('keep confirmed ≤ capacity, nobody twice, and the waitlist in order, under any sequence', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const shift = newShift({ sorter: 1, rider: 2 });
        const joined: string[] = [];
        for (const o of ops) {
          if (o.kind === 'signUp') {
            const r = signUp(shift, o.role, `v${o.who}`, o.wait);
            if (r.ok && r.status === 'waitlisted') joined.push(`v${o.who}`);
          } else if (o.kind === 'cancel') {
            cancel(shift, `v${o.who}`);
          } else {
            setCapacity(shift, o.role, o.capacity);
          }
          const everyone: string[] = [];
          for (const r of shift.values()) {
            expect(r.confirmed.length).toBeLessThanOrEqual(r.capacity);
            // nobody waits while a place in their role is free
            if (r.waitlist.length > 0) expect(r.confirmed.length).toBe(r.capacity);
            // the waitlist keeps the order people joined it in
            const order = r.waitlist.map((v) => joined.lastIndexOf(v));
            expect(order).toEqual([...order].sort((a, b) => a - b));
            everyone.push(...r.confirmed, ...r.waitlist);
          }
          expect(new Set(everyone).size).toBe(everyone.length);
        }
      }),
    );
  });

  it('gives a freed place to the first on the waitlist', () => {
    const shift = newShift({ rider: 1 });
    signUp(shift, 'rider', 'a', false);
    expect(signUp(shift, 'rider', 'b', false)).toEqual({ ok: false, code: 'SHIFT_FULL' });
    signUp(shift, 'rider', 'b', true);
    signUp(shift, 'rider', 'c', true);
    expect(cancel(shift, 'a')).toEqual({ ok: true, status: 'confirmed', promoted: ['b'] });
    expect(shift.get('rider')).toEqual({ capacity: 1, confirmed: ['b'], waitlist: ['c'] });
    expect(setCapacity(shift, 'rider', 0)).toEqual({ ok: false, code: 'CAPACITY_BELOW_TAKEN' });
  });
});
