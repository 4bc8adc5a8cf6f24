import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { buildings, residents } from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { householdIdsOfAccount } from '../registry/households.repository.ts';
import { groupMembership } from '../volunteers/group-membership.ts';
import { type GroupBuyAction, groupBuyActions } from './group-buys.policy.ts';

type Executor = Pick<Db, 'select' | 'selectDistinct'>;

export const GROUP_BUYING_GROUP_KEY = 'group_buying';

/** Where a person stands towards group buys in one community. */
export interface GroupBuyStanding {
  /** the role the policy table let them in under */
  role: PolicyRole;
  accountId: string;
  communityId: string;
  /** coordinators and committee staff: every campaign, every order, every action a leader has */
  oversees: boolean;
  /** their place in the group-buying group (a leader of another group is 'none' here) */
  group: 'none' | 'member' | 'leader';
  /** households whose resident row carries this account (usually one) */
  householdIds: string[];
  /** buildings whose relay contact (楼组长) is a resident with this account */
  relayBuildingIds: string[];
}

/** Opens, closes and runs campaigns: leaders of the group and overseers. */
export const managesGroupBuys = (s: GroupBuyStanding) => s.oversees || s.group === 'leader';
/** Sees every order with rooms and payments: the group and overseers. */
export const seesAllOrders = (s: GroupBuyStanding) => s.oversees || s.group !== 'none';
/** Orders on behalf of other households (proxy orders), at least for some. */
export const ordersForOthers = (s: GroupBuyStanding) => seesAllOrders(s) || s.relayBuildingIds.length > 0;
/** May order for this household: their own, any (group/overseers), or one of their relay buildings. */
export const mayOrderFor = (s: GroupBuyStanding, household: { id: string; buildingId: string }) =>
  s.householdIds.includes(household.id) ||
  seesAllOrders(s) ||
  s.relayBuildingIds.includes(household.buildingId);
/** May see this order: the group, overseers, the relay contact of its building, or the household. */
export const maySeeOrder = (s: GroupBuyStanding, order: { householdId: string; buildingId: string }) =>
  mayOrderFor(s, { id: order.householdId, buildingId: order.buildingId });

/** Buildings whose relay contact is one of this account's resident rows. */
export async function relayBuildingsOfAccount(db: Executor, communityId: string, accountId: string) {
  const mine = db
    .select({ id: residents.id })
    .from(residents)
    .where(and(eq(residents.communityId, communityId), eq(residents.accountId, accountId)));
  const rows = await db
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.communityId, communityId), inArray(buildings.relayResidentId, mine)));
  return rows.map((r) => r.id);
}

/** What each action asks beyond the policy table. */
const NEEDS: Record<GroupBuyAction, (s: GroupBuyStanding) => boolean> = {
  'groupBuy.manage': managesGroupBuys,
  'groupBuy.view': () => true,
  'groupBuy.order': (s) => s.householdIds.length > 0 || ordersForOthers(s),
  'groupBuy.orders.view': seesAllOrders,
  'groupBuy.pay': seesAllOrders,
  'groupBuy.distribute': seesAllOrders,
  'groupBuy.receipt': (s) => s.householdIds.length > 0 || seesAllOrders(s),
};

/**
 * The policy table, then the person's standing: `leader` and `volunteer` count only in the
 * group-buying group, a resident only for their household (and, as relay contact, their building's).
 * FORBIDDEN otherwise. Per-order and per-household checks (mayOrderFor, maySeeOrder) are the caller's.
 * Expects an actor from communityActor() (a non-member already got 404 there).
 */
export async function authorizeGroupBuy(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  communityId: string,
  action: GroupBuyAction,
): Promise<GroupBuyStanding> {
  const role = authorize(actor, groupBuyActions[action], { communityId });
  const oversees = actor.roles.includes('coordinator') || actor.roles.includes('staff');
  const inGroupRoles = actor.roles.includes('leader') || actor.roles.includes('volunteer');
  const [group, householdIds, relayBuildingIds] = await Promise.all([
    inGroupRoles && !oversees
      ? groupMembership(deps.db, communityId, actor.account.id, GROUP_BUYING_GROUP_KEY)
      : Promise.resolve('none' as const),
    householdIdsOfAccount(deps.db, communityId, actor.account.id),
    relayBuildingsOfAccount(deps.db, communityId, actor.account.id),
  ]);
  const standing: GroupBuyStanding = {
    role,
    accountId: actor.account.id,
    communityId,
    oversees,
    group,
    householdIds,
    relayBuildingIds,
  };
  if (!NEEDS[action](standing)) throw new AppError('FORBIDDEN');
  return standing;
}
