import type { TSignup } from '../../../shared/api/shifts.ts';
import type { Db } from '../../db/client.ts';
import { shiftSignups } from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import * as drawRepo from './draw.repository.ts';
import * as repo from './shifts.repository.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

interface DrawRequest {
  communityId: string;
  shiftId: string;
  role: string;
  volunteerId: string;
  title: string;
  now: Date;
}

/**
 * Records a request on a draw-mode shift: no place is taken now, whoever asks first or last; the draw
 * at the window's close decides. Called by signUpForShift after the same checks as any sign-up.
 */
export async function recordDrawRequest(tx: Executor, actor: Actor, r: DrawRequest) {
  await drawRepo.holdRolesAgainstDraw(tx, r.communityId, r.shiftId);
  if (await drawRepo.findDraw(tx, r.communityId, r.shiftId)) throw new AppError('SIGNUP_CLOSED');
  const [signup] = await tx
    .insert(shiftSignups)
    .values({
      communityId: r.communityId,
      shiftId: r.shiftId,
      role: r.role,
      volunteerId: r.volunteerId,
      status: 'requested',
      createdAt: r.now,
    })
    .returning({ id: shiftSignups.id });
  const roles = await repo.rolesOf(tx, r.communityId, [r.shiftId]);
  await publishLive(tx, {
    communityId: r.communityId,
    type: 'shift.places',
    data: { shiftId: r.shiftId, roles: roles.map(({ shiftId: _, ...role }) => role) },
  });
  await audit(tx, {
    communityId: r.communityId,
    account: actor.account,
    role: 'volunteer',
    action: 'shift.draw_request',
    targetType: 'shift',
    targetId: r.shiftId,
    params: { title: r.title, role: r.role },
  });
  const body: TSignup = {
    id: signup!.id,
    shiftId: r.shiftId,
    role: r.role,
    status: 'requested',
    position: null,
  };
  return { status: 201, body };
}
