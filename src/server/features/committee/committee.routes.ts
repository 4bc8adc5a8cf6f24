import type { FastifyInstance } from 'fastify';
import {
  ZActionItem,
  ZActionItemList,
  ZActionItemParams,
  ZActionItemQuery,
  ZCommitteeMemberQuery,
  ZCommitteeMembers,
  ZCreateActionItem,
  ZCreateMeeting,
  ZMeeting,
  ZMeetingList,
  ZMeetingParams,
  ZUpdateActionItem,
  ZUpdateMeeting,
} from '../../../shared/api/committee.ts';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import {
  createActionItem,
  listActionItems,
  listCommitteeMembers,
  updateActionItem,
} from './action-items.service.ts';
import { createMeeting, getMeeting, listMeetings, updateMeeting } from './meetings.service.ts';

const base = '/api/communities/:communityId/committee';

/** The weekly committee meeting (支委会) and its action items. */
export async function committeeRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['committee'];

  r.post(
    `${base}/meetings`,
    {
      schema: {
        operationId: 'createMeeting',
        tags,
        summary:
          "Creates a meeting (coordinators and staff). week: any day of the week its figures cover, default the week before heldAt's (Monday 00:00 to Monday 00:00, community time). The figures (parcels, testing, medicine, group buys, volunteer hours) are taken now with the features' own queries, and the agenda is drafted from them as text lines in the caller's language.",
        params: ZCommunityParams,
        body: ZCreateMeeting,
        response: { 201: ZMeeting, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await createMeeting(deps, await communityActor(req, req.params.communityId), req.body, req.locale),
        ),
  );
  r.get(
    `${base}/meetings`,
    {
      schema: {
        operationId: 'listMeetings',
        tags,
        summary: 'The meetings, newest first, with their open action items counted (coordinators and staff)',
        params: ZCommunityParams,
        response: { 200: ZMeetingList, ...errorResponses },
      },
    },
    async (req) => listMeetings(deps, await communityActor(req, req.params.communityId)),
  );
  r.get(
    `${base}/meetings/:meetingId`,
    {
      schema: {
        operationId: 'getMeeting',
        tags,
        summary: "One meeting with its week's figures, agenda, minutes and action items",
        params: ZMeetingParams,
        response: { 200: ZMeeting, ...errorResponses },
      },
    },
    async (req) => getMeeting(deps, await communityActor(req, req.params.communityId), req.params.meetingId),
  );
  r.put(
    `${base}/meetings/:meetingId`,
    {
      schema: {
        operationId: 'updateMeeting',
        tags,
        summary:
          'Changes the fields given (agenda, minutes, attendees, status planned|held, title, heldAt); refreshFigures: true takes the figures of the same week again. Audited.',
        params: ZMeetingParams,
        body: ZUpdateMeeting,
        response: { 200: ZMeeting, ...errorResponses },
      },
    },
    async (req) =>
      updateMeeting(deps, await communityActor(req, req.params.communityId), req.params.meetingId, req.body),
  );
  r.post(
    `${base}/action-items`,
    {
      schema: {
        operationId: 'createActionItem',
        tags,
        summary:
          'A decision as an action item: an owner (any member of the community; 400 otherwise), a due day, optionally the meeting it came from. The owner is told. Coordinators and staff.',
        params: ZCommunityParams,
        body: ZCreateActionItem,
        response: { 201: ZActionItem, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createActionItem(deps, await communityActor(req, req.params.communityId), req.body)),
  );
  r.put(
    `${base}/action-items/:actionItemId`,
    {
      schema: {
        operationId: 'updateActionItem',
        tags,
        summary:
          'Coordinators and staff change status (open|done|dropped), note, due day, owner (the new owner is told) or title; the owner marks their own done or open again and writes the note. Others 403.',
        params: ZActionItemParams,
        body: ZUpdateActionItem,
        response: { 200: ZActionItem, ...errorResponses },
      },
    },
    async (req) =>
      updateActionItem(
        deps,
        await communityActor(req, req.params.communityId),
        req.params.actionItemId,
        req.body,
      ),
  );
  r.get(
    `${base}/action-items`,
    {
      schema: {
        operationId: 'listActionItems',
        tags,
        summary:
          "Action items per person, those with overdue items first, each person's open items by due day (overdue first). owner=me: the caller's own (anyone); owner=all: everyone's (coordinators and staff). status: open (default), done, dropped or all.",
        params: ZCommunityParams,
        querystring: ZActionItemQuery,
        response: { 200: ZActionItemList, ...errorResponses },
      },
    },
    async (req) => listActionItems(deps, await communityActor(req, req.params.communityId), req.query),
  );
  r.get(
    `${base}/members`,
    {
      schema: {
        operationId: 'listCommitteeMembers',
        tags,
        summary:
          'Who an action item may be given to: members found by name or sign-in (q), else the coordinators, staff and leaders; at most 50',
        params: ZCommunityParams,
        querystring: ZCommitteeMemberQuery,
        response: { 200: ZCommitteeMembers, ...errorResponses },
      },
    },
    async (req) => listCommitteeMembers(deps, await communityActor(req, req.params.communityId), req.query.q),
  );
}
