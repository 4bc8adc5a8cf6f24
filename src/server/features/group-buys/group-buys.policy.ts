import { definePolicy } from '../../platform/authorize.ts';

/**
 * Who may do what with group buys (团购). The table is the first gate; group-buys-access.ts then
 * asks where the person stands: coordinators and committee staff oversee everything; `leader` and
 * `volunteer` count only inside the group-buying group; a relay contact (楼组长) orders for the
 * households of their own building; anyone living here orders for their own household.
 */
const EVERYONE = ['coordinator', 'staff', 'leader', 'volunteer', 'resident', 'viewer'] as const;

export const groupBuyActions = definePolicy({
  // opening, closing, arrival, the supplier's bill, delivery runs: leaders of the group and overseers
  'groupBuy.manage': ['coordinator', 'staff', 'leader'],
  // the campaigns themselves (items, totals, the rule): every member of the community
  'groupBuy.view': EVERYONE,
  // ordering: for one's own household, or (the group, overseers, relay contacts) on a household's behalf
  'groupBuy.order': EVERYONE,
  // the order list with rooms and payments, the distribution list: the group and overseers
  'groupBuy.orders.view': ['coordinator', 'staff', 'leader', 'volunteer'],
  // marking households paid (payment happens outside Linli): the group and overseers
  'groupBuy.pay': ['coordinator', 'staff', 'leader', 'volunteer'],
  // drop-offs per building and exceptions: the group and overseers
  'groupBuy.distribute': ['coordinator', 'staff', 'leader', 'volunteer'],
  // confirming receipt: the household itself, or the group for a household without a phone
  'groupBuy.receipt': EVERYONE,
});
export type GroupBuyAction = keyof typeof groupBuyActions;
