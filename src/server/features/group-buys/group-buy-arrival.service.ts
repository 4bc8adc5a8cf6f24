import type { z } from 'zod';
import { allocateFairly } from '../../../domain/group-buys/allocation.ts';
import type { TGroupBuyDetail, ZRecordArrival } from '../../../shared/api/group-buys.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { notify } from '../../platform/notices.ts';
import {
  amountOf,
  type Fulfilment,
  type HouseholdLine,
  householdLines,
  loadFulfilment,
  sharesOf,
} from './group-buy-distribution.presenter.ts';
import {
  dropsOf,
  type Executor,
  setAllocated,
  setCampaignStatus,
  setReceived,
} from './group-buy-fulfilment.repository.ts';
import { yuan } from './group-buys.presenter.ts';
import {
  accountsOfHouseholds,
  campaignById,
  campaignForTurn,
  type ItemRow,
} from './group-buys.repository.ts';
import { groupBuyDetail } from './group-buys.service.ts';
import { authorizeGroupBuy } from './group-buys-access.ts';
import { publishGroupBuyChange } from './group-buys-events.ts';

type TRecordArrival = z.infer<typeof ZRecordArrival>;

export interface ShareCut {
  orderId: string;
  householdId: string;
  itemId: string;
  before: number;
  after: number;
}

/**
 * Where fewer units arrived than were allocated, the same fair rule again: allocateFairly with the
 * received count as stock, each household's previous allocation as what it asks, and the item's own
 * seed (`${allocationSeed}/${seq}`), so anyone holding the seed can redo the cut. Arriving in full
 * (or more) changes nobody. Returns only the lines whose share went down.
 */
export function cutsForShortfall(
  items: readonly Pick<ItemRow, 'id' | 'seq'>[],
  received: ReadonlyMap<string, number>,
  lines: readonly HouseholdLine[],
  allocationSeed: string,
): ShareCut[] {
  const cuts: ShareCut[] = [];
  for (const item of items) {
    const arrived = received.get(item.id);
    if (arrived === undefined) continue;
    const itemLines = lines.filter((l) => l.itemId === item.id);
    const allocatedTotal = itemLines.reduce((sum, l) => sum + (l.allocated ?? 0), 0);
    if (arrived >= allocatedTotal) continue;
    const shares = allocateFairly(
      arrived,
      itemLines.map((l) => ({ householdId: l.householdId, quantity: l.allocated ?? 0 })),
      `${allocationSeed}/${item.seq}`,
    );
    for (const l of itemLines) {
      const after = shares.get(l.householdId)!;
      if (after < (l.allocated ?? 0))
        cuts.push({
          orderId: l.orderId,
          householdId: l.householdId,
          itemId: item.id,
          before: l.allocated ?? 0,
          after,
        });
    }
  }
  return cuts;
}

/**
 * recordArrival: the units counted at the gate per item (items left out arrived as allocated).
 * From `allocated` it records the arrival (→ `arrived`); on an `arrived` campaign it corrects the
 * counts, downwards only (a box found broken later), and only while no building has been
 * distributed — going up would mean handing back units already cut from someone. Shortfalls are
 * shared out again by the fair rule and the households whose share went down are told. One
 * transaction; the campaign row is locked so two counts at once take turns.
 */
export async function recordArrival(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  body: TRecordArrival,
): Promise<TGroupBuyDetail> {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.manage');
  if (!(await campaignById(deps.db, communityId, groupBuyId))) throw notFound('groupBuy');

  await deps.db.transaction(async (tx) => {
    const campaign = (await campaignForTurn(tx, communityId, groupBuyId, 'update'))!;
    const correcting = campaign.status === 'arrived';
    if (campaign.status !== 'allocated' && !correcting) throw new AppError('GROUP_BUY_NOT_ARRIVABLE');
    if (correcting && (await dropsOf(tx, communityId, groupBuyId)).length > 0)
      throw new AppError('GROUP_BUY_DISTRIBUTION_STARTED');
    const f = await loadFulfilment(tx, campaign);
    const lines = householdLines(f);
    const itemIds = new Set(f.items.map((i) => i.id));
    const asked = new Map(body.items.map((i) => [i.itemId, i.received]));
    if (asked.size !== body.items.length || [...asked.keys()].some((id) => !itemIds.has(id)))
      throw new AppError('GROUP_BUY_ARRIVAL_ITEM_UNKNOWN');

    const received = new Map<string, number>();
    for (const item of f.items) {
      const allocated = lines
        .filter((l) => l.itemId === item.id)
        .reduce((sum, l) => sum + (l.allocated ?? 0), 0);
      const count = asked.get(item.id) ?? (correcting ? item.received : null) ?? allocated;
      if (correcting && item.received !== null && count > item.received)
        throw new AppError('GROUP_BUY_ARRIVAL_ONLY_DOWN', {
          item: item.name,
          received: item.received,
          asked: count,
        });
      received.set(item.id, count);
    }

    const cuts = cutsForShortfall(f.items, received, lines, campaign.allocationSeed ?? campaign.id);
    const now = deps.clock.now();
    for (const [itemId, count] of received) await setReceived(tx, communityId, itemId, count);
    for (const cut of cuts) await setAllocated(tx, communityId, cut, cut.after);
    if (!correcting)
      await setCampaignStatus(tx, communityId, groupBuyId, { status: 'arrived', arrivedAt: now });

    await tellCutHouseholds(tx, f, cuts, now);
    // every item, a count of 0 too (unitsText leaves those out)
    const itemsText = f.items.map((i) => `${i.name} ×${received.get(i.id)}`).join('、');
    const short = new Set(cuts.map((c) => c.orderId)).size;
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: correcting ? 'groupBuy.arrival_correction' : 'groupBuy.arrival',
      targetType: 'group_buy',
      targetId: groupBuyId,
      params: { title: campaign.title, items: itemsText, short },
    });
    await publishGroupBuyChange(tx, communityId, groupBuyId, correcting ? 'arrival_correction' : 'arrived');
  });
  return groupBuyDetail(deps.db, standing, groupBuyId);
}

/** Each household whose share went down hears what it gets now and what it pays. */
async function tellCutHouseholds(tx: Executor, f: Fulfilment, cuts: readonly ShareCut[], now: Date) {
  if (cuts.length === 0) return;
  const orderIds = [...new Set(cuts.map((c) => c.orderId))];
  const orders = f.orders.filter((o) => orderIds.includes(o.order.id));
  const accounts = await accountsOfHouseholds(
    tx,
    f.campaign.communityId,
    orders.map((o) => o.order.householdId),
  );
  const itemOf = new Map(f.items.map((i) => [i.id, i]));
  for (const order of orders) {
    const told = accounts.get(order.order.householdId) ?? [];
    if (told.length === 0) continue;
    const shares = sharesOf(f, order.order.id);
    const mine = cuts.filter((c) => c.orderId === order.order.id);
    for (const c of mine) shares.set(c.itemId, c.after);
    const changes = mine
      .map((c) => {
        const item = itemOf.get(c.itemId)!;
        return `${item.name} ${c.before}→${c.after}`;
      })
      .join('、');
    await notify(
      tx,
      {
        communityId: f.campaign.communityId,
        accountIds: told,
        kind: 'groupBuy.shortfall',
        params: {
          title: f.campaign.title,
          building: order.buildingCode,
          room: order.room,
          changes,
          amount: yuan(amountOf(f.items, shares)),
        },
        link: `/group-buys/${f.campaign.id}`,
      },
      now,
    );
  }
}
