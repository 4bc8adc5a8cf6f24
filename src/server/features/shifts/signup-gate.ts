import { signupWindow } from '../../../domain/shifts/rules.ts';
import { SHIFT_CANCELLED, SHIFT_PLACES } from '../../../shared/api/live-events.ts';
import type { Role } from '../../../shared/roles.ts';
import { type Db, fixedStatement } from '../../db/client.ts';
import type { LiveEvent } from '../../platform/live-events.ts';
import type { StoredAnswer } from '../../platform/stored-answers.ts';

/**
 * In a stampede nearly every request is for a shift that is already full. The gate answers those
 * without a transaction: from what it knows of the person and the shift (one read-only statement, or
 * the few seconds' memory below), and for an Idempotency-Key one statement that keeps the refusal or
 * finds the earlier answer. Requests that might get a place (or a waitlist entry, or a draw request)
 * go on to the transactional sign-up, which checks everything again under locks. Memory can only
 * change which refusal someone gets, never let anyone in: every place is still taken by
 * takePlace's conditional UPDATE.
 */
export interface PersonFacts {
  roles: Role[];
  volunteerStatus: string | null;
  groupIds: string[];
}
export interface ShiftFacts {
  status: string;
  mode: string;
  groupId: string;
  opensAt: Date;
  closesAt: Date;
  places: PlacesSeen;
}
export type PlacesSeen = { role: string; capacity: number; taken: number }[];

interface FactsRow {
  roles: Role[] | null;
  volunteer_status: string | null;
  group_ids: string[] | null;
  shift_status: string | null;
  mode: string | null;
  group_id: string | null;
  opens_at: string | Date | null;
  closes_at: string | Date | null;
  places: ShiftFacts['places'] | null;
  stored: StoredAnswer | null;
}

const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

const GATE_FACTS = `
  select
    (select array_agg(m.role) from memberships m where m.community_id = $1 and m.account_id = $2) as roles,
    v.status as volunteer_status,
    (select array_agg(gm.group_id) from group_members gm
      where gm.community_id = $1 and gm.volunteer_id = v.id) as group_ids,
    s.status as shift_status, s.mode, s.group_id, s.signup_opens_at as opens_at, s.signup_closes_at as closes_at,
    (select json_agg(json_build_object('role', r.role, 'capacity', r.capacity, 'taken', r.taken) order by r.sort)
      from shift_roles r where r.community_id = $1 and r.shift_id = s.id) as places,
    (select json_build_object('statusCode', k.status_code, 'response', k.response, 'operation', k.operation)
      from idempotency_keys k where k.community_id = $1 and k.account_id = $2 and k.key = $4) as stored
  from (select 1) as one
    left join volunteers v on v.community_id = $1 and v.account_id = $2
    left join shifts s on s.community_id = $1 and s.id = $3::uuid`;

const SHIFT_FACTS = `
  select s.status as shift_status, s.mode, s.group_id, s.signup_opens_at as opens_at,
    s.signup_closes_at as closes_at,
    (select json_agg(json_build_object('role', r.role, 'capacity', r.capacity, 'taken', r.taken) order by r.sort)
      from shift_roles r where r.community_id = $1 and r.shift_id = s.id) as places
  from shifts s where s.community_id = $1 and s.id = $2::uuid`;

const shiftOf = (row: FactsRow): ShiftFacts | null =>
  row.shift_status
    ? {
        status: row.shift_status,
        mode: row.mode!,
        groupId: row.group_id!,
        opensAt: asDate(row.opens_at!),
        closesAt: asDate(row.closes_at!),
        places: row.places ?? [],
      }
    : null;

const shiftLoads = new Map<string, Promise<ShiftFacts | null>>();

/**
 * The shift as it is now, remembered for the next requests. When the memory of a busy shift runs
 * out, every request arriving in the moment it takes to read it again waits for that one read.
 */
export function refreshShiftFacts(db: Db, communityId: string, shiftId: string) {
  const key = `${communityId}/${shiftId}`;
  let load = shiftLoads.get(key);
  if (!load) {
    load = fixedStatement<FactsRow>(db, SHIFT_FACTS, [communityId, shiftId])
      .then(([row]) => {
        const shift = row ? shiftOf(row) : null;
        if (shift) gateMemory.rememberShift(communityId, shiftId, shift);
        return shift;
      })
      .finally(() => shiftLoads.delete(key));
    shiftLoads.set(key, load);
  }
  return load;
}

/** Everything the gate needs, in one read: `person` is null for a non-member, `shift` for no such shift. */
export async function loadGateFacts(
  db: Db,
  communityId: string,
  accountId: string,
  shiftId: string,
  key: string | undefined,
) {
  const params = [communityId, accountId, shiftId, key ?? null];
  // One row always: everything hangs off `(select 1)`.
  const row = (await fixedStatement<FactsRow>(db, GATE_FACTS, params))[0]!;
  const person: PersonFacts | null = row.roles?.length
    ? { roles: row.roles, volunteerStatus: row.volunteer_status, groupIds: row.group_ids ?? [] }
    : null;
  const shift = shiftOf(row);
  return { person, shift, stored: row.stored };
}

/**
 * Whether the full sign-up would pass every check before the places: an approved member of the
 * group, an open first-come shift inside its window, no waitlist wish.
 */
function plainFirstCome(
  person: PersonFacts,
  shift: ShiftFacts,
  request: { role?: string; waitlist: boolean },
  now: Date,
): boolean {
  if (person.volunteerStatus !== 'approved' || !person.groupIds.includes(shift.groupId)) return false;
  if (shift.status !== 'open' || shift.mode !== 'first_come' || request.waitlist) return false;
  return signupWindow(now, shift.opensAt, shift.closesAt) === 'open';
}

/** The role a sign-up without a wish gets: the first with a free place, as signUpForShift chooses. */
const chosenRole = (places: PlacesSeen, wanted: string | undefined, claimed: (role: string) => number) =>
  wanted ?? places.find((p) => p.taken + claimed(p.role) < p.capacity)?.role ?? places[0]?.role;

/**
 * True when the full sign-up would pass every check before the places and then find the role full,
 * so that the errors and their order stay exactly those of signUpForShift.
 */
export function refusedAsFull(
  person: PersonFacts,
  shift: ShiftFacts,
  request: { role?: string; waitlist: boolean },
  now: Date,
): boolean {
  if (!plainFirstCome(person, shift, request, now)) return false;
  const wanted = chosenRole(shift.places, request.role, () => 0);
  const chosen = shift.places.find((p) => p.role === wanted);
  return chosen !== undefined && chosen.taken >= chosen.capacity;
}

/**
 * Sign-ups of this process on their way to a place, per shift and role. In a rush, once every free
 * place has one on its way, the rest are told "full" at once instead of queueing for the outcome; a
 * sign-up that fails gives its claim back, so the place is open to the next request. The row stays
 * the guard: claims only spare work, and another process's sign-ups are not counted here.
 */
export class PlaceClaims {
  /** Who holds a claim, per shift and role: one per person, whatever they send at once. */
  private readonly holders = new Map<string, Set<string>>();

  held(communityId: string, shiftId: string, role: string) {
    return this.holders.get(`${communityId}/${shiftId}/${role}`)?.size ?? 0;
  }

  /**
   * A claim on a place for a plain first-come sign-up: its release, `null` when every place of the
   * role is taken or claimed (refuse as full), or `undefined` when there is nothing to claim: the
   * request is not that simple, or its sender already holds a claim here (a second attempt at once
   * ends as "already signed up" or follows the first one's fate, so it must not hold a place too).
   */
  claim(
    communityId: string,
    shiftId: string,
    accountId: string,
    facts: { person: PersonFacts; shift: ShiftFacts },
    request: { role?: string; waitlist: boolean },
    now: Date,
  ): (() => void) | null | undefined {
    const { person, shift } = facts;
    if (!plainFirstCome(person, shift, request, now)) return undefined;
    const claimed = (role: string) => this.held(communityId, shiftId, role);
    const role = chosenRole(shift.places, request.role, claimed);
    const place = shift.places.find((p) => p.role === role);
    if (!place) return undefined;
    const key = `${communityId}/${shiftId}/${place.role}`;
    const holders = this.holders.get(key) ?? new Set<string>();
    if (holders.has(accountId)) return undefined;
    if (place.taken + holders.size >= place.capacity) return null;
    holders.add(accountId);
    this.holders.set(key, holders);
    return () => {
      holders.delete(accountId);
      if (holders.size === 0 && this.holders.get(key) === holders) this.holders.delete(key);
    };
  }
}

const SHIFT_FRESH_MS = 2_000;
const MAX_ENTRIES = 20_000;

/**
 * A few seconds' memory of people and shifts, per server process. Places follow every process's
 * `shift.places` events as they commit; a change made here forgets the shift at once.
 */
export class SignupGateMemory {
  /** On the embedded database this process makes every change, so what it knows stays true longer. */
  personFreshMs = 5_000;

  private readonly people = new Map<string, { facts: PersonFacts; at: number }>();
  private readonly shifts = new Map<string, { facts: ShiftFacts; at: number }>();

  person(communityId: string, accountId: string) {
    return fresh(this.people, `${communityId}/${accountId}`, this.personFreshMs);
  }
  shift(communityId: string, shiftId: string) {
    return fresh(this.shifts, `${communityId}/${shiftId}`, SHIFT_FRESH_MS);
  }
  remember(communityId: string, accountId: string, shiftId: string, person: PersonFacts, shift: ShiftFacts) {
    this.rememberPerson(communityId, accountId, person);
    this.rememberShift(communityId, shiftId, shift);
  }
  rememberShift(communityId: string, shiftId: string, shift: ShiftFacts) {
    keep(this.shifts, `${communityId}/${shiftId}`, shift);
  }
  rememberPerson(communityId: string, accountId: string, person: PersonFacts) {
    keep(this.people, `${communityId}/${accountId}`, person);
  }
  /**
   * Places as a committed state showed them (a sign-up's own commit, or a read that found a role
   * full), for a shift already remembered; others learn them from the shift.places event.
   */
  rememberPlaces(communityId: string, shiftId: string, seen: PlacesSeen) {
    const entry = this.shifts.get(`${communityId}/${shiftId}`);
    if (!entry) return;
    for (const changed of seen) {
      const place = entry.facts.places.find((p) => p.role === changed.role);
      if (place) Object.assign(place, { capacity: changed.capacity, taken: changed.taken });
    }
  }
  forgetShift(communityId: string, shiftId: string) {
    this.shifts.delete(`${communityId}/${shiftId}`);
  }

  /** Keeps the remembered places in step with what every process commits. */
  hear(event: LiveEvent) {
    const shiftId = (event.data as { shiftId?: unknown }).shiftId;
    if (typeof shiftId !== 'string') return;
    const key = `${event.communityId}/${shiftId}`;
    if (event.type === SHIFT_CANCELLED) this.shifts.delete(key);
    if (event.type !== SHIFT_PLACES) return;
    const entry = this.shifts.get(key);
    const roles = (event.data as { roles?: { role: string; capacity: number; taken: number }[] }).roles;
    if (!entry || !Array.isArray(roles)) return;
    if (roles.some((changed) => !entry.facts.places.some((p) => p.role === changed.role)))
      return this.shifts.delete(key);
    this.rememberPlaces(event.communityId, shiftId, roles);
  }
}

function fresh<T>(map: Map<string, { facts: T; at: number }>, key: string, freshMs: number): T | undefined {
  const entry = map.get(key);
  if (!entry) return undefined;
  if (performance.now() - entry.at > freshMs) {
    map.delete(key);
    return undefined;
  }
  return entry.facts;
}

function keep<T>(map: Map<string, { facts: T; at: number }>, key: string, facts: T) {
  if (map.size >= MAX_ENTRIES && !map.has(key)) map.delete(map.keys().next().value!);
  map.set(key, { facts, at: performance.now() });
}

/**
 * One memory per process: keys are community and shift or account ids (UUIDs), so apps on different
 * databases in one process (tests) never meet in it.
 */
export const gateMemory = new SignupGateMemory();
