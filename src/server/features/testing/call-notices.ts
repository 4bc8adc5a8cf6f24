// Telling each building at its call time (叫号): the residents who come down, the residents on the
// door-to-door list (a team comes to them), and the building's relay contact (楼组长), who passes
// the word on to neighbours without the app, as the story's WeChat groups did.
import { and, eq } from 'drizzle-orm';
import { TESTING_ROUND } from '../../../shared/api/testing-rounds.ts';
import { communities, gates, testingRounds } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { registerBackgroundTask } from '../../platform/background.ts';
import type { AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { notify } from '../../platform/notices.ts';
import { queueRelayTasks } from '../../platform/relay-tasks.ts';
import { buildingAndRelay, buildingResidentAccounts, claimCall, dueCalls } from './call-down.repository.ts';

type DueCall = Awaited<ReturnType<typeof dueCalls>>[number];

/** Tells one building, once: the claim and the notices share a transaction. */
async function tellBuilding(deps: AppDeps, due: DueCall) {
  const { communityId, roundId, buildingId } = due;
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const claimed = await claimCall(tx, due, now);
    if (!claimed) return false;
    const [context] = await tx
      .select({ title: testingRounds.title, pooling: testingRounds.pooling, timeZone: communities.timezone })
      .from(testingRounds)
      .innerJoin(communities, eq(communities.id, testingRounds.communityId))
      .where(and(eq(testingRounds.communityId, communityId), eq(testingRounds.id, roundId)));
    const [gate] = await tx
      .select({ name: gates.name })
      .from(gates)
      .where(and(eq(gates.communityId, communityId), eq(gates.id, claimed.gateId)));
    const building = await buildingAndRelay(tx, communityId, buildingId);
    const accounts = await buildingResidentAccounts(tx, communityId, roundId, buildingId);
    const params = {
      round: context!.title,
      building: building?.code ?? '',
      gate: gate?.name ?? '',
      at: claimed.callAt.toISOString(),
      timeZone: context!.timeZone,
      pooling: context!.pooling,
    };
    const link = '/my/testing-code';
    // a call is urgent: people are expected at the gate now, quiet hours or not
    await notify(
      tx,
      { communityId, accountIds: accounts.comeDown, kind: 'testing.call', params, link, critical: true },
      now,
    );
    await notify(tx, { communityId, accountIds: accounts.atHome, kind: 'testing.call_home', params }, now);
    // the relay contact's notice comes with a relay task (楼组长转达) they confirm, or it escalates
    const relayed = await queueRelayTasks(
      tx,
      {
        communityId,
        sourceType: 'testing_call',
        sourceId: roundId,
        buildingIds: [buildingId],
        kind: 'testing.call_relay',
        params,
        critical: true,
      },
      now,
    );
    const relayTold = relayed.filter((task) => task.relayAccountId).length;
    await audit(tx, {
      communityId,
      account: null,
      role: 'system',
      action: 'testing_round.call_building',
      targetType: 'testing_round',
      targetId: roundId,
      params: {
        title: context!.title,
        building: params.building,
        gate: params.gate,
        told: accounts.comeDown.length + accounts.atHome.length + relayTold,
      },
    });
    await publishLive(tx, { communityId, type: TESTING_ROUND, data: { roundId } });
    return true;
  });
}

/** The background task: every call due in published or running rounds, each building in its own transaction. */
export async function tellDueCalls(deps: AppDeps) {
  let told = 0;
  for (const due of await dueCalls(deps.db, deps.clock.now())) if (await tellBuilding(deps, due)) told++;
  return told;
}

registerBackgroundTask({ name: 'testing-call-notices', intervalMs: 15_000, run: tellDueCalls });
