import type { Role } from '../../shared/roles.ts';
import { AppError } from './app-error.ts';
import type { Actor } from './context.ts';

/**
 * Per-feature policy tables: which roles may perform which action in a community.
 * Features register theirs once at import; authorize() is the named first step of every use case.
 */
export type PolicyRole = Role | 'platform_admin';
const policies = new Map<string, readonly PolicyRole[]>();

export function definePolicy<A extends string>(table: Record<A, readonly PolicyRole[]>): Record<A, A> {
  const names = {} as Record<A, A>;
  for (const [action, roles] of Object.entries(table) as [A, readonly PolicyRole[]][]) {
    if (policies.has(action)) throw new Error(`policy ${action} defined twice`);
    policies.set(action, roles);
    names[action] = action;
  }
  return names;
}

/** Returns the role under which the actor may act; throws FORBIDDEN otherwise. */
export function authorize(actor: Actor, action: string, target?: { communityId: string }): PolicyRole {
  const allowed = policies.get(action);
  if (!allowed) throw new Error(`no policy for ${action}`);
  if (target && target.communityId !== actor.communityId) throw new AppError('FORBIDDEN');
  const held: PolicyRole[] = actor.account.isPlatformAdmin ? [...actor.roles, 'platform_admin'] : actor.roles;
  const role = allowed.find((r) => held.includes(r));
  if (!role) throw new AppError('FORBIDDEN');
  return role;
}

export const policyTable = () => new Map(policies);
