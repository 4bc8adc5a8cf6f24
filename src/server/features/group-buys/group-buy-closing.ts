import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { allocateFairly } from '../../../domain/group-buys/allocation.ts';
import { groupBuys } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { PolicyRole } from '../../platform/authorize.ts';
import { registerBackgroundTask } from '../../platform/background.ts';
import type { Actor, AppDeps, SignedInAccount } from '../../platform/context.ts';
import { notify } from '../../platform/notices.ts';
import { accountsOfHouseholds } from './group-buy-households.repository.ts';
import { unitsText, yuan } from './group-buys.presenter.ts';
import {
  type CampaignRow,
  campaignForTurn,
  dueCampaigns,
  type Executor,
  type ItemRow,
  itemsOfCampaigns,
  type OrderWithLines,
  ordersOf,
  type Tx,
  writeAllocations,
} from './group-buys.repository.ts';
import { authorizeGroupBuy } from './group-buys-access.ts';
import { publishGroupBuyChange } from './group-buys-events.ts';

export interface CloseResult {
  status: 'allocated' | 'failed';
  allocationSeed: string;
  runningTotalFen: number;
  shortHouseholds: number;
}

/** The outcome as the database holds it: a second close (or a late background run) answers this. */
function resultOf(
  campaign: CampaignRow,
  items: readonly ItemRow[],
  orders: readonly OrderWithLines[],
): CloseResult {
  const price = new Map(items.map((i) => [i.id, i.priceFen]));
  let total = 0;
  let short = 0;
  for (const o of orders) {
    if (o.order.status !== 'active') continue;
    for (const l of o.lines) total += (price.get(l.itemId) ?? 0) * (l.allocated ?? 0);
    if (o.lines.some((l) => (l.allocated ?? 0) < l.quantity)) short++;
  }
  return {
    status: campaign.status === 'failed' ? 'failed' : 'allocated',
    allocationSeed: campaign.allocationSeed ?? '',
    runningTotalFen: total,
    shortHouseholds: short,
  };
}

/** Per item, the stock shared out round by round among the active orders, ties broken by `${seed}/${seq}`. */
function allocate(items: readonly ItemRow[], orders: readonly OrderWithLines[], seed: string) {
  const rows: { orderId: string; itemId: string; allocated: number }[] = [];
  for (const item of items) {
    const asking = orders.flatMap((o) =>
      o.lines
        .filter((l) => l.itemId === item.id)
        .map((l) => ({ orderId: o.order.id, householdId: o.order.householdId, quantity: l.quantity })),
    );
    const shares = allocateFairly(item.stock, asking, `${seed}/${item.seq}`);
    for (const a of asking)
      rows.push({ orderId: a.orderId, itemId: item.id, allocated: shares.get(a.householdId) ?? 0 });
  }
  return rows;
}

/**
 * Closes a campaign inside the caller's transaction, holding its row exclusively (orders in flight
 * finish first; none starts after). Already closed: the recorded result, nothing written. Otherwise the
 * stock is shared out with a fresh recorded seed; below the minimum the campaign fails. Every ordering
 * household is told its units and what to pay, or that nothing comes.
 */
export async function closeCampaign(
  tx: Tx,
  deps: Pick<AppDeps, 'clock'>,
  communityId: string,
  groupBuyId: string,
  closer: { account: SignedInAccount; role: PolicyRole } | null,
): Promise<CloseResult> {
  const campaign = await campaignForTurn(tx, communityId, groupBuyId, 'update');
  if (!campaign) throw notFound('groupBuy');
  if (campaign.status === 'cancelled') throw new AppError('GROUP_BUY_CANCELLED');
  const items = await itemsOfCampaigns(tx, communityId, [groupBuyId]);
  if (campaign.status !== 'open')
    return resultOf(campaign, items, await ordersOf(tx, communityId, groupBuyId));

  const now = deps.clock.now();
  const orders = (await ordersOf(tx, communityId, groupBuyId)).filter((o) => o.order.status === 'active');
  const seed = randomBytes(8).toString('hex');
  const allocations = allocate(items, orders, seed);
  await writeAllocations(tx, communityId, allocations);
  const units = new Map(allocations.map((a) => [`${a.orderId}/${a.itemId}`, a.allocated]));
  for (const o of orders) for (const l of o.lines) l.allocated = units.get(`${o.order.id}/${l.itemId}`) ?? 0;

  const total = resultOf({ ...campaign, status: 'allocated' }, items, orders).runningTotalFen;
  const failed = campaign.minimumTotalFen !== null && total < campaign.minimumTotalFen;
  const status = failed ? 'failed' : 'allocated';
  await tx
    .update(groupBuys)
    .set({
      status,
      allocationSeed: seed,
      closedAt: now,
      closedBy: closer?.account.id ?? null,
      // closing early ends the window at once (the window must stay after its opening)
      ...(now < campaign.closesAt && now > campaign.opensAt ? { closesAt: now } : {}),
    })
    .where(and(eq(groupBuys.communityId, communityId), eq(groupBuys.id, groupBuyId)));
  const result = resultOf({ ...campaign, status, allocationSeed: seed }, items, orders);
  await audit(tx, {
    communityId,
    account: closer?.account ?? null,
    role: closer?.role ?? 'system',
    action: failed ? 'groupBuy.failed' : 'groupBuy.allocated',
    targetType: 'group_buy',
    targetId: groupBuyId,
    params: {
      title: campaign.title,
      households: orders.length,
      total: yuan(total),
      minimum: yuan(campaign.minimumTotalFen ?? 0),
      short: result.shortHouseholds,
      seed,
    },
  });
  await tellHouseholds(tx, campaign, items, orders, failed, total, now);
  await publishGroupBuyChange(tx, communityId, groupBuyId, status);
  return result;
}

/** Each ordering household's residents who sign in (or, for a household without any, whoever ordered for it). */
async function tellHouseholds(
  tx: Executor,
  campaign: CampaignRow,
  items: readonly ItemRow[],
  orders: readonly OrderWithLines[],
  failed: boolean,
  totalFen: number,
  now: Date,
) {
  const accounts = await accountsOfHouseholds(
    tx,
    campaign.communityId,
    orders.map((o) => o.order.householdId),
  );
  const price = new Map(items.map((i) => [i.id, i.priceFen]));
  for (const o of orders) {
    const told = accounts.get(o.order.householdId) ?? (o.order.placedBy ? [o.order.placedBy] : []);
    const units = o.lines.map((l) => ({ itemId: l.itemId, units: l.allocated ?? 0 }));
    const amount = o.lines.reduce((s, l) => s + (price.get(l.itemId) ?? 0) * (l.allocated ?? 0), 0);
    const common = { title: campaign.title, building: o.buildingCode, room: o.room };
    await notify(
      tx,
      {
        communityId: campaign.communityId,
        accountIds: told,
        kind: failed ? 'groupBuy.failed' : 'groupBuy.allocated',
        params: failed
          ? { ...common, total: yuan(totalFen), minimum: yuan(campaign.minimumTotalFen ?? 0) }
          : {
              ...common,
              // a household the stock did not reach still hears it: "大米 ×0"
              units:
                unitsText(units, items) ||
                unitsText(
                  units.map((u) => ({ ...u, units: 0 })),
                  items,
                ) ||
                '0',
              amount: yuan(amount),
            },
        link: `/group-buys/${campaign.id}`,
      },
      now,
    );
  }
}

/** POST …/close: the group's leader or an overseer closes now (early, or when the window has ended). */
export async function closeGroupBuy(deps: AppDeps, actor: Actor, communityId: string, groupBuyId: string) {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.manage');
  return deps.db.transaction((tx) =>
    closeCampaign(tx, deps, communityId, groupBuyId, { account: actor.account, role: standing.role }),
  );
}

/** Closes every campaign whose window has ended; safe in several processes (the row lock and status decide). */
export async function closeDueGroupBuys(deps: AppDeps) {
  const due = await dueCampaigns(deps.db, deps.clock.now());
  for (const c of due) await deps.db.transaction((tx) => closeCampaign(tx, deps, c.communityId, c.id, null));
  return due.length;
}

registerBackgroundTask({ name: 'group-buys.close', intervalMs: 30_000, run: closeDueGroupBuys });
