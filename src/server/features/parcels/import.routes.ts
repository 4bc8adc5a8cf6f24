import type { FastifyInstance } from 'fastify';
import { ZCommunityParams } from '../../../shared/api/common.ts';
import { ZParcelImportQuery, ZParcelImportResult } from '../../../shared/api/parcels.ts';
import { ROSTER_FILE_MAX_BYTES } from '../../../shared/roster-codes.ts';
import { communityActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/app-error.ts';
import { authorize } from '../../platform/authorize.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { importParcels } from './import.service.ts';
import { parcelActions } from './parcels.policy.ts';

export async function parcelImportRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;

  r.post(
    '/api/communities/:communityId/parcel-imports',
    {
      schema: {
        operationId: 'importParcels',
        tags: ['parcels'],
        summary:
          'Import a courier sheet (xlsx or csv, multipart field "file"; columns waybill, building, room, phone tail): with dryRun=1 a row-by-row preview and nothing written; without, every valid row lands in one transaction and rows already recorded are skipped',
        consumes: ['multipart/form-data'],
        params: ZCommunityParams,
        querystring: ZParcelImportQuery,
        response: { 200: ZParcelImportResult, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (req) => {
      const actor = await communityActor(req, req.params.communityId);
      // The role check before the upload is read: a caller the table refuses gets 403 at once, not after
      // the server has taken in up to the file limit (the service then checks the rest of their standing).
      authorize(actor, parcelActions['parcels.import']);
      if (!req.isMultipart()) throw new AppError('MALFORMED_REQUEST', { reason: 'multipart/form-data' });
      const part = await req.file({ limits: { fileSize: ROSTER_FILE_MAX_BYTES, files: 1 } });
      if (!part) throw new AppError('FILE_EMPTY', { fileName: '' });
      const data = await part.toBuffer().catch((err) => {
        if (err?.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE');
        throw err;
      });
      return importParcels(
        deps,
        actor,
        { data, fileName: part.filename || 'parcels' },
        { dryRun: req.query.dryRun },
      );
    },
  );
}
