import { createRandom, seedFromText } from '../random.ts';

/**
 * The fair draw of a shift's places (rule key `fewer_hours_7d`), in plain words:
 * those who served fewer whole hours in the last 7 days come first; among equal hours the order is
 * drawn at random from the recorded seed; each role's free places go down that order and the rest
 * wait in that order. Arrival time inside the window gives no advantage.
 */
export const DRAW_RULE = 'fewer_hours_7d';

export interface DrawEntrant {
  signupId: string;
  volunteerId: string;
  role: string;
  /** hours served in the 7 days before the draw */
  hours7d: number;
  /** ISO time of the request; only orders the input canonically, never the outcome */
  requestedAt: string;
}

export interface DrawRole {
  role: string;
  capacity: number;
  /** places already confirmed before the draw */
  taken: number;
}

export interface DrawInput {
  seed: string;
  entrants: readonly DrawEntrant[];
  roles: readonly DrawRole[];
}

export type DrawOutcome = 'confirmed' | 'waitlisted';

export interface DrawResult extends DrawEntrant {
  /** the whole hours the ranking compares */
  wholeHours: number;
  /** place in the role's ranking, 1 = first */
  rank: number;
  outcome: DrawOutcome;
  /** place on the role's waitlist, 1 = next to move up; null when confirmed */
  position: number | null;
}

/** Whole hours: 3 h 59 min is 3; the epsilon keeps 4 h computed as 3.9999999 at 4. */
export const wholeHours = (hours: number) => Math.max(0, Math.floor(hours + 1e-9));

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Draws the places. Pure and deterministic: the same seed, entrants and roles give the same result
 * whatever order the entrants come in, so the record of a draw is enough to re-run and check it.
 * Results come grouped by role (in the order of `roles`), each role in ranked order.
 */
export function drawPlaces({ seed, entrants, roles }: DrawInput): DrawResult[] {
  // A canonical order first, so the database's row order cannot change the draw.
  const pool = [...entrants].sort(
    (a, b) => compareText(a.requestedAt, b.requestedAt) || compareText(a.signupId, b.signupId),
  );
  // Fisher–Yates from the seed: every order equally likely.
  const random = createRandom(seedFromText(seed));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  // A stable sort by whole hours keeps the random order among equals.
  const ranked = pool
    .map((e) => ({ entrant: e, whole: wholeHours(e.hours7d) }))
    .sort((a, b) => a.whole - b.whole);

  const roleOrder = roles.map((r) => r.role);
  for (const role of [...new Set(entrants.map((e) => e.role))].sort(compareText)) {
    if (!roleOrder.includes(role)) roleOrder.push(role);
  }
  const results: DrawResult[] = [];
  for (const role of roleOrder) {
    const spec = roles.find((r) => r.role === role);
    // An entrant for a role the shift no longer has can only wait.
    const free = spec ? Math.max(0, spec.capacity - spec.taken) : 0;
    let rank = 0;
    let waiting = 0;
    for (const { entrant, whole } of ranked) {
      if (entrant.role !== role) continue;
      rank += 1;
      const confirmed = rank <= free;
      results.push({
        ...entrant,
        wholeHours: whole,
        rank,
        outcome: confirmed ? 'confirmed' : 'waitlisted',
        position: confirmed ? null : ++waiting,
      });
    }
  }
  return results;
}

/** True when re-running the draw from its record gives exactly the recorded outcome. */
export function verifyDraw(input: DrawInput, recorded: readonly DrawResult[]): boolean {
  const again = drawPlaces(input);
  if (again.length !== recorded.length) return false;
  return again.every((r, i) => {
    const s = recorded[i]!;
    return (
      r.signupId === s.signupId && r.role === s.role && r.outcome === s.outcome && r.position === s.position
    );
  });
}
