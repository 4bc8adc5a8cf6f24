import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { ZErrorBody } from '../../../shared/api/common.ts';
import { ZHealth } from '../../../shared/api/health.ts';
import { AppError } from '../../platform/app-error.ts';
import { router } from '../../platform/routes.ts';

export async function healthRoutes(app: FastifyInstance) {
  router(app).get(
    '/api/health',
    {
      schema: {
        operationId: 'health',
        tags: ['operations'],
        summary: 'Liveness and database reachability',
        response: { 200: ZHealth, 503: ZErrorBody },
      },
    },
    async () => {
      const { deps } = app;
      try {
        await deps.db.execute(sql`select 1`);
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE');
      }
      return { status: 'ok' as const, db: deps.dbKind, version: deps.version };
    },
  );
}
