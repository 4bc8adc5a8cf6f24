import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  ZDistributionBuilding,
  ZDistributionList,
  ZGroupBuyBuildingParams,
  ZGroupBuyDetail,
  ZGroupBuyException,
  ZGroupBuyOrder,
  ZGroupBuyOrderParams,
  ZGroupBuyParams,
  ZGroupBuyRuns,
  ZPlanGroupBuyRuns,
  ZRecordArrival,
  ZRecordException,
} from '../../../shared/api/group-buys.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { recordArrival } from './group-buy-arrival.service.ts';
import {
  confirmReceipt,
  getDistributionList,
  markBuildingDistributed,
  recordException,
} from './group-buy-distribution.service.ts';
import { exportDistributionList, exportGroupBuy } from './group-buy-export.ts';
import { getGroupBuyRuns, planGroupBuyRuns } from './group-buy-runs.service.ts';

const base = '/api/communities/:communityId/group-buys/:groupBuyId';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(reply: FastifyReply, file: Buffer, asciiName: string, title: string) {
  return reply
    .type(XLSX)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${title}.xlsx`)}`,
    )
    .send(file);
}

/**
 * After a group buy closes (issue 8, item 5 and 6): arrival at the gate, the distribution list and
 * its sheets, drops per building, receipts, exceptions, the supplier's export and delivery runs.
 */
export async function groupBuyDistributionRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['group-buys'];

  r.post(
    `${base}/arrival`,
    {
      schema: {
        operationId: 'recordArrival',
        tags,
        summary:
          'Record the units counted at the gate per item (items left out arrived in full); a shortfall is shared out again by the same fair rule and the households cut are told. Again on an arrived campaign: corrects counts downwards, until a building is distributed',
        params: ZGroupBuyParams,
        body: ZRecordArrival,
        response: { 200: ZGroupBuyDetail, ...errorResponses },
      },
    },
    async (req) =>
      recordArrival(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.communityId,
        req.params.groupBuyId,
        req.body,
      ),
  );
  r.get(
    `${base}/distribution`,
    {
      schema: {
        operationId: 'getDistributionList',
        tags,
        summary:
          'Per building, room by room: units per item, amount, payment, receipt, proxy and exceptions of each household that gets something (the group, coordinators, staff)',
        params: ZGroupBuyParams,
        response: { 200: ZDistributionList, ...errorResponses },
      },
    },
    async (req) =>
      getDistributionList(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.communityId,
        req.params.groupBuyId,
      ),
  );
  r.get(
    `${base}/distribution.xlsx`,
    {
      schema: {
        operationId: 'exportDistributionList',
        tags,
        summary:
          'The distribution list as xlsx: a summary sheet and one sheet per building (headers in the caller’s language)',
        params: ZGroupBuyParams,
        produces: [XLSX],
        // Buffers bypass the serializer; the schema only documents the binary body.
        response: { 200: z.any().describe('xlsx workbook'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { file, title } = await exportDistributionList(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.communityId,
        req.params.groupBuyId,
        req.locale,
      );
      return sendXlsx(reply, file, 'group-buy-distribution', `${title}-分发名单`);
    },
  );
  r.get(
    `${base}/export.xlsx`,
    {
      schema: {
        operationId: 'exportGroupBuy',
        tags,
        summary:
          "The supplier's export as xlsx: totals per item, units per building per item, and payments reconciled against the supplier's bill (the committee's copy)",
        params: ZGroupBuyParams,
        produces: [XLSX],
        response: { 200: z.any().describe('xlsx workbook'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { file, title } = await exportGroupBuy(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.communityId,
        req.params.groupBuyId,
        req.locale,
      );
      return sendXlsx(reply, file, 'group-buy-supplier', `${title}-供应商汇总`);
    },
  );
  r.post(
    `${base}/buildings/:buildingId/distributed`,
    {
      schema: {
        operationId: 'markBuildingDistributed',
        tags,
        summary:
          "Mark a building's goods handed over (also the rider's action on a delivery run: its stop is marked delivered). Once; the campaign is done when every building with goods is",
        params: ZGroupBuyBuildingParams,
        response: { 200: ZDistributionBuilding, ...errorResponses },
      },
    },
    async (req) =>
      markBuildingDistributed(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.communityId,
        req.params.groupBuyId,
        req.params.buildingId,
      ),
  );
  r.post(
    `${base}/orders/:orderId/receipt`,
    {
      schema: {
        operationId: 'confirmReceipt',
        tags,
        summary:
          'The household confirms it has its goods (or its relay contact, the group, a coordinator on its behalf); confirming again answers the same',
        params: ZGroupBuyOrderParams,
        response: { 200: ZGroupBuyOrder, ...errorResponses },
      },
    },
    async (req) =>
      confirmReceipt(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.communityId,
        req.params.groupBuyId,
        req.params.orderId,
      ),
  );
  r.post(
    `${base}/exceptions`,
    {
      schema: {
        operationId: 'recordException',
        tags,
        summary:
          'Record damaged, missing or other units of an order (the household for its own, the group for any)',
        params: ZGroupBuyParams,
        body: ZRecordException,
        response: { 201: ZGroupBuyException, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await recordException(
            deps,
            await communityActor(req, req.params.communityId),
            req.params.communityId,
            req.params.groupBuyId,
            req.body,
          ),
        ),
  );
  r.get(
    `${base}/runs`,
    {
      schema: {
        operationId: 'getGroupBuyRuns',
        tags,
        summary:
          "The campaign's delivery runs in riding order (a stop's `parcels` counts units), with totals",
        params: ZGroupBuyParams,
        response: { 200: ZGroupBuyRuns, ...errorResponses },
      },
    },
    async (req) =>
      getGroupBuyRuns(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.communityId,
        req.params.groupBuyId,
      ),
  );
  r.post(
    `${base}/runs`,
    {
      schema: {
        operationId: 'planGroupBuyRuns',
        tags,
        summary:
          'Plan delivery runs with the parcel planner: buildings still waiting for their goods, units as load, from a gate, on the vehicles at hand; replaces the runs not started yet',
        params: ZGroupBuyParams,
        body: ZPlanGroupBuyRuns,
        response: { 201: ZGroupBuyRuns, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await planGroupBuyRuns(
            deps,
            await communityActor(req, req.params.communityId),
            req.params.communityId,
            req.params.groupBuyId,
            req.body,
          ),
        ),
  );
}
