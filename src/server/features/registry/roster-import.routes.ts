import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { ZIdParams, ZImportPreview, ZImportResult } from '../../../shared/api/registry.ts';
import { ROSTER_FILE_MAX_BYTES } from '../../../shared/roster-codes.ts';
import { communityActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/app-error.ts';
import { authorize } from '../../platform/authorize.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { registryActions } from './registry.policy.ts';
import * as service from './roster-import.service.ts';

const base = '/api/communities/:communityId/roster-imports';

export async function rosterImportRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;

  r.post(
    base,
    {
      schema: {
        operationId: 'previewRosterImport',
        tags: ['registry'],
        summary:
          'Upload a roster (xlsx or csv, multipart field "file"): a preview of what would change; nothing is written',
        consumes: ['multipart/form-data'],
        params: ZCommunityParams,
        response: { 200: ZImportPreview, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (req) => {
      const actor = await communityActor(req, req.params.communityId);
      // The role check before the upload is read: a caller the table refuses gets 403 at once, not after
      // the server has taken in up to the file limit (the service then checks the rest of their standing).
      authorize(actor, registryActions['registry.import']);
      if (!req.isMultipart()) throw new AppError('MALFORMED_REQUEST', { reason: 'multipart/form-data' });
      const part = await req.file({ limits: { fileSize: ROSTER_FILE_MAX_BYTES, files: 1 } });
      if (!part) throw new AppError('FILE_EMPTY');
      const data = await part.toBuffer().catch((err) => {
        if (err?.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE');
        throw err;
      });
      return service.previewRosterImport(
        deps,
        actor,
        { data, fileName: part.filename || 'roster' },
        req.locale,
      );
    },
  );

  r.post(
    `${base}/:id/commit`,
    {
      schema: {
        operationId: 'commitRosterImport',
        tags: ['registry'],
        summary: 'Write a previewed roster: all rows in one transaction; a second commit changes nothing',
        params: ZIdParams,
        response: { 200: ZImportResult, 410: errorResponses[400], ...errorResponses },
      },
    },
    async (req) =>
      service.commitRosterImport(deps, await communityActor(req, req.params.communityId), req.params.id),
  );
}
