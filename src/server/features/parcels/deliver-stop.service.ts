import { randomInt } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import {
  assignPickupCodes,
  PickupCodesExhausted,
  pickupGroupOf,
} from '../../../domain/parcels/pickup-codes.ts';
import { PARCELS_STATUS, type TStopDelivered } from '../../../shared/api/parcel-rides.ts';
import { deliveryRuns, parcels } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { groupForPickup, tellAboutParcels } from './parcel-notices.ts';
import { communityTimeZone } from './parcels.repository.ts';
import { presentStopRooms } from './ride.presenter.ts';
import {
  buildingWithRelay,
  claimStop,
  type Executor,
  householdAccounts,
  lockBuilding,
  parcelsOnRuns,
  type RunRow,
  stopsLeft,
  stopsOf,
  waitingForPickup,
} from './ride.repository.ts';
import { runToRide } from './ride.service.ts';

/**
 * markStopDelivered: the rider has put the stop's parcels in the building. In one transaction the
 * stop is marked, its parcels become 'delivered' with a pickup code per household, every household
 * and the relay contact are told, and the run is done when this was its last stop. Marking a stop
 * already delivered answers the same, and tells nobody twice.
 */
export async function markStopDelivered(
  deps: AppDeps,
  actor: Actor,
  runId: string,
  seq: number,
): Promise<TStopDelivered> {
  const { run, role } = await runToRide(deps, actor, runId);
  const communityId = actor.communityId!;
  const stop = (await stopsOf(deps.db, communityId, [run.id])).find((s) => s.seq === seq);
  if (!stop) throw notFound('runStop');
  if (run.status === 'planned') throw new AppError('RUN_NOT_CONFIRMED');
  if (stop.deliveredAt) return deliveredStop(deps.db, communityId, run.id, seq);

  const timeZone = await communityTimeZone(deps.db, communityId);
  const building = (await buildingWithRelay(deps.db, communityId, stop.buildingId))!;
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await lockBuilding(tx, communityId, stop.buildingId);
    // Another tap or another phone got here first: its answer stands, and nobody is told twice.
    if (!(await claimStop(tx, { communityId, runId: run.id, seq }, now, actor.account.id))) return;
    const arriving = (await parcelsOnRuns(tx, communityId, [run.id])).filter(
      (p) => p.buildingId === stop.buildingId && p.status === 'on_run',
    );
    const codes = await codesFor(tx, communityId, building, arriving);
    for (const [code, ids] of groupIdsByCode(arriving, codes)) {
      await tx
        .update(parcels)
        .set({ status: 'delivered', deliveredAt: now, pickupCode: code })
        .where(and(eq(parcels.communityId, communityId), inArray(parcels.id, ids)));
    }
    await finishRunIfLast(tx, run, now);
    const groups = groupForPickup(arriving.map((p) => ({ ...p, pickupCode: codes.get(pickupGroupOf(p))! })));
    const told = await tellAboutParcels(tx, { communityId, building, timeZone, now }, groups, {
      kind: 'delivered',
      runId: run.id,
      seq,
    });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'parcels.stop_delivered',
      targetType: 'delivery_run',
      targetId: run.id,
      params: { building: building.code, count: arriving.length, households: groups.length, seq },
    });
    await publishLive(tx, {
      communityId,
      type: PARCELS_STATUS,
      data: { runId: run.id, buildingId: stop.buildingId },
      coalesceKey: 'status',
    });
    return told;
  });
  return deliveredStop(deps.db, communityId, run.id, seq);
}

/**
 * A code per pickup group: the one a household (or room) already has for parcels still waiting in
 * the building, so it keeps one code; a fresh one, unique in the building, otherwise.
 */
async function codesFor(
  tx: Executor,
  communityId: string,
  building: { id: string; code: string },
  arriving: readonly { id: string; householdId: string | null; room: string | null }[],
) {
  const waiting = await waitingForPickup(tx, communityId, building.id);
  const codes = new Map<string, string>();
  for (const p of waiting) if (p.pickupCode) codes.set(pickupGroupOf(p), p.pickupCode);
  const fresh = [...new Set(arriving.map(pickupGroupOf))].filter((g) => !codes.has(g));
  try {
    const taken = new Set(waiting.flatMap((p) => (p.pickupCode ? [p.pickupCode] : [])));
    for (const [group, code] of assignPickupCodes(fresh, taken, (n) => randomInt(n))) codes.set(group, code);
  } catch (err) {
    if (err instanceof PickupCodesExhausted)
      throw new AppError('PICKUP_CODES_EXHAUSTED', { building: building.code });
    throw err;
  }
  return codes;
}

function groupIdsByCode(
  arriving: readonly { id: string; householdId: string | null; room: string | null }[],
  codes: Map<string, string>,
) {
  const byCode = new Map<string, string[]>();
  for (const p of arriving) {
    const code = codes.get(pickupGroupOf(p))!;
    byCode.set(code, [...(byCode.get(code) ?? []), p.id]);
  }
  return byCode;
}

/** A confirmed run is started by its first delivery; it is done with its last. */
async function finishRunIfLast(tx: Executor, run: RunRow, now: Date) {
  const done = (await stopsLeft(tx, run.communityId, run.id)) === 0;
  const changes = {
    ...(run.status === 'confirmed' ? { status: 'started', startedAt: now } : {}),
    ...(done ? { status: 'done', finishedAt: now } : {}),
  };
  if (Object.keys(changes).length === 0) return;
  await tx
    .update(deliveryRuns)
    .set(changes)
    .where(and(eq(deliveryRuns.communityId, run.communityId), eq(deliveryRuns.id, run.id)));
}

/** The stop as delivered, read back: the first answer and every repeat of it are the same. */
async function deliveredStop(
  db: Executor,
  communityId: string,
  runId: string,
  seq: number,
): Promise<TStopDelivered> {
  const stop = (await stopsOf(db, communityId, [runId])).find((s) => s.seq === seq)!;
  const [run] = await db
    .select({ status: deliveryRuns.status })
    .from(deliveryRuns)
    .where(and(eq(deliveryRuns.communityId, communityId), eq(deliveryRuns.id, runId)));
  const delivered = (await parcelsOnRuns(db, communityId, [runId])).filter(
    (p) => p.buildingId === stop.buildingId && p.status !== 'on_run' && p.status !== 'waiting',
  );
  const accounts = await householdAccounts(db, communityId, [
    ...new Set(delivered.flatMap((p) => (p.householdId ? [p.householdId] : []))),
  ]);
  const rooms = presentStopRooms(delivered, accounts);
  const building = await buildingWithRelay(db, communityId, stop.buildingId);
  return {
    runId,
    seq,
    buildingId: stop.buildingId,
    buildingCode: stop.buildingCode,
    deliveredAt: stop.deliveredAt!.toISOString(),
    runStatus: run!.status as TStopDelivered['runStatus'],
    rooms,
    householdsNotified: rooms.filter((r) => r.hasAccount).length,
    relayNotified: building?.relayAccountId != null,
  };
}
