import { randomBytes } from 'node:crypto';
import { DRAW_RULE, type DrawEntrant, drawPlaces } from '../../../domain/shifts/draw.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { PolicyRole } from '../../platform/authorize.ts';
import { registerBackgroundTask } from '../../platform/background.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { notify } from '../../platform/notices.ts';
import { hoursInLastDays } from './attendance.repository.ts';
import { shiftStillOpen } from './cancel-shift.repository.ts';
import * as drawRepo from './draw.repository.ts';
import { getShiftDraw } from './draw-view.service.ts';
import { rolesOf, shiftTitle } from './shifts.repository.ts';
import { authorizeGroup } from './shifts.service.ts';

const HOURS_WINDOW_DAYS = 7;

/** Who made the draw happen: the background task at the close, or a leader asking for it. */
type DrawnBy = { account: Actor['account']; role: PolicyRole } | null;

class CancelledMeanwhile extends Error {}

/** A fresh seed per draw; recorded, so the draw can be re-run and checked by anyone. */
const newSeed = () => randomBytes(12).toString('hex');

/**
 * Draws one shift's places in one transaction: claim, read the requests and everyone's hours, draw,
 * write the outcomes, record seed and results, tell each entrant. Returns false when the shift is not
 * due or someone else (another process, an earlier run) has drawn it.
 */
export async function drawShift(deps: AppDeps, communityId: string, shiftId: string, by: DrawnBy) {
  return deps.db
    .transaction(async (tx) => {
      const now = deps.clock.now();
      const row = await drawRepo.drawShiftRow(tx, communityId, shiftId);
      if (row?.shift.mode !== 'draw' || row.shift.status !== 'open') return false;
      if (row.shift.signupClosesAt.getTime() > now.getTime()) return false;
      const seed = newSeed();
      const claimed = await drawRepo.claimDraw(tx, {
        communityId,
        shiftId,
        seed,
        rule: DRAW_RULE,
        drawnAt: now,
      });
      if (!claimed) return false;

      const roles = await drawRepo.lockRoles(tx, communityId, shiftId);
      // A cancellation holds the roles' locks until it commits: seen now, it undoes the claim too.
      if (!(await shiftStillOpen(tx, communityId, shiftId))) throw new CancelledMeanwhile();
      const requests = await drawRepo.requestsOf(tx, communityId, shiftId);
      // Hours are counted up to the close, not to whenever the task ran: the same draw either way.
      const closedAt = row.shift.signupClosesAt;
      const hours = await hoursInLastDays(
        tx,
        communityId,
        requests.map((r) => r.volunteerId),
        closedAt,
        HOURS_WINDOW_DAYS,
      );
      const entrants: DrawEntrant[] = requests.map((r) => ({
        signupId: r.signupId,
        volunteerId: r.volunteerId,
        role: r.role,
        // to the hundredth, so the record shows exactly what was compared
        hours7d: Math.round((hours.get(r.volunteerId) ?? 0) * 100) / 100,
        requestedAt: r.createdAt.toISOString(),
      }));
      const results = drawPlaces({ seed, entrants, roles });

      // The waitlist follows seq: hand the entrants' own seqs out again in drawn order.
      const seqs = requests.map((r) => r.seq).sort((a, b) => a - b);
      await drawRepo.applyOutcomes(
        tx,
        communityId,
        results.map((r, i) => ({ signupId: r.signupId, status: r.outcome, seq: seqs[i]! })),
      );
      for (const role of roles) {
        const won = results.filter((r) => r.role === role.role && r.outcome === 'confirmed').length;
        await drawRepo.addTaken(tx, communityId, shiftId, role.role, won);
      }
      await drawRepo.saveDrawResults(tx, communityId, shiftId, { roles, entrants: results });

      const accountOf = new Map(requests.map((r) => [r.signupId, r.accountId]));
      const title = shiftTitle(row);
      const params = { title, startsAt: row.shift.startsAt.toISOString(), timeZone: row.timeZone };
      const link = `/shifts?draw=${shiftId}`;
      const winners = results.filter((r) => r.outcome === 'confirmed').map((r) => accountOf.get(r.signupId)!);
      await notify(tx, { communityId, accountIds: winners, kind: 'shift.draw_won', params, link }, now);
      for (const r of results.filter((x) => x.outcome === 'waitlisted')) {
        const accountIds = [accountOf.get(r.signupId)!];
        await notify(
          tx,
          {
            communityId,
            accountIds,
            kind: 'shift.draw_lost',
            params: { ...params, position: r.position! },
            link,
          },
          now,
        );
      }
      const places = await rolesOf(tx, communityId, [shiftId]);
      await publishLive(tx, {
        communityId,
        type: 'shift.places',
        data: { shiftId, roles: places.map(({ shiftId: _, ...p }) => p) },
      });
      await audit(tx, {
        communityId,
        account: by?.account ?? null,
        role: by?.role ?? 'system',
        action: 'shift.draw',
        targetType: 'shift',
        targetId: shiftId,
        params: { title, entrants: results.length, confirmed: winners.length, seed },
      });
      return true;
    })
    .catch((err: unknown) => {
      if (err instanceof CancelledMeanwhile) return false;
      throw err;
    });
}

/** The background task: every draw-mode shift whose requests have closed gets drawn, once. */
export async function drawDueShifts(deps: AppDeps) {
  const due = await drawRepo.dueDraws(deps.db, deps.clock.now());
  let drawn = 0;
  for (const { communityId, shiftId } of due) {
    if (await drawShift(deps, communityId, shiftId, null)) drawn += 1;
  }
  return drawn;
}

registerBackgroundTask({ name: 'shift-draws', intervalMs: 5_000, run: drawDueShifts });

/**
 * A leader or coordinator makes the draw now, when the background task has not yet (only after the
 * close); idempotent: a shift already drawn answers with that draw.
 */
export async function runShiftDraw(deps: AppDeps, actor: Actor, shiftId: string) {
  const communityId = actor.communityId!;
  const row = await drawRepo.drawShiftRow(deps.db, communityId, shiftId);
  if (!row) throw notFound('shift');
  const role = await authorizeGroup(deps, actor, row.shift.groupId);
  if (row.shift.mode !== 'draw') throw new AppError('NOT_A_DRAW');
  if (row.shift.status === 'cancelled') throw new AppError('SHIFT_CANCELLED');
  if (row.shift.signupClosesAt.getTime() > deps.clock.now().getTime()) {
    throw new AppError('DRAW_NOT_YET', {
      closesAt: new Intl.DateTimeFormat('zh-CN', {
        timeZone: row.timeZone,
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(row.shift.signupClosesAt),
    });
  }
  await drawShift(deps, communityId, shiftId, { account: actor.account, role });
  return getShiftDraw(deps, actor, shiftId);
}
