import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZBuilding,
  ZBuildingDetail,
  ZBuildingList,
  ZBuildingQuery,
  ZCreateResident,
  ZHouseholdPage,
  ZHouseholdQuery,
  ZIdParams,
  ZPositionsResult,
  ZResident,
  ZResidentPage,
  ZResidentQuery,
  ZSetRelay,
  ZSitePlan,
  ZUpdateBuilding,
  ZUpdateResident,
} from '../../../shared/api/registry.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { importBuildingPositions } from './positions.service.ts';
import * as service from './registry.service.ts';
import * as residents from './residents.service.ts';
import { exportRoster } from './roster-export.ts';

const base = '/api/communities/:communityId';
const ZReveal = ZResidentQuery.pick({ reveal: true });

export async function registryRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['registry'];

  r.get(
    `${base}/zones`,
    {
      schema: {
        operationId: 'listZones',
        tags,
        summary: 'Zones, gates and the extent of the site plan',
        params: ZCommunityParams,
        response: { 200: ZSitePlan, ...errorResponses },
      },
    },
    async (req) => service.listZones(deps, await communityActor(req, req.params.communityId)),
  );
  r.get(
    `${base}/buildings`,
    {
      schema: {
        operationId: 'listBuildings',
        tags,
        summary: 'Buildings with counts and relay contacts',
        params: ZCommunityParams,
        querystring: ZBuildingQuery,
        response: { 200: ZBuildingList, ...errorResponses },
      },
    },
    async (req) => service.listBuildings(deps, await communityActor(req, req.params.communityId), req.query),
  );
  r.get(
    `${base}/buildings/:id`,
    {
      schema: {
        operationId: 'getBuilding',
        tags,
        summary: 'A building with its households and residents',
        params: ZIdParams,
        querystring: ZReveal,
        response: { 200: ZBuildingDetail, ...errorResponses },
      },
    },
    async (req) =>
      service.getBuilding(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.id,
        req.query.reveal,
      ),
  );
  r.patch(
    `${base}/buildings/:id`,
    {
      schema: {
        operationId: 'updateBuilding',
        tags,
        summary: 'Change zone, floors or site-plan position (staff, coordinator)',
        params: ZIdParams,
        body: ZUpdateBuilding,
        response: { 200: ZBuilding, ...errorResponses },
      },
    },
    async (req) =>
      service.updateBuilding(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.id,
        req.body,
      ),
  );
  r.put(
    `${base}/buildings/:id/relay`,
    {
      schema: {
        operationId: 'setRelayContact',
        tags,
        summary: 'Name the relay contact (楼组长) of a building, or clear it',
        params: ZIdParams,
        body: ZSetRelay,
        response: { 200: ZBuilding, ...errorResponses },
      },
    },
    async (req) =>
      service.setRelayContact(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.id,
        req.body.residentId,
      ),
  );
  r.post(
    `${base}/buildings/positions`,
    {
      schema: {
        operationId: 'importBuildingPositions',
        tags,
        summary: 'Set site-plan positions from a CSV of building,x,y in metres (staff, coordinator)',
        params: ZCommunityParams,
        body: z.object({ csv: z.string().max(200_000) }),
        response: { 200: ZPositionsResult, ...errorResponses },
      },
    },
    async (req) =>
      importBuildingPositions(
        deps,
        await communityActor(req, req.params.communityId),
        req.body.csv,
        req.locale,
      ),
  );
  r.get(
    `${base}/households`,
    {
      schema: {
        operationId: 'listHouseholds',
        tags,
        summary: 'Households, filterable and paged',
        params: ZCommunityParams,
        querystring: ZHouseholdQuery,
        response: { 200: ZHouseholdPage, ...errorResponses },
      },
    },
    async (req) => service.listHouseholds(deps, await communityActor(req, req.params.communityId), req.query),
  );
  r.get(
    `${base}/residents`,
    {
      schema: {
        operationId: 'listResidents',
        tags,
        summary: 'Residents, filterable and paged; numbers masked unless revealed (audited)',
        params: ZCommunityParams,
        querystring: ZResidentQuery,
        response: { 200: ZResidentPage, ...errorResponses },
      },
    },
    async (req) => service.listResidents(deps, await communityActor(req, req.params.communityId), req.query),
  );
  r.get(
    `${base}/residents/:id`,
    {
      schema: {
        operationId: 'getResident',
        tags,
        summary: 'One resident',
        params: ZIdParams,
        querystring: ZReveal,
        response: { 200: ZResident, ...errorResponses },
      },
    },
    async (req) =>
      residents.getResident(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.id,
        req.query.reveal,
      ),
  );
  r.post(
    `${base}/residents`,
    {
      schema: {
        operationId: 'createResident',
        tags,
        summary: 'Register a resident in a building and room (the household is created if new)',
        params: ZCommunityParams,
        body: ZCreateResident,
        response: { 201: ZResident, ...errorResponses },
      },
    },
    async (req, reply) => {
      const created = await residents.createResident(
        deps,
        await communityActor(req, req.params.communityId),
        req.body,
      );
      return reply.status(201).send(created);
    },
  );
  r.patch(
    `${base}/residents/:id`,
    {
      schema: {
        operationId: 'updateResident',
        tags,
        summary: 'Change a resident',
        params: ZIdParams,
        body: ZUpdateResident,
        response: { 200: ZResident, ...errorResponses },
      },
    },
    async (req) =>
      residents.updateResident(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.id,
        req.body,
      ),
  );
  r.delete(
    `${base}/residents/:id`,
    {
      schema: {
        operationId: 'deleteResident',
        tags,
        summary: 'Remove a resident',
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await residents.deleteResident(deps, await communityActor(req, req.params.communityId), req.params.id);
      return reply.status(204).send(null);
    },
  );
}

export async function rosterExportRoutes(app: FastifyInstance) {
  router(app).get(
    `${base}/roster.xlsx`,
    {
      schema: {
        operationId: 'exportRoster',
        tags: ['registry'],
        summary:
          'Download the registry (all, or filtered) as xlsx with Chinese headers (staff, coordinator; audited)',
        params: ZCommunityParams,
        querystring: ZResidentQuery.pick({ zoneId: true, buildingId: true, flag: true, vulnerable: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        // Buffers bypass the serializer; the schema only documents the binary body.
        response: { 200: z.any().describe('xlsx workbook'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = await communityActor(req, req.params.communityId);
      const file = await exportRoster(app.deps, actor, req.query);
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="roster-${date}.xlsx"; filename*=UTF-8''${encodeURIComponent(`居民名册-${date}.xlsx`)}`,
        )
        .send(file);
    },
  );
}
