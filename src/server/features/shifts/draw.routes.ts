import type { FastifyInstance } from 'fastify';
import { ZShiftDraw } from '../../../shared/api/shift-draws.ts';
import { ZShiftParams } from '../../../shared/api/shifts.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { runShiftDraw } from './draw.service.ts';
import { getShiftDraw } from './draw-view.service.ts';

const base = '/api/communities/:communityId';

/** The fair draw of draw-mode shifts: see it (rule, seed, ranked outcome) and, after the close, run it. */
export async function shiftDrawRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['shifts'];

  r.get(
    `${base}/shifts/:shiftId/draw`,
    {
      schema: {
        operationId: 'getShiftDraw',
        tags,
        summary:
          "A draw-mode shift's draw: the rule, requests so far, and once drawn the seed, the ranked outcome with each entrant's hours, and whether re-running it from the seed gives the same",
        params: ZShiftParams,
        response: { 200: ZShiftDraw, ...errorResponses },
      },
    },
    async (req) => getShiftDraw(deps, await communityActor(req, req.params.communityId), req.params.shiftId),
  );
  r.post(
    `${base}/shifts/:shiftId/draw`,
    {
      schema: {
        operationId: 'runShiftDraw',
        tags,
        summary:
          "Draw the places now, after requests have closed (coordinator, or the group's leader); a shift already drawn answers with its draw",
        params: ZShiftParams,
        response: { 200: ZShiftDraw, ...errorResponses },
      },
    },
    async (req) => runShiftDraw(deps, await communityActor(req, req.params.communityId), req.params.shiftId),
  );
}
