import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOverdue, itemsPerPerson, type OwnedItem } from './action-items.ts';

const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-04-${String(d).padStart(2, '0')}`);
const item = fc.record({
  id: fc.uuid(),
  ownerAccountId: fc.constantFrom('a', 'b', 'c', 'd'),
  status: fc.constantFrom('open', 'done', 'dropped') as fc.Arbitrary<OwnedItem['status']>,
  dueOn: day,
});
const items = fc
  .uniqueArray(item, { selector: (i) => i.id, maxLength: 40 })
  .map((list) => list.map((i) => ({ ...i, ownerName: `名${i.ownerAccountId}` })));

describe('open action items per person', () => {
  it('keeps every item once, under its owner, overdue ones before every other item of the person', () => {
    fc.assert(
      fc.property(items, day, (list, today) => {
        const people = itemsPerPerson(list, today);
        expect(people.flatMap((p) => p.items.map((i) => i.id)).sort()).toEqual(list.map((i) => i.id).sort());
        for (const p of people) {
          expect(p.items.every((i) => i.ownerAccountId === p.ownerAccountId)).toBe(true);
          const flags = p.items.map((i) => isOverdue(i, today));
          expect(p.overdue).toBe(flags.filter(Boolean).length);
          // overdue first: no overdue item after one that is not
          expect(flags.indexOf(false) === -1 || flags.lastIndexOf(true) < flags.indexOf(false)).toBe(true);
          // open before finished
          const open = p.items.map((i) => i.status === 'open');
          expect(open.indexOf(false) === -1 || open.lastIndexOf(true) < open.indexOf(false)).toBe(true);
        }
        for (let k = 1; k < people.length; k++)
          expect(people[k - 1]!.overdue >= people[k]!.overdue).toBe(true);
      }),
    );
  });

  it('does not depend on the order the items come in', () => {
    fc.assert(
      fc.property(items, day, (list, today) => {
        const reversed = itemsPerPerson([...list].reverse(), today);
        expect(reversed).toEqual(itemsPerPerson(list, today));
      }),
    );
  });

  it('is not overdue on the due day itself, nor once done', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-04-13' }, '2026-04-13')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: '2026-04-12' }, '2026-04-13')).toBe(true);
    expect(isOverdue({ status: 'done', dueOn: '2026-04-01' }, '2026-04-13')).toBe(false);
  });
});
