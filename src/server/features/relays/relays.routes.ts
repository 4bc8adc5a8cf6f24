import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import {
  ZRelaySettings,
  ZRelayTask,
  ZRelayTaskList,
  ZRelayTaskParams,
  ZRelayTaskQuery,
  ZSetRelaySettings,
} from '../../../shared/api/relay-tasks.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
// Loading the escalation registers its background task.
import './relay-escalation.ts';
import { getRelaySettings, setRelaySettings } from './relay-settings.service.ts';
import { confirmRelay, listRelayTasks } from './relays.service.ts';

const base = '/api/communities/:communityId';

/** Building relays (楼组长转达): the tasks, "passed on", and the minutes before escalation. */
export async function relayRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['relays'];

  r.get(
    `${base}/relay-tasks`,
    {
      schema: {
        operationId: 'listRelayTasks',
        tags,
        summary:
          "Relay tasks: a relay contact's own buildings; every building for coordinators, staff and the publicity group, with per-building figures. Unconfirmed from the last 48 hours first, then today's confirmations",
        params: ZCommunityParams,
        querystring: ZRelayTaskQuery,
        response: { 200: ZRelayTaskList, ...errorResponses },
      },
    },
    async (req) =>
      listRelayTasks(deps, await communityActor(req, req.params.communityId), req.query, req.locale),
  );
  r.post(
    `${base}/relay-tasks/:taskId/confirm`,
    {
      schema: {
        operationId: 'confirmRelay',
        tags,
        summary:
          "Passed on (已转达): the building's relay contact, or a coordinator, staff or the publicity group on their behalf. Audited; confirming again changes nothing",
        params: ZRelayTaskParams,
        response: { 200: ZRelayTask, ...errorResponses },
      },
    },
    async (req) =>
      confirmRelay(deps, await communityActor(req, req.params.communityId), req.params.taskId, req.locale),
  );
  r.get(
    `${base}/relay-settings`,
    {
      schema: {
        operationId: 'getRelaySettings',
        tags,
        summary: 'Minutes a relay contact has to confirm before escalation (default 120)',
        params: ZCommunityParams,
        response: { 200: ZRelaySettings, ...errorResponses },
      },
    },
    async (req) => getRelaySettings(deps, await communityActor(req, req.params.communityId)),
  );
  r.put(
    `${base}/relay-settings`,
    {
      schema: {
        operationId: 'setRelaySettings',
        tags,
        summary:
          'Set the minutes before escalation (5–1440): coordinators. Audited; applies to tasks made from now on',
        params: ZCommunityParams,
        body: ZSetRelaySettings,
        response: { 200: ZRelaySettings, ...errorResponses },
      },
    },
    async (req) => setRelaySettings(deps, await communityActor(req, req.params.communityId), req.body),
  );
}
