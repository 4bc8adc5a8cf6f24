import { eq } from 'drizzle-orm';
import type { TCommunityPlace } from '../../../shared/api/street.ts';
import { communities } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { streetActions } from './street.policy.ts';

const placeColumns = {
  latitude: communities.latitude,
  longitude: communities.longitude,
  street: communities.street,
  dailyReportTime: communities.dailyReportTime,
};

/** getCommunityPlace: where the compound is on the street's map, and when its day report is made. */
export async function getCommunityPlace(deps: AppDeps, actor: Actor): Promise<TCommunityPlace> {
  authorize(actor, streetActions['community.place.read']);
  const [row] = await deps.db
    .select(placeColumns)
    .from(communities)
    .where(eq(communities.id, actor.communityId!));
  return row!;
}

/** setCommunityPlace: the coordinator's; audited like every change. */
export async function setCommunityPlace(
  deps: AppDeps,
  actor: Actor,
  body: TCommunityPlace,
): Promise<TCommunityPlace> {
  const role = authorize(actor, streetActions['community.place.edit']);
  const communityId = actor.communityId!;
  return deps.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(communities)
      .set({
        latitude: body.latitude,
        longitude: body.longitude,
        street: body.street,
        dailyReportTime: body.dailyReportTime,
      })
      .where(eq(communities.id, communityId))
      .returning(placeColumns);
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'community.place',
      targetType: 'community',
      targetId: communityId,
      params: {
        street: body.street ?? '—',
        position: body.latitude === null ? '—' : `${body.latitude}, ${body.longitude}`,
        time: body.dailyReportTime,
      },
    });
    return saved!;
  });
}
