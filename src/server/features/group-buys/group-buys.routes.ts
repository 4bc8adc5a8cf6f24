import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZChangeOrder,
  ZCloseResult,
  ZCreateGroupBuy,
  ZGroupBuyDetail,
  ZGroupBuyListQuery,
  ZGroupBuyOrder,
  ZGroupBuyOrderParams,
  ZGroupBuyParams,
  ZGroupBuySummary,
  ZMarkPaid,
  ZOrderableHouseholds,
  ZOrderableHouseholdsQuery,
  ZOrderList,
  ZPlaceOrder,
  ZSupplierBill,
} from '../../../shared/api/group-buys.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { closeGroupBuy } from './group-buy-closing.ts';
import { changeOrder, listGroupBuyOrders, placeOrder, withdrawOrder } from './group-buy-orders.service.ts';
import { markPaid, recordSupplierBill } from './group-buy-payments.service.ts';
import { createGroupBuy, getGroupBuy, listGroupBuys, listOrderableHouseholds } from './group-buys.service.ts';

const base = '/api/communities/:communityId/group-buys';
const one = `${base}/:groupBuyId`;

/** Group buys (团购): campaigns, orders (own or by proxy), closing with fair allocation, payments, the bill. */
export async function groupBuyRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['group-buys'];

  r.get(
    base,
    {
      schema: {
        operationId: 'listGroupBuys',
        tags,
        summary: "The community's group buys with items and running totals; every member sees them",
        params: ZCommunityParams,
        querystring: ZGroupBuyListQuery,
        response: {
          200: z.object({ groupBuys: z.array(ZGroupBuySummary), canCreate: z.boolean() }),
          ...errorResponses,
        },
      },
    },
    async (req) =>
      listGroupBuys(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.communityId,
        req.query,
      ),
  );
  r.post(
    base,
    {
      schema: {
        operationId: 'createGroupBuy',
        tags,
        summary: 'Open a group buy with one or more items: the group-buying leaders, coordinators, staff',
        params: ZCommunityParams,
        body: ZCreateGroupBuy,
        response: { 201: ZGroupBuyDetail, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { communityId } = req.params;
      const actor = await communityActor(req, communityId);
      return reply.status(201).send(await createGroupBuy(deps, actor, communityId, req.body));
    },
  );
  r.get(
    one,
    {
      schema: {
        operationId: 'getGroupBuy',
        tags,
        summary: "One group buy: the rule, the totals, the caller's own order and what the caller may do",
        params: ZGroupBuyParams,
        response: { 200: ZGroupBuyDetail, ...errorResponses },
      },
    },
    async (req) => {
      const { communityId, groupBuyId } = req.params;
      return getGroupBuy(deps, await communityActor(req, communityId), communityId, groupBuyId);
    },
  );
  r.get(
    `${one}/households`,
    {
      schema: {
        operationId: 'listOrderableHouseholds',
        tags,
        summary:
          'Households the caller may order for (own; a relay contact their building; the group all), with their order',
        params: ZGroupBuyParams,
        querystring: ZOrderableHouseholdsQuery,
        response: { 200: ZOrderableHouseholds, ...errorResponses },
      },
    },
    async (req) => {
      const { communityId, groupBuyId } = req.params;
      const actor = await communityActor(req, communityId);
      return listOrderableHouseholds(deps, actor, communityId, groupBuyId, req.query);
    },
  );
  r.post(
    `${one}/orders`,
    {
      schema: {
        operationId: 'placeOrder',
        tags,
        summary:
          'Order for the own household, or by proxy for another (the group, relay contacts). One per household; a clientKey replay returns the first answer',
        params: ZGroupBuyParams,
        body: ZPlaceOrder,
        response: { 201: ZGroupBuyOrder, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { communityId, groupBuyId } = req.params;
      const actor = await communityActor(req, communityId);
      const answer = await placeOrder(deps, actor, communityId, groupBuyId, req.body);
      return reply.status(answer.status as 201).send(answer.body);
    },
  );
  r.get(
    `${one}/orders`,
    {
      schema: {
        operationId: 'listGroupBuyOrders',
        tags,
        summary:
          "Orders with rooms and payments: all for the group, coordinators and staff; a relay contact's building; a resident only their own",
        params: ZGroupBuyParams,
        response: { 200: ZOrderList, ...errorResponses },
      },
    },
    async (req) => {
      const { communityId, groupBuyId } = req.params;
      return listGroupBuyOrders(deps, await communityActor(req, communityId), communityId, groupBuyId);
    },
  );
  r.put(
    `${one}/orders/:orderId`,
    {
      schema: {
        operationId: 'changeOrder',
        tags,
        summary: 'Replace the lines of an order while the window runs',
        params: ZGroupBuyOrderParams,
        body: ZChangeOrder,
        response: { 200: ZGroupBuyOrder, ...errorResponses },
      },
    },
    async (req) => {
      const { communityId, groupBuyId, orderId } = req.params;
      const actor = await communityActor(req, communityId);
      return changeOrder(deps, actor, communityId, groupBuyId, orderId, req.body);
    },
  );
  r.post(
    `${one}/orders/:orderId/withdraw`,
    {
      schema: {
        operationId: 'withdrawOrder',
        tags,
        summary: 'Withdraw an order while the window runs (it may be placed again)',
        params: ZGroupBuyOrderParams,
        response: { 200: ZGroupBuyOrder, ...errorResponses },
      },
    },
    async (req) => {
      const { communityId, groupBuyId, orderId } = req.params;
      return withdrawOrder(deps, await communityActor(req, communityId), communityId, groupBuyId, orderId);
    },
  );
  r.post(
    `${one}/close`,
    {
      schema: {
        operationId: 'closeGroupBuy',
        tags,
        summary:
          'Close now: allocate fairly with a recorded seed, or fail below the minimum; households are told. Closing twice answers the same',
        params: ZGroupBuyParams,
        response: { 200: ZCloseResult, ...errorResponses },
      },
    },
    async (req) => {
      const { communityId, groupBuyId } = req.params;
      return closeGroupBuy(deps, await communityActor(req, communityId), communityId, groupBuyId);
    },
  );
  r.post(
    `${one}/payments`,
    {
      schema: {
        operationId: 'markPaid',
        tags,
        summary:
          'Mark several orders paid, to pay on delivery, or unpaid, all at once (the group, coordinators, staff)',
        params: ZGroupBuyParams,
        body: ZMarkPaid,
        response: { 200: ZOrderList, ...errorResponses },
      },
    },
    async (req) => {
      const { communityId, groupBuyId } = req.params;
      return markPaid(deps, await communityActor(req, communityId), communityId, groupBuyId, req.body);
    },
  );
  r.put(
    `${one}/supplier-bill`,
    {
      schema: {
        operationId: 'recordSupplierBill',
        tags,
        summary: "Record the supplier's bill; the detail reconciles it against the payments marked",
        params: ZGroupBuyParams,
        body: ZSupplierBill,
        response: { 200: ZGroupBuyDetail, ...errorResponses },
      },
    },
    async (req) => {
      const { communityId, groupBuyId } = req.params;
      const actor = await communityActor(req, communityId);
      return recordSupplierBill(deps, actor, communityId, groupBuyId, req.body);
    },
  );
}
