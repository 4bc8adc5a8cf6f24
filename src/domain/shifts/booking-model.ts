/**
 * The booking rules of one shift as a plain model: what the database must do under any
 * interleaving. Property tests check the model's invariants, and check the server against it.
 */
export interface RoleModel {
  capacity: number;
  confirmed: string[];
  waitlist: string[];
}
export type ShiftModel = Map<string, RoleModel>;

export type Outcome =
  | { ok: true; status: 'confirmed' | 'waitlisted'; promoted?: string[] }
  | { ok: false; code: 'SHIFT_FULL' | 'ALREADY_SIGNED_UP' | 'NOT_SIGNED_UP' | 'CAPACITY_BELOW_TAKEN' };

export const newShift = (roles: Record<string, number>): ShiftModel =>
  new Map(Object.entries(roles).map(([role, capacity]) => [role, { capacity, confirmed: [], waitlist: [] }]));

const holds = (shift: ShiftModel, volunteer: string) =>
  [...shift.values()].some((r) => r.confirmed.includes(volunteer) || r.waitlist.includes(volunteer));

export function signUp(shift: ShiftModel, role: string, volunteer: string, joinWaitlist: boolean): Outcome {
  const r = shift.get(role)!;
  if (holds(shift, volunteer)) return { ok: false, code: 'ALREADY_SIGNED_UP' };
  if (r.confirmed.length < r.capacity) {
    r.confirmed.push(volunteer);
    return { ok: true, status: 'confirmed' };
  }
  if (!joinWaitlist) return { ok: false, code: 'SHIFT_FULL' };
  r.waitlist.push(volunteer);
  return { ok: true, status: 'waitlisted' };
}

/** A confirmed place given up goes to the first on the waitlist. */
export function cancel(shift: ShiftModel, volunteer: string): Outcome {
  for (const r of shift.values()) {
    const w = r.waitlist.indexOf(volunteer);
    if (w >= 0) {
      r.waitlist.splice(w, 1);
      return { ok: true, status: 'waitlisted' };
    }
    const c = r.confirmed.indexOf(volunteer);
    if (c >= 0) {
      r.confirmed.splice(c, 1);
      const promoted = r.waitlist.splice(0, Math.max(0, r.capacity - r.confirmed.length));
      r.confirmed.push(...promoted);
      return { ok: true, status: 'confirmed', promoted };
    }
  }
  return { ok: false, code: 'NOT_SIGNED_UP' };
}

/** Capacity never drops below those already confirmed; more room promotes from the waitlist. */
export function setCapacity(shift: ShiftModel, role: string, capacity: number): Outcome {
  const r = shift.get(role)!;
  if (capacity < r.confirmed.length) return { ok: false, code: 'CAPACITY_BELOW_TAKEN' };
  r.capacity = capacity;
  const promoted = r.waitlist.splice(0, Math.max(0, capacity - r.confirmed.length));
  r.confirmed.push(...promoted);
  return { ok: true, status: 'confirmed', promoted };
}
