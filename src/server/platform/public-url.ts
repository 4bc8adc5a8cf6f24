import type { FastifyRequest } from 'fastify';

/**
 * Where a printed link (a QR poster, a calendar feed) must point: LINLI_PUBLIC_URL when set (behind a
 * proxy the request's own host is often an internal one), otherwise the host the request came to.
 */
export function publicOrigin(req: FastifyRequest): string {
  return req.server.deps.config.publicUrl ?? `${req.protocol}://${req.host}`;
}
