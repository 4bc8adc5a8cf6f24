import type { TRelaySettings, TSetRelaySettings } from '../../../shared/api/relay-tasks.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { relaySettings, setEscalateMinutes } from './relays.repository.ts';
import { authorizeRelays } from './relays-access.ts';

/** getRelaySettings: the minutes a relay contact has before escalation; for those who oversee relays. */
export async function getRelaySettings(deps: AppDeps, actor: Actor): Promise<TRelaySettings> {
  await authorizeRelays(deps, actor, 'relay.settings.view');
  const { minutes } = await relaySettings(deps.db, actor.communityId!);
  return { escalateMinutes: minutes };
}

/**
 * setRelaySettings: coordinators only (the route's schema bounds the minutes). Tasks already asked
 * keep their escalation time; tasks made from now on get the new one.
 */
export async function setRelaySettings(
  deps: AppDeps,
  actor: Actor,
  body: TSetRelaySettings,
): Promise<TRelaySettings> {
  const standing = await authorizeRelays(deps, actor, 'relay.settings.change');
  const communityId = actor.communityId!;
  await deps.db.transaction(async (tx) => {
    const previous = await relaySettings(tx, communityId);
    if (previous.minutes === body.escalateMinutes) return;
    await setEscalateMinutes(tx, communityId, body.escalateMinutes);
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'relay.settings',
      targetType: 'community',
      targetId: communityId,
      params: { minutes: body.escalateMinutes, previous: previous.minutes },
    });
  });
  return { escalateMinutes: body.escalateMinutes };
}
