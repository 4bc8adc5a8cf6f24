import { createRandom, type Random } from '../../domain/random.ts';
import { DEFAULT_GROUPS } from '../../shared/groups.ts';
import { syntheticMobile, syntheticName } from './names.ts';

/**
 * The demo compound of the story (歌林春天, Pengpu town): 125 buildings, 2,194 households,
 * about 6,000 residents, 2 cadres + 6 social workers, a secretary and 280 volunteers.
 * Pure and deterministic: the same plan every time, so tests and benchmarks can rely on it.
 */
export const GELIN = { buildings: 125, households: 2194, volunteers: 280, residentAccounts: 200 } as const;
const REFERENCE_YEAR = 2026;
const SEED = 20_220_409;

export interface PlannedResident {
  name: string;
  sex: 'M' | 'F';
  birthYear: number;
  mobile: string | null;
  flags: string[];
  note: string | null;
}
export interface PlannedHousehold {
  buildingCode: string;
  room: string;
  phone: string | null;
  residents: PlannedResident[];
}
export interface PlannedVolunteer {
  username: string;
  household: number;
  resident: number;
  groups: string[];
  leaderOf: string | null;
  partyMember: boolean;
  skills: string[];
  vehicles: string[];
  ageBand: string;
  workplace: string;
}

function buildingLayout() {
  // Two zones side by side, 7 rows each, entered from the west and the east gate.
  const buildings: { code: string; zoneCode: 'west' | 'east'; floors: number; x: number; y: number }[] = [];
  for (let i = 0; i < GELIN.buildings; i++) {
    const zoneCode = i < 63 ? 'west' : 'east';
    const k = zoneCode === 'west' ? i : i - 63;
    const row = Math.floor(k / 9);
    const col = k % 9;
    const x = zoneCode === 'west' ? 30 + col * 26 : 290 + col * 26;
    buildings.push({ code: String(i + 1), zoneCode, floors: 6, x, y: 30 + row * 40 });
  }
  return buildings;
}

function planResidents(random: Random, size: number): PlannedResident[] {
  const person = (sex: 'M' | 'F', birthYear: number): PlannedResident => ({
    name: syntheticName(random, sex),
    sex,
    birthYear,
    mobile: REFERENCE_YEAR - birthYear >= 16 && random.chance(0.9) ? syntheticMobile(random) : null,
    flags: [],
    note: null,
  });
  const sexes = (): ['M', 'F'] | ['F', 'M'] => (random.chance(0.5) ? ['M', 'F'] : ['F', 'M']);
  const people: PlannedResident[] = [];
  if (size === 1) {
    people.push(
      person(
        random.chance(0.45) ? 'M' : 'F',
        random.chance(0.55) ? random.int(1936, 1956) : random.int(1970, 2000),
      ),
    );
  } else {
    const [a, b] = sexes();
    const elderly = random.chance(0.3);
    const base = elderly ? random.int(1938, 1958) : random.int(1965, 1995);
    people.push(person(a, base), person(b, base + random.int(-3, 3)));
    for (let i = 2; i < size; i++) {
      const childYear = base + random.int(24, 34);
      if (elderly && i === 2) people.push(person(random.chance(0.5) ? 'M' : 'F', childYear));
      else
        people.push(
          person(random.chance(0.5) ? 'M' : 'F', Math.min(REFERENCE_YEAR, childYear + (elderly ? 28 : 0))),
        );
    }
  }
  for (const p of people)
    applyFlags(random, p, people.length === 1 || people.every((q) => REFERENCE_YEAR - q.birthYear >= 70));
  return people;
}

function applyFlags(random: Random, p: PlannedResident, livesWithoutYoungerFamily: boolean) {
  const age = REFERENCE_YEAR - p.birthYear;
  if (age >= 80) p.flags.push('elderly');
  if (age >= 70 && livesWithoutYoungerFamily) p.flags.push('elderly_alone');
  if (age >= 75 && random.chance(0.18)) p.flags.push('hearing_impaired');
  if (age >= 70 && random.chance(0.1)) p.flags.push('mobility_impaired');
  if (age >= 60 && random.chance(0.2)) {
    p.flags.push('chronic_medication');
    p.note = random.pick(['降压药', '二甲双胍', '胰岛素', '他汀类', '华法林', '速效救心丸']);
  }
  if (age <= 2) p.flags.push('infant');
  if (p.sex === 'F' && age >= 24 && age <= 38 && random.chance(0.03)) p.flags.push('pregnant');
  if (random.chance(0.01)) p.flags.push('disabled');
}

export function planGelin() {
  const random = createRandom(SEED);
  const buildings = buildingLayout();
  const households: PlannedHousehold[] = [];
  // 69 buildings hold 18 households and 56 hold 17: 2,194 in all.
  buildings.forEach((b, index) => {
    const count = index < 69 ? 18 : 17;
    for (let n = 0; n < count; n++) {
      const floor = Math.floor(n / 3) + 1;
      const size = random.pick([1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5]);
      const residents = planResidents(random, size);
      const phone = residents.find((r) => r.mobile)?.mobile ?? null;
      households.push({ buildingCode: b.code, room: `${floor}0${(n % 3) + 1}`, phone, residents });
    }
  });
  // The couple of the story: in their eighties, living alone, hard of hearing; and the insulin patient.
  const couple = households[7]!;
  couple.residents = [
    {
      name: '陆伯伯',
      sex: 'M',
      birthYear: 1941,
      mobile: null,
      flags: ['elderly', 'elderly_alone', 'hearing_impaired'],
      note: '耳背，需当面慢慢沟通',
    },
    {
      name: '沈阿婆',
      sex: 'F',
      birthYear: 1943,
      mobile: null,
      flags: ['elderly', 'elderly_alone', 'hearing_impaired'],
      note: '耳背',
    },
  ];
  couple.phone = null;
  const insulin = households[40]!.residents[0]!;
  insulin.flags = [...new Set([...insulin.flags, 'chronic_medication'])];
  insulin.note = '胰岛素';
  const volunteers = planVolunteers(random, households);
  // v002 rides a tricycle for the parcels group: the demo's known rider (seed-shifts.ts).
  volunteers[1]!.vehicles = ['tricycle'];
  return {
    buildings,
    households,
    volunteers,
    residentAccounts: planResidentAccounts(households, volunteers),
  };
}

function planVolunteers(random: Random, households: PlannedHousehold[]): PlannedVolunteer[] {
  const sizes = [80, 70, 30, 40, 30, 30];
  const candidates: { household: number; resident: number; age: number }[] = [];
  households.forEach((h, hi) => {
    h.residents.forEach((r, ri) => {
      const age = REFERENCE_YEAR - r.birthYear;
      if (age >= 22 && age <= 68 && r.mobile) candidates.push({ household: hi, resident: ri, age });
    });
  });
  const step = Math.floor(candidates.length / GELIN.volunteers);
  const volunteers: PlannedVolunteer[] = [];
  let groupIndex = 0;
  let filled = 0;
  for (let i = 0; i < GELIN.volunteers; i++) {
    const c = candidates[i * step]!;
    if (filled === sizes[groupIndex]) {
      groupIndex++;
      filled = 0;
    }
    const group = DEFAULT_GROUPS[groupIndex]!.key;
    const groups = random.chance(0.15) ? [group, random.pick(DEFAULT_GROUPS).key] : [group];
    volunteers.push({
      username: `v${String(i + 1).padStart(3, '0')}`,
      household: c.household,
      resident: c.resident,
      groups: [...new Set(groups)],
      leaderOf: filled === 0 ? group : null,
      partyMember: random.chance(0.85),
      skills: random.chance(0.4) ? [random.pick(['driving', 'medical', 'zh_en', 'dialect', 'lifting'])] : [],
      vehicles: random.chance(0.35)
        ? [random.pick(['tricycle', 'e_bike', 'bicycle', 'hand_cart', 'car'])]
        : [],
      ageBand: c.age < 30 ? '18-29' : c.age < 45 ? '30-44' : c.age < 60 ? '45-59' : '60+',
      workplace: random.pick(['市级机关', '区级机关', '企业', '学校', '医院', '自由职业', '退休']),
    });
    filled++;
  }
  return volunteers;
}

/** Resident accounts for a spread of households that have no volunteer (one account per person). */
function planResidentAccounts(households: PlannedHousehold[], volunteers: PlannedVolunteer[]) {
  const withVolunteer = new Set(volunteers.map((v) => v.household));
  const eligible = households.map((_, i) => i).filter((i) => !withVolunteer.has(i));
  const step = Math.floor(eligible.length / GELIN.residentAccounts);
  return Array.from({ length: GELIN.residentAccounts }, (_, i) => {
    const household = eligible[i * step]!;
    const resident = Math.max(
      0,
      households[household]!.residents.findIndex((r) => r.mobile),
    );
    return { username: `r${String(i + 1).padStart(4, '0')}`, household, resident };
  });
}

export type GelinPlan = ReturnType<typeof planGelin>;
