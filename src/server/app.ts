import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { announcementRoutes } from './features/announcements/announcements.routes.ts';
import { publicAnnouncementRoutes } from './features/announcements/announcements-public.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { committeeRoutes } from './features/committee/committee.routes.ts';
import { communityRoutes } from './features/communities/communities.routes.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { dashboardTrendsRoutes } from './features/dashboard/trends.routes.ts';
import { disinfectionRoutes } from './features/disinfection/disinfection.routes.ts';
import { liveEventRoutes } from './features/events/events.routes.ts';
import { groupBuyDistributionRoutes } from './features/group-buys/group-buy-distribution.routes.ts';
import { groupBuyRoutes } from './features/group-buys/group-buys.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { medicineRequestRoutes } from './features/medicine/medicine-requests.routes.ts';
import { medicineSettingsRoutes } from './features/medicine/medicine-settings.routes.ts';
import { medicineWorkRoutes } from './features/medicine/medicine-work.routes.ts';
import { noticeSettingsRoutes } from './features/notifications/notice-settings.routes.ts';
import { notificationRoutes } from './features/notifications/notifications.routes.ts';
import { parcelClearanceRoutes } from './features/parcels/clearance.routes.ts';
import { deliveryRunRoutes } from './features/parcels/delivery-runs.routes.ts';
import { parcelImportRoutes } from './features/parcels/import.routes.ts';
import { parcelRoutes } from './features/parcels/parcels.routes.ts';
import { parcelRideRoutes } from './features/parcels/ride.routes.ts';
import { registryRoutes, rosterExportRoutes } from './features/registry/registry.routes.ts';
import { rosterImportRoutes } from './features/registry/roster-import.routes.ts';
import { relayRoutes } from './features/relays/relays.routes.ts';
import { dailyReportRoutes } from './features/reports/daily-reports.routes.ts';
import { attendanceRoutes } from './features/shifts/attendance.routes.ts';
import { shiftDrawRoutes } from './features/shifts/draw.routes.ts';
import { shiftRoutes } from './features/shifts/shifts.routes.ts';
import { shiftPlanningRoutes } from './features/shifts/templates.routes.ts';
import { streetRoutes } from './features/street/street.routes.ts';
import { testingCallDownRoutes } from './features/testing/call-down.routes.ts';
import { testingLiveRoutes } from './features/testing/live-queues.routes.ts';
import { testingReportRoutes } from './features/testing/report.routes.ts';
import { testingRoundRoutes } from './features/testing/rounds.routes.ts';
import { testingScanRoutes } from './features/testing/scanning.routes.ts';
import { myVolunteerRoutes } from './features/volunteers/my-volunteer.routes.ts';
import { volunteerRoutes } from './features/volunteers/volunteers.routes.ts';
import type { AppDeps } from './platform/context.ts';
import { answerFrameworkError, installErrorHandling } from './platform/error-handler.ts';
import { installLiveEvents } from './platform/event-stream.ts';
import { installNulGuard } from './platform/nul-guard.ts';
import { installReadingFreshness } from './platform/reading-freshness.ts';
import { refusalsOf } from './platform/refusal-buffer.ts';
import { installSecurityHeaders } from './platform/security-headers.ts';
import { installSessions } from './platform/sessions.ts';
import { watchSlowRequests } from './platform/slow-requests.ts';
// Registers its background task: statistics and vacuum for the embedded database, which has no autovacuum.
import './platform/embedded-upkeep.ts';

/**
 * Upload routes read their multipart body by hand (no body schema), so the document would show no
 * request body at all: give them one, so clients and the hostile-input test find them by content type.
 */
const documentUploads: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const consumes = (input.schema as { consumes?: string[] } | undefined)?.consumes;
  if (out.schema && consumes?.includes('multipart/form-data') && !('body' in out.schema)) {
    (out.schema as Record<string, unknown>).body = {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    };
  }
  return out;
};

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app from deps.config.webDir when it exists. */
  serveWeb?: boolean;
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    trustProxy: process.env.LINLI_TRUST_PROXY === '1',
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerFrameworkError,
  });
  app.decorate('deps', deps);
  // Refusals waiting to be written reach the database before it is closed.
  app.addHook('onClose', async () => refusalsOf(deps.db).flush());
  watchSlowRequests(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const spaFallback = Boolean(options.serveWeb && fs.existsSync(path.join(deps.config.webDir, 'index.html')));
  installErrorHandling(app, { spaFallback });

  await installSecurityHeaders(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart);
  installSessions(app);
  installNulGuard(app);
  installLiveEvents(app);
  installReadingFreshness(app);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Linli API',
        description: 'Operations platform for a compound under lockdown',
        version: deps.version,
      },
    },
    transform: documentUploads,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(communityRoutes);
  await app.register(auditRoutes);
  await app.register(registryRoutes);
  await app.register(rosterExportRoutes);
  await app.register(rosterImportRoutes);
  await app.register(volunteerRoutes);
  await app.register(shiftRoutes);
  await app.register(shiftPlanningRoutes);
  await app.register(shiftDrawRoutes);
  await app.register(attendanceRoutes);
  await app.register(myVolunteerRoutes);
  await app.register(liveEventRoutes);
  await app.register(notificationRoutes);
  await app.register(noticeSettingsRoutes);
  await app.register(parcelRoutes);
  await app.register(testingRoundRoutes);
  await app.register(testingCallDownRoutes);
  await app.register(testingScanRoutes);
  await app.register(testingReportRoutes);
  await app.register(testingLiveRoutes);
  await app.register(parcelImportRoutes);
  await app.register(parcelRideRoutes);
  await app.register(deliveryRunRoutes);
  await app.register(parcelClearanceRoutes);
  await app.register(medicineRequestRoutes);
  await app.register(medicineWorkRoutes);
  await app.register(medicineSettingsRoutes);
  await app.register(groupBuyRoutes);
  await app.register(groupBuyDistributionRoutes);
  await app.register(disinfectionRoutes);
  await app.register(relayRoutes);
  await app.register(committeeRoutes);
  await app.register(announcementRoutes);
  await app.register(dashboardRoutes);
  await app.register(publicAnnouncementRoutes);
  await app.register(dashboardTrendsRoutes);
  await app.register(streetRoutes);
  await app.register(dailyReportRoutes);

  if (spaFallback) await app.register(fastifyStatic, { root: deps.config.webDir, wildcard: false });
  return app;
}
