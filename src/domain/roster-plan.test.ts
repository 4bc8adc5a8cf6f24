import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VULNERABILITY_FLAGS } from '../shared/registry.ts';
import type { RosterField } from '../shared/roster-codes.ts';
import {
  householdKey,
  type ImportPlan,
  type ImportRecord,
  planRosterImport,
  type RegistrySnapshot,
  residentKey,
} from './roster-plan.ts';

const ALL_FIELDS: RosterField[] = ['building', 'room', 'name', 'sex', 'birthYear', 'mobile', 'flags', 'note'];

const record = fc.record({
  row: fc.nat(10_000),
  building: fc.constantFrom('1', '2', '12', '125'),
  room: fc.constantFrom('101', '1203', '502'),
  name: fc.constantFrom('张伟', '李芳', '王强', '陆伯伯'),
  sex: fc.constantFrom<'M' | 'F' | null>('M', 'F', null),
  birthYear: fc.option(fc.integer({ min: 1930, max: 2025 }), { nil: null }),
  mobile: fc.option(fc.stringMatching(/^1[3-9]\d{9}$/), { nil: null }),
  flags: fc.uniqueArray(fc.constantFrom(...VULNERABILITY_FLAGS), { maxLength: 3 }),
  note: fc.option(fc.constantFrom('胰岛素', '人户分离'), { nil: null }),
});
// A parsed roster never holds the same person twice: duplicates are merged before planning.
const roster = fc.uniqueArray(record, {
  selector: (r) => residentKey(r.building, r.room, r.name),
  maxLength: 40,
});

const empty = (): RegistrySnapshot => ({ buildings: new Map(), households: new Map(), residents: new Map() });

/** What the database would hold after the plan is written. */
function apply(snapshot: RegistrySnapshot, plan: ImportPlan): RegistrySnapshot {
  const next: RegistrySnapshot = {
    buildings: new Map(snapshot.buildings),
    households: new Map(snapshot.households),
    residents: new Map(snapshot.residents),
  };
  for (const code of plan.newBuildings) next.buildings.set(code, `b-${code}`);
  for (const h of plan.newHouseholds)
    next.households.set(householdKey(h.building, h.room), {
      id: `h-${h.building}-${h.room}`,
      phone: h.phone,
    });
  for (const [key, h] of next.households) {
    const phone = plan.householdPhones.find((p) => p.id === h.id)?.phone;
    if (phone) next.households.set(key, { ...h, phone });
  }
  for (const r of plan.newResidents)
    next.residents.set(residentKey(r.building, r.room, r.name), { id: `r-${r.row}`, ...r.values });
  for (const u of plan.updatedResidents) {
    const key = [...next.residents].find(([, v]) => v.id === u.id)![0];
    next.residents.set(key, { id: u.id, ...u.values });
  }
  return next;
}

describe('planRosterImport', () => {
  it('creates everyone on an empty registry, one household per building and room', () => {
    fc.assert(
      fc.property(roster, (records) => {
        const plan = planRosterImport(records, ALL_FIELDS, empty());
        expect(plan.newResidents).toHaveLength(records.length);
        expect(plan.newHouseholds).toHaveLength(
          new Set(records.map((r) => householdKey(r.building, r.room))).size,
        );
        expect(plan.newBuildings).toEqual(
          [...new Set(records.map((r) => r.building))].sort((a, b) => Number(a) - Number(b)),
        );
      }),
    );
  });

  it('changes nothing when the same roster is imported again', () => {
    fc.assert(
      fc.property(roster, (records) => {
        const first = planRosterImport(records, ALL_FIELDS, empty());
        const again = planRosterImport(records, ALL_FIELDS, apply(empty(), first));
        expect(again.newBuildings).toEqual([]);
        expect(again.newHouseholds).toEqual([]);
        expect(again.newResidents).toEqual([]);
        expect(again.updatedResidents).toEqual([]);
        expect(again.householdPhones).toEqual([]);
        expect(again.unchanged).toBe(records.length);
      }),
    );
  });

  it('never erases stored data with a blank cell or a missing column', () => {
    fc.assert(
      fc.property(roster, (records) => {
        const stored = apply(empty(), planRosterImport(records, ALL_FIELDS, empty()));
        const blanks = records.map((r) => ({ ...r, sex: null, birthYear: null, mobile: null, note: null }));
        const plan = planRosterImport(blanks, ['building', 'room', 'name'], stored);
        expect(plan.updatedResidents).toEqual([]);
        expect(plan.unchanged).toBe(records.length);
      }),
    );
  });

  it('updates what the sheet changes', () => {
    const base: ImportRecord = {
      row: 3,
      building: '12',
      room: '1203',
      name: '张伟',
      sex: 'M',
      birthYear: 1980,
      mobile: null,
      flags: [],
      note: null,
    };
    const stored = apply(empty(), planRosterImport([base], ALL_FIELDS, empty()));
    const plan = planRosterImport(
      [{ ...base, mobile: '13812345678', flags: ['chronic_medication'] }],
      ALL_FIELDS,
      stored,
    );
    expect(plan.updatedResidents).toEqual([
      {
        id: 'r-3',
        values: {
          sex: 'M',
          birthYear: 1980,
          mobile: '13812345678',
          flags: ['chronic_medication'],
          note: null,
        },
      },
    ]);
    expect(plan.householdPhones).toEqual([{ id: 'h-12-1203', phone: '13812345678' }]);
  });
});
