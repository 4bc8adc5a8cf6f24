import { eq } from 'drizzle-orm';
import type { TParcelSettings } from '../../../shared/api/parcel-settings.ts';
import { communities } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { authorizeRunPlanning } from './delivery-runs-access.ts';
import { parcelActions } from './parcels.policy.ts';

/** getParcelSettings: anyone who sees the board sees when reminders go out. */
export async function getParcelSettings(deps: AppDeps, actor: Actor): Promise<TParcelSettings> {
  authorize(actor, parcelActions['parcels.board']);
  const [row] = await deps.db
    .select({ reminderMinutes: communities.parcelReminderMinutes })
    .from(communities)
    .where(eq(communities.id, actor.communityId!));
  return row!;
}

/** setParcelSettings: the parcels group's leaders and coordinators, who run the runs, set it. */
export async function setParcelSettings(
  deps: AppDeps,
  actor: Actor,
  body: TParcelSettings,
): Promise<TParcelSettings> {
  const role = await authorizeRunPlanning(deps, actor);
  const communityId = actor.communityId!;
  await deps.db.transaction(async (tx) => {
    await tx
      .update(communities)
      .set({ parcelReminderMinutes: body.reminderMinutes })
      .where(eq(communities.id, communityId));
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'parcels.settings',
      targetType: 'community',
      targetId: communityId,
      params: { minutes: body.reminderMinutes },
    });
  });
  return getParcelSettings(deps, actor);
}
