import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZCancelledShift,
  ZCancelShift,
  ZCreateShiftTemplate,
  ZGeneratedShifts,
  ZGenerateShifts,
  ZShiftTemplate,
  ZShiftTemplateList,
  ZShiftTemplateQuery,
  ZTemplateParams,
} from '../../../shared/api/shift-templates.ts';
import { ZShiftParams } from '../../../shared/api/shifts.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { cancelShift } from './cancel-shift.service.ts';
import * as templates from './templates.service.ts';

const base = '/api/communities/:communityId';

/** What a leader plans ahead: a group's recurring shifts, generating them for some days, calling one off. */
export async function shiftPlanningRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['shifts'];

  r.post(
    `${base}/shift-templates`,
    {
      schema: {
        operationId: 'createShiftTemplate',
        tags,
        summary:
          "Define a group's recurring shift: local times, roles with places, when sign-up opens and closes (coordinator, or the group's leader)",
        params: ZCommunityParams,
        body: ZCreateShiftTemplate,
        response: { 201: ZShiftTemplate, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await templates.createShiftTemplate(
            deps,
            await communityActor(req, req.params.communityId),
            req.body,
          ),
        ),
  );
  r.get(
    `${base}/shift-templates`,
    {
      schema: {
        operationId: 'listShiftTemplates',
        tags,
        summary: 'Shift templates in use, optionally of one group',
        params: ZCommunityParams,
        querystring: ZShiftTemplateQuery,
        response: { 200: ZShiftTemplateList, ...errorResponses },
      },
    },
    async (req) =>
      templates.listShiftTemplates(deps, await communityActor(req, req.params.communityId), req.query),
  );
  r.delete(
    `${base}/shift-templates/:templateId`,
    {
      schema: {
        operationId: 'archiveShiftTemplate',
        tags,
        summary: 'Archive a template; the shifts it made stay',
        params: ZTemplateParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await templates.archiveShiftTemplate(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.templateId,
      );
      return reply.status(204).send(null);
    },
  );
  r.post(
    `${base}/shift-templates/:templateId/generate`,
    {
      schema: {
        operationId: 'generateShifts',
        tags,
        summary: `Make a template's shifts for local days (at most 62); days that have theirs already are skipped`,
        params: ZTemplateParams,
        body: ZGenerateShifts,
        response: { 200: ZGeneratedShifts, ...errorResponses },
      },
    },
    async (req) =>
      templates.generateShifts(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.templateId,
        req.body,
      ),
  );
  r.post(
    `${base}/shifts/:shiftId/cancel`,
    {
      schema: {
        operationId: 'cancelShift',
        tags,
        summary:
          'Call a shift off: every sign-up and waitlist place is cancelled and each volunteer concerned is told',
        params: ZShiftParams,
        // No body at all is fine too (fastify hands the validator null for it).
        body: ZCancelShift.nullish(),
        response: { 200: ZCancelledShift, ...errorResponses },
      },
    },
    async (req) =>
      cancelShift(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.shiftId,
        req.body ?? {},
      ),
  );
}
