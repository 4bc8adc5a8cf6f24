import { verifyDraw } from '../../../domain/shifts/draw.ts';
import type { TShiftDraw } from '../../../shared/api/shift-draws.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import * as drawRepo from './draw.repository.ts';
import { shiftActions } from './shifts.policy.ts';
import * as repo from './shifts.repository.ts';

/** Those who oversee every group see every shift's draw; a volunteer only the draws of their groups. */
const OVERSEERS = ['coordinator', 'staff', 'viewer'] as const;

/** Re-runs the recorded draw from its seed and inputs; true when it gives the recorded outcome. */
export function verifyShiftDraw(draw: { seed: string; results: drawRepo.DrawRecord }) {
  const { roles, entrants } = draw.results;
  return verifyDraw({ seed: draw.seed, roles, entrants }, entrants);
}

/**
 * A shift's draw as its audience may see it: the rule, the seed, every entrant's hours and outcome
 * in ranked order, and whether a re-run gives the same. Names go only to coordinators and the group's
 * leaders; everyone else sees ranks, with their own line marked.
 */
export async function getShiftDraw(deps: AppDeps, actor: Actor, shiftId: string): Promise<TShiftDraw> {
  authorize(actor, shiftActions['shifts.view']);
  const communityId = actor.communityId!;
  const row = await drawRepo.drawShiftRow(deps.db, communityId, shiftId);
  if (!row) throw notFound('shift');
  const me = await repo.volunteerOf(deps.db, communityId, actor.account.id);
  const myGroups = me ? await repo.groupsOfVolunteer(deps.db, communityId, me.id) : [];
  const inGroup = myGroups.find((g) => g.groupId === row.shift.groupId);
  if (!inGroup && !actor.roles.some((r) => (OVERSEERS as readonly string[]).includes(r))) {
    throw notFound('shift');
  }
  if (row.shift.mode !== 'draw') throw new AppError('NOT_A_DRAW');
  const namesShown = actor.roles.includes('coordinator') || Boolean(inGroup?.leader);
  const base = {
    shiftId,
    rule: 'fewer_hours_7d' as const,
    drawAt: row.shift.signupClosesAt.toISOString(),
    namesShown,
  };

  const draw = await drawRepo.findDraw(deps.db, communityId, shiftId);
  // A claimed draw whose transaction has not committed is invisible here, so a found one is complete.
  if (!draw) {
    const roles = await repo.rolesOf(deps.db, communityId, [shiftId]);
    return {
      ...base,
      status: 'pending',
      requests: roles.reduce((n, r) => n + r.requested, 0),
      roles: roles.map((r) => ({ role: r.role, places: r.capacity - r.taken, requests: r.requested })),
      drawnAt: null,
      seed: null,
      results: [],
      reproducible: null,
    };
  }

  const { roles, entrants } = draw.results;
  const names = namesShown
    ? await drawRepo.namesOfVolunteers(
        deps.db,
        communityId,
        entrants.map((e) => e.volunteerId),
      )
    : new Map<string, string>();
  return {
    ...base,
    status: 'drawn',
    requests: entrants.length,
    roles: roles.map((r) => ({
      role: r.role,
      places: Math.max(0, r.capacity - r.taken),
      requests: entrants.filter((e) => e.role === r.role).length,
    })),
    drawnAt: draw.drawnAt.toISOString(),
    seed: draw.seed,
    results: entrants.map((e) => ({
      role: e.role,
      rank: e.rank,
      hours: Math.round(e.hours7d * 10) / 10,
      wholeHours: e.wholeHours,
      outcome: e.outcome,
      position: e.position,
      mine: e.volunteerId === me?.id,
      name: namesShown ? (names.get(e.volunteerId) ?? null) : null,
    })),
    reproducible: verifyShiftDraw(draw),
  };
}
