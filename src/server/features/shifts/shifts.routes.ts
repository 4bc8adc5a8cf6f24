import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZCreateShift,
  ZMySignupList,
  ZSetCapacity,
  ZShift,
  ZShiftList,
  ZShiftParams,
  ZShiftQuery,
  ZSignUp,
  ZSignup,
  ZSignupParams,
} from '../../../shared/api/shifts.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { requireAuth } from '../../platform/sessions.ts';
import * as shifts from './shifts.service.ts';
import { gateMemory } from './signup-gate.ts';
import { signUpThroughGate } from './signup-through-gate.ts';
import * as signups from './signups.service.ts';

const base = '/api/communities/:communityId';
const ZIdempotencyHeaders = z
  .object({ 'idempotency-key': z.string().min(1).max(100).optional() })
  .passthrough();

export async function shiftRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['shifts'];
  // The sign-up gate remembers places for a moment; every process's committed changes keep it true.
  const stopHearing = app.liveHub?.observe((event) => gateMemory.hear(event));
  gateMemory.personFreshMs = deps.dbKind === 'pglite' ? 60_000 : 5_000;
  app.addHook('onClose', async () => stopHearing?.());

  r.post(
    `${base}/shifts`,
    {
      schema: {
        operationId: 'createShift',
        tags,
        summary:
          "Create a shift with its roles, capacities and sign-up window (coordinator, or the group's leader)",
        params: ZCommunityParams,
        body: ZCreateShift,
        response: { 201: ZShift, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await shifts.createShift(deps, await communityActor(req, req.params.communityId), req.body)),
  );
  r.get(
    `${base}/shifts`,
    {
      schema: {
        operationId: 'listShifts',
        tags,
        summary: 'Shifts with places left per role and my own sign-up',
        params: ZCommunityParams,
        querystring: ZShiftQuery,
        response: { 200: ZShiftList, ...errorResponses },
      },
    },
    async (req) => shifts.listShifts(deps, await communityActor(req, req.params.communityId), req.query),
  );
  r.put(
    `${base}/shifts/:shiftId/capacity`,
    {
      schema: {
        operationId: 'setShiftCapacity',
        tags,
        summary:
          'Change the capacity of a role (never below those signed up; more room moves the waitlist up)',
        params: ZShiftParams,
        body: ZSetCapacity,
        response: { 200: ZShift, ...errorResponses },
      },
    },
    async (req) =>
      shifts.setShiftCapacity(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.shiftId,
        req.body,
      ),
  );
  r.post(
    `${base}/shifts/:shiftId/signups`,
    {
      schema: {
        operationId: 'signUpForShift',
        tags,
        summary:
          'Sign up for a shift (optionally a role, or the waitlist); send Idempotency-Key to retry safely',
        params: ZShiftParams,
        headers: ZIdempotencyHeaders,
        body: ZSignUp.nullish(),
        response: { 201: ZSignup, ...errorResponses },
      },
    },
    async (req, reply) => {
      const answer = await signUpThroughGate(
        deps,
        requireAuth(req.auth).account,
        req.params.communityId,
        req.params.shiftId,
        req.body ?? {},
        req.headers['idempotency-key'],
      );
      return reply.status(answer.status as 201).send(answer.body);
    },
  );
  r.delete(
    `${base}/signups/:signupId`,
    {
      schema: {
        operationId: 'cancelSignup',
        tags,
        summary: 'Give a place back before the cut-off; the first on the waitlist moves up',
        params: ZSignupParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await signups.cancelSignup(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.signupId,
      );
      return reply.status(204).send(null);
    },
  );
  r.get(
    `${base}/my/signups`,
    {
      schema: {
        operationId: 'listMySignups',
        tags,
        summary: 'My sign-ups and waitlist places',
        params: ZCommunityParams,
        response: { 200: ZMySignupList, ...errorResponses },
      },
    },
    async (req) => signups.listMySignups(deps, await communityActor(req, req.params.communityId)),
  );
}
