/**
 * Pickup codes (取件码): four digits a household shows, or tells the relay contact, to take its
 * parcels from the building. A code is unique among the building's parcels not yet picked up, so a
 * building and a code name one household's parcels and nobody else's.
 */
export const PICKUP_CODE_DIGITS = 4;
export const PICKUP_CODE_SPACE = 10 ** PICKUP_CODE_DIGITS;
export const PICKUP_CODE_PATTERN = /^\d{4}$/;

export class PickupCodesExhausted extends Error {
  constructor(readonly needed: number) {
    super(`no ${needed} free pickup codes left in the building`);
    this.name = 'PickupCodesExhausted';
  }
}

/**
 * Who one code is for: a household; for parcels whose room matched no household, the room as
 * typed; for parcels with no room at all, each parcel on its own (nobody can say whose they are).
 */
export function pickupGroupOf(parcel: { id: string; householdId: string | null; room: string | null }) {
  if (parcel.householdId) return `household:${parcel.householdId}`;
  if (parcel.room) return `room:${parcel.room}`;
  return `parcel:${parcel.id}`;
}

const asCode = (n: number) => String(n).padStart(PICKUP_CODE_DIGITS, '0');

/**
 * A fresh code for each group, none of them taken and no two alike. `randomBelow(n)` must return
 * an integer in [0, n): the server passes crypto.randomInt, since a guessable code would hand
 * parcels to whoever guesses. Draws at random first; when the building is crowded, picks among the
 * codes still free, so it never loops for long and fails only when fewer codes are free than needed.
 */
export function assignPickupCodes(
  groups: readonly string[],
  taken: ReadonlySet<string>,
  randomBelow: (n: number) => number,
): Map<string, string> {
  const unique = [...new Set(groups)];
  const used = new Set(taken);
  if (PICKUP_CODE_SPACE - used.size < unique.length) throw new PickupCodesExhausted(unique.length);
  const codes = new Map<string, string>();
  for (const group of unique) {
    let code: string | null = null;
    for (let attempt = 0; attempt < 20 && code === null; attempt++) {
      const candidate = asCode(randomBelow(PICKUP_CODE_SPACE));
      if (!used.has(candidate)) code = candidate;
    }
    if (code === null) {
      const free: string[] = [];
      for (let n = 0; n < PICKUP_CODE_SPACE; n++) if (!used.has(asCode(n))) free.push(asCode(n));
      code = free[randomBelow(free.length)]!;
    }
    used.add(code);
    codes.set(group, code);
  }
  return codes;
}
