import type { TSignUp, TSignup } from '../../../shared/api/shifts.ts';
import { ZSignUp } from '../../../shared/api/shifts.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps, SignedInAccount } from '../../platform/context.ts';
import { type Answer, replay, type Scope, storedAnswer } from '../../platform/idempotency.ts';
import { KeyedTurns } from '../../platform/keyed-turns.ts';
import { refusalsOf } from '../../platform/refusal-buffer.ts';
import { shiftActions } from './shifts.policy.ts';
import {
  gateMemory,
  loadGateFacts,
  type PersonFacts,
  PlaceClaims,
  refreshShiftFacts,
  refusedAsFull,
} from './signup-gate.ts';
import { findSignupPerson } from './signup-people.ts';
import { prewarmGroup } from './signup-prewarm.ts';
import { signUpForShift } from './signups.service.ts';

/**
 * The route's way in: the gate answers the many requests for a full shift (and retries of a kept
 * answer) with at most one statement, and only the rest pay for the transactional sign-up.
 */
export async function signUpThroughGate(
  deps: AppDeps,
  account: SignedInAccount,
  communityId: string,
  shiftId: string,
  input: TSignUp,
  key?: string,
) {
  const request = ZSignUp.parse(input ?? {});
  const scope = { communityId, accountId: account.id, operation: `signUpForShift:${shiftId}` };
  const keyed = key ? { ...scope, key } : undefined;
  const refusals = refusalsOf(deps.db);
  const keptHere = keyed && refusals.find(keyed);
  if (keptHere) return replay(keptHere, scope.operation) as Answer<TSignup>;
  const now = deps.clock.now();
  let person = gateMemory.person(communityId, account.id);
  let shift = gateMemory.shift(communityId, shiftId);
  let earlierLookedUp = false;
  // A rush of requests finding nothing in memory waits for one read of the shift and one of its group,
  // rather than each reading its own person and the shift.
  shift ??= (await refreshShiftFacts(deps.db, communityId, shiftId)) ?? undefined;
  if (!person && shift) {
    // The rest of the group will follow in the next seconds: read them all once, in the background.
    void prewarmGroup(deps, communityId, shift.groupId).catch(() => {});
    person = await findSignupPerson(deps.db, communityId, account.id);
  }
  if (!person || !shift) {
    const facts = await loadGateFacts(deps.db, communityId, account.id, shiftId, key);
    // A non-member learns nothing about the community, as everywhere else.
    if (!facts.person) throw notFound('community');
    if (facts.stored) return replay(facts.stored, scope.operation) as Answer<TSignup>;
    const actor = actorOf(account, communityId, facts.person);
    if (!facts.shift) return signUpForShift(deps, actor, shiftId, input, key);
    gateMemory.remember(communityId, account.id, shiftId, facts.person, facts.shift);
    person = facts.person;
    shift = facts.shift;
    earlierLookedUp = true;
  }
  const actor = actorOf(account, communityId, person);
  const known = { person, shift };
  const refuse = () => refuseAsFull(deps, actor, keyed, scope.operation, earlierLookedUp);
  if (refusedAsFull(person, shift, request, now)) return refuse();
  const release = placeClaims.claim(communityId, shiftId, account.id, known, request, now);
  if (release === null) return refuse();
  try {
    return await inTurn();
  } finally {
    release?.();
  }

  // The places of one shift are one row: more sign-ups at once would only queue on its lock. Those
  // waiting here look at the places again when their turn comes, and most find the shift full by then.
  function inTurn() {
    return signupTurns.run(`${communityId}/${shiftId}`, async () => {
      // Memory lapses while the places change: those queued here then share one read of them.
      const latest =
        gateMemory.shift(communityId, shiftId) ??
        (await refreshShiftFacts(deps.db, communityId, shiftId)) ??
        known.shift;
      if (refusedAsFull(known.person, latest, request, deps.clock.now())) return refuse();
      return signUpForShift(deps, actor, shiftId, input, key);
    });
  }
}

const signupTurns = new KeyedTurns(16);
const placeClaims = new PlaceClaims();

async function refuseAsFull(
  deps: AppDeps,
  actor: Actor,
  keyed: (Scope & { key: string }) | undefined,
  operation: string,
  earlierLookedUp: boolean,
): Promise<Answer<TSignup>> {
  authorize(actor, shiftActions['shifts.signup']);
  const refusal = new AppError('SHIFT_FULL');
  if (keyed) {
    // A retry of a request answered before (a place taken, say) gets that answer, not this one.
    const earlier = earlierLookedUp ? undefined : await storedAnswer(deps.db, keyed);
    if (earlier) return replay(earlier, operation) as Answer<TSignup>;
    refusalsOf(deps.db).keep(keyed, refusal);
  }
  throw refusal;
}

const actorOf = (account: SignedInAccount, communityId: string, person: PersonFacts): Actor => ({
  account,
  communityId,
  roles: person.roles,
});
