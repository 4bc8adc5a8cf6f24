import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/roles.ts';
import { memberships } from '../db/schema/index.ts';
import { notFound } from './app-error.ts';
import type { Actor } from './context.ts';
import { cachedRoles, rememberRoles, rolesGeneration } from './roles-cache.ts';
import { requireAuth } from './sessions.ts';

/**
 * The signed-in person as a member of one community. A non-member learns nothing,
 * not even that the community exists: 404, never 403 with data.
 */
export async function communityActor(req: FastifyRequest, communityId: string): Promise<Actor> {
  const auth = requireAuth(req.auth);
  const { db, dbKind, clock } = req.server.deps;
  const now = clock.now();
  const cached = cachedRoles(db, dbKind, communityId, auth.account.id, now);
  if (cached) return { account: auth.account, communityId, roles: cached };
  const generation = rolesGeneration(db);
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.accountId, auth.account.id)));
  if (rows.length === 0) throw notFound('community');
  const roles = rows.map((r) => r.role as Role);
  rememberRoles(db, communityId, auth.account.id, roles, now, generation);
  return { account: auth.account, communityId, roles };
}
