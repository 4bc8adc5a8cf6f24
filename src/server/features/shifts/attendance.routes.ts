import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ZAttendanceAction,
  ZCalendarParams,
  ZNoShowAction,
  ZRosterEntry,
  ZShiftRoster,
} from '../../../shared/api/attendance.ts';
import { ZShiftParams } from '../../../shared/api/shifts.ts';
import { communityActor } from '../../platform/actor.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import * as attendance from './attendance.service.ts';
import { getCalendarFeed } from './calendar.service.ts';

const base = '/api/communities/:communityId';

/** On the day of a shift (roster, check-in and out, no-shows) and the personal calendar feed. */
export async function attendanceRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  const tags = ['shifts'];

  r.get(
    `${base}/shifts/:shiftId/roster`,
    {
      schema: {
        operationId: 'listShiftRoster',
        tags,
        summary:
          "A shift's sign-ups with check-in, check-out and no-shows (coordinator, the group's leaders; staff read-only)",
        params: ZShiftParams,
        response: { 200: ZShiftRoster, ...errorResponses },
      },
    },
    async (req) =>
      attendance.listShiftRoster(deps, await communityActor(req, req.params.communityId), req.params.shiftId),
  );
  const change = (
    path: string,
    operationId: string,
    summary: string,
    body: typeof ZAttendanceAction | typeof ZNoShowAction,
    run: typeof attendance.checkIn,
  ) =>
    r.post(
      `${base}/shifts/:shiftId/${path}`,
      {
        schema: {
          operationId,
          tags,
          summary,
          params: ZShiftParams,
          body,
          response: { 200: ZRosterEntry, ...errorResponses },
        },
      },
      async (req) =>
        run(deps, await communityActor(req, req.params.communityId), req.params.shiftId, req.body as never),
    );
  change(
    'check-in',
    'checkIn',
    'Check a volunteer in by sign-up or by the token of their personal QR code, from 60 min before the start to the end; `undo` takes it back',
    ZAttendanceAction,
    attendance.checkIn,
  );
  change(
    'check-out',
    'checkOut',
    'Check a volunteer out (after check-in, until 60 min after the end); hours = check-out − check-in',
    ZAttendanceAction,
    attendance.checkOut,
  );
  change(
    'no-show',
    'markNoShow',
    'Mark a confirmed volunteer who did not come (once the shift has started); `undo` takes it back',
    ZNoShowAction,
    attendance.markNoShow as typeof attendance.checkIn,
  );

  r.get(
    '/api/calendar/:token.ics',
    {
      schema: {
        operationId: 'getCalendarFeed',
        tags,
        summary:
          "A volunteer's shifts as an iCalendar feed (no sign-in: the secret token in the URL is the key; reset it to revoke)",
        params: ZCalendarParams,
        produces: ['text/calendar'],
        // A Buffer bypasses the serializer; the schema only documents the body.
        response: { 200: z.any().describe('iCalendar (RFC 5545)'), 404: errorResponses[404] },
      },
    },
    async (req, reply) => {
      const feed = await getCalendarFeed(deps, req.params.token);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="linli-shifts.ics"')
        .send(Buffer.from(feed, 'utf8'));
    },
  );
}
