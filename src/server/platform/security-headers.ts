import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response (Helmet), with a Content-Security-Policy the web app runs under:
 * scripts only from this server (Vite's build has no inline script), styles inline too because antd
 * writes its component styles at run time, images also from data: and blob: URLs (QR codes, photo
 * previews, chart exports), and no framing. The browser tests watch for violations on every page.
 */
export async function installSecurityHeaders(app: FastifyInstance) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HTTPS is the reverse proxy's to announce (LINLI_SECURE_COOKIES marks the cookie).
    strictTransportSecurity: false,
  });
}
