import { AppError } from '../../platform/app-error.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { parcelActions } from './parcels.policy.ts';
import { crewMemberOf } from './ride.repository.ts';

/**
 * Who may start a run or mark its stops: its rider, a leader of the parcels group, or a coordinator.
 * Another volunteer, even of the parcels group, is refused: the stops of a run are its rider's word.
 */
export async function authorizeRunWork(
  deps: AppDeps,
  actor: Actor,
  run: { riderId: string | null },
): Promise<PolicyRole> {
  authorize(actor, parcelActions['parcels.ride']);
  if (actor.roles.includes('coordinator')) return 'coordinator';
  const me = await crewMemberOf(deps.db, actor.communityId!, actor.account.id);
  if (me && run.riderId !== null && me.volunteerId === run.riderId) return 'volunteer';
  if (me?.leadsParcels && actor.roles.includes('leader')) return 'leader';
  throw new AppError('NOT_YOUR_RUN');
}
