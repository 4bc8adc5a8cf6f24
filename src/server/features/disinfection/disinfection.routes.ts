import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZDisinfectionArea,
  ZDisinfectionAreaInput,
  ZDisinfectionAreaList,
  ZDisinfectionAreaParams,
  ZDisinfectionAreaQuery,
  ZDisinfectionCoverage,
  ZDisinfectionPhoto,
  ZDisinfectionTask,
  ZDisinfectionTaskList,
  ZDisinfectionTaskParams,
  ZDisinfectionTaskQuery,
  ZLogDisinfection,
  ZUpdateDisinfectionArea,
} from '../../../shared/api/disinfection.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { readOnePhoto } from '../medicine/medicine-work.routes.ts';
import {
  createDisinfectionArea,
  listDisinfectionAreas,
  updateDisinfectionArea,
} from './disinfection-areas.service.ts';
import { getDisinfectionCoverage } from './disinfection-coverage.service.ts';
import './disinfection-generation.ts';
import { authorize } from '../../platform/authorize.ts';
import { disinfectionActions } from './disinfection.policy.ts';
import {
  getDisinfectionPhoto,
  listDisinfectionTasks,
  logDisinfection,
  uploadDisinfectionPhoto,
} from './disinfection-tasks.service.ts';

const base = '/api/communities/:communityId/disinfection';

export async function disinfectionRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['disinfection'];

  r.get(
    `${base}/areas`,
    {
      schema: {
        operationId: 'listDisinfectionAreas',
        tags,
        summary:
          'The areas the disinfection group keeps clean, building by building, with their schedules (all=1: those out of use too); the group, coordinators, staff and viewers',
        params: ZCommunityParams,
        querystring: ZDisinfectionAreaQuery,
        response: { 200: ZDisinfectionAreaList, ...errorResponses },
      },
    },
    async (req) =>
      listDisinfectionAreas(deps, await communityActor(req, req.params.communityId), req.query.all === '1'),
  );
  r.post(
    `${base}/areas`,
    {
      schema: {
        operationId: 'createDisinfectionArea',
        tags,
        summary:
          "Add an area (a building's lobby or lifts, a gate, a rubbish point at x/y, the testing square) with its schedule: daily or weekly (with weekday, 1 = Monday) at times HH:MM community time, or after each testing round; its tasks for today and tomorrow are made at once. Coordinators, staff and the disinfection group's leaders; an unknown building or gate, a bad time or a weekly area without weekday is 400 and writes nothing",
        params: ZCommunityParams,
        body: ZDisinfectionAreaInput,
        response: { 201: ZDisinfectionArea, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = await communityActor(req, req.params.communityId);
      return reply.status(201).send(await createDisinfectionArea(deps, actor, req.body));
    },
  );
  r.put(
    `${base}/areas/:areaId`,
    {
      schema: {
        operationId: 'updateDisinfectionArea',
        tags,
        summary:
          'Change an area (the whole of it): its rounds not yet due are made again from the new schedule; active=false takes it out of use and calls off its open rounds. Same people and checks as createDisinfectionArea',
        params: ZDisinfectionAreaParams,
        body: ZUpdateDisinfectionArea,
        response: { 200: ZDisinfectionArea, ...errorResponses },
      },
    },
    async (req) =>
      updateDisinfectionArea(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.areaId,
        req.body,
      ),
  );

  r.get(
    `${base}/tasks`,
    {
      schema: {
        operationId: 'listDisinfectionTasks',
        tags,
        summary:
          "One day's rounds (date = the community's calendar day, today by default; today's also carries the last week's rounds still not done, or done today) by due time, each with its area, whether it is overdue (still due past its grace), and who did it when; status narrows to due, overdue, done or skipped. The disinfection group, coordinators, staff and viewers",
        params: ZCommunityParams,
        querystring: ZDisinfectionTaskQuery,
        response: { 200: ZDisinfectionTaskList, ...errorResponses },
      },
    },
    async (req) => listDisinfectionTasks(deps, await communityActor(req, req.params.communityId), req.query),
  );
  r.post(
    `${base}/tasks/:taskId/log`,
    {
      schema: {
        operationId: 'logDisinfection',
        tags,
        summary:
          "Log a round done now, with an optional note (the photo goes to …/photo after). Once: a second log is 409. A round may be logged early on its own day, and late; a round of a later day (tomorrow's) is 409 until that day. The disinfection group, coordinators and staff",
        params: ZDisinfectionTaskParams,
        body: ZLogDisinfection,
        response: { 200: ZDisinfectionTask, ...errorResponses },
      },
    },
    async (req) =>
      logDisinfection(deps, await communityActor(req, req.params.communityId), req.params.taskId, req.body),
  );
  r.post(
    `${base}/tasks/:taskId/photo`,
    {
      schema: {
        operationId: 'uploadDisinfectionPhoto',
        tags,
        summary:
          'The photo of a logged round (multipart, one file): JPEG, PNG or WebP by its bytes, at most 10 MB, stored without its location or other metadata; a second photo replaces the first; 409 before the round is logged',
        consumes: ['multipart/form-data'],
        params: ZDisinfectionTaskParams,
        response: {
          201: ZDisinfectionPhoto,
          413: errorResponses[400],
          415: errorResponses[400],
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = await communityActor(req, req.params.communityId);
      // The role check before the upload is read: a caller the table refuses gets 403 at once, not after
      // the server has taken in up to 10 MB (the service then checks the rest of their standing).
      authorize(actor, disinfectionActions['disinfection.log']);
      const data = await readOnePhoto(req);
      return reply.status(201).send(await uploadDisinfectionPhoto(deps, actor, req.params.taskId, data));
    },
  );
  r.get(
    `${base}/tasks/:taskId/photo`,
    {
      schema: {
        operationId: 'getDisinfectionPhoto',
        tags,
        summary: "A logged round's photo, to those who see the rounds (never cached, never public)",
        params: ZDisinfectionTaskParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        // Buffers bypass the serializer; the schema only documents the binary body.
        response: { 200: z.any().describe('the photo'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = await communityActor(req, req.params.communityId);
      const photo = await getDisinfectionPhoto(deps, actor, req.params.taskId);
      return reply
        .type(photo.mimeType)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(photo.content));
    },
  );

  r.get(
    `${base}/coverage`,
    {
      schema: {
        operationId: 'getDisinfectionCoverage',
        tags,
        summary:
          "Every area in use as it stands now: last round done and by whom, next round due, overdue, rounds done today, a state (overdue, done, due, idle) and its place on the site plan (its building's or gate's position, else its own x/y). The disinfection group, coordinators, staff and viewers",
        params: ZCommunityParams,
        response: { 200: ZDisinfectionCoverage, ...errorResponses },
      },
    },
    async (req) => getDisinfectionCoverage(deps, await communityActor(req, req.params.communityId)),
  );
}
