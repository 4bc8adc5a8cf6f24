import type { RosterField } from '../shared/roster-codes.ts';
import type { RosterRecord } from './roster/types.ts';

/** What the registry holds now, keyed the way a roster matches: household by building + room, resident by name. */
export interface RegistrySnapshot {
  buildings: Map<string, string>;
  households: Map<string, { id: string; phone: string | null }>;
  residents: Map<string, ExistingResident>;
}
export interface ExistingResident {
  id: string;
  sex: string | null;
  birthYear: number | null;
  mobile: string | null;
  flags: string[];
  note: string | null;
}
/** A parsed roster row (see roster/types.ts). */
export type ImportRecord = RosterRecord;
export type ResidentValues = Omit<ExistingResident, 'id'>;

export const householdKey = (building: string, room: string) => `${building}\u0000${room}`;
export const residentKey = (building: string, room: string, name: string) =>
  `${building}\u0000${room}\u0000${name}`;

export interface ImportPlan {
  newBuildings: string[];
  newHouseholds: { building: string; room: string; phone: string | null }[];
  householdPhones: { id: string; phone: string }[];
  newResidents: (ImportRecord & { values: ResidentValues })[];
  updatedResidents: { id: string; values: ResidentValues }[];
  unchanged: number;
  householdsUpdated: number;
}

const sameFlags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Decides what a roster changes. The sheet wins for the columns it has; a blank cell or an
 * absent column keeps what is stored, so importing the same sheet twice changes nothing.
 */
export function planRosterImport(
  records: readonly ImportRecord[],
  fieldsPresent: readonly RosterField[],
  existing: RegistrySnapshot,
): ImportPlan {
  const has = (f: RosterField) => fieldsPresent.includes(f);
  const hasBirth = has('birthYear') || has('age');
  const hasNote = has('note') || has('registration') || has('flags');
  const plan: ImportPlan = {
    newBuildings: [],
    newHouseholds: [],
    householdPhones: [],
    newResidents: [],
    updatedResidents: [],
    unchanged: 0,
    householdsUpdated: 0,
  };
  const newBuildings = new Set<string>();
  const newHouseholds = new Map<string, { building: string; room: string; phone: string | null }>();
  const phoned = new Set<string>();
  for (const r of records) {
    if (!existing.buildings.has(r.building)) newBuildings.add(r.building);
    const hKey = householdKey(r.building, r.room);
    const household = existing.households.get(hKey);
    if (!household) {
      const planned = newHouseholds.get(hKey) ?? { building: r.building, room: r.room, phone: null };
      planned.phone ??= r.mobile;
      newHouseholds.set(hKey, planned);
    } else if (!household.phone && r.mobile && !phoned.has(household.id)) {
      phoned.add(household.id);
      plan.householdPhones.push({ id: household.id, phone: r.mobile });
    }
    const current = existing.residents.get(residentKey(r.building, r.room, r.name));
    const values: ResidentValues = {
      sex: r.sex ?? current?.sex ?? null,
      birthYear: hasBirth && r.birthYear !== null ? r.birthYear : (current?.birthYear ?? null),
      mobile: r.mobile ?? current?.mobile ?? null,
      flags: has('flags') ? r.flags : (current?.flags ?? r.flags),
      note: hasNote && r.note !== null ? r.note : (current?.note ?? null),
    };
    if (!current) {
      plan.newResidents.push({ ...r, values });
    } else if (
      values.sex !== current.sex ||
      values.birthYear !== current.birthYear ||
      values.mobile !== current.mobile ||
      values.note !== current.note ||
      !sameFlags(values.flags, current.flags)
    ) {
      plan.updatedResidents.push({ id: current.id, values });
    } else {
      plan.unchanged++;
    }
  }
  plan.newBuildings = [...newBuildings].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  plan.newHouseholds = [...newHouseholds.values()];
  plan.householdsUpdated = plan.householdPhones.length;
  return plan;
}
