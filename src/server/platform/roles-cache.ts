import type { FastifyInstance } from 'fastify';
import type { Role } from '../../shared/roles.ts';
import type { Db, DbKind } from '../db/client.ts';
import { publishLive } from './live-events.ts';

/**
 * A member's roles in a community, kept for a few seconds: every request to a community reads them,
 * and a resident checking parcels and notices asks for the same ones again and again. A change of
 * roles announces itself (announceRolesChanged) and every process drops its copies when it hears
 * it after the commit; within FRESH_MS at most should that notice be lost, as for sessions
 * (session-cache.ts). Non-members are never remembered: joining takes effect at once.
 */
const freshMs = (kind: DbKind) => (kind === 'pglite' ? 60_000 : 5_000);
const MAX_ENTRIES = 50_000;
export const ROLES_CHANGED = 'account.roles_changed';

interface Cache {
  entries: Map<string, { roles: Role[]; at: number }>;
  /** Bumped by every forget: roles read before a change committed are then not remembered. */
  generation: number;
}
const caches = new WeakMap<Db, Cache>();
const stateOf = (db: Db) => {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new Map(), generation: 0 };
    caches.set(db, cache);
  }
  return cache;
};
const keyOf = (communityId: string, accountId: string) => `${accountId}/${communityId}`;

/** Take it before reading roles, and hand it to rememberRoles. */
export const rolesGeneration = (db: Db) => stateOf(db).generation;

export function cachedRoles(db: Db, kind: DbKind, communityId: string, accountId: string, now: Date) {
  const { entries } = stateOf(db);
  const key = keyOf(communityId, accountId);
  const entry = entries.get(key);
  if (!entry) return undefined;
  const age = now.getTime() - entry.at;
  if (age < 0 || age > freshMs(kind)) {
    entries.delete(key);
    return undefined;
  }
  return entry.roles;
}

export function rememberRoles(
  db: Db,
  communityId: string,
  accountId: string,
  roles: Role[],
  now: Date,
  readAtGeneration: number,
) {
  const state = stateOf(db);
  if (roles.length === 0 || state.generation !== readAtGeneration) return;
  if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
  state.entries.set(keyOf(communityId, accountId), { roles, at: now.getTime() });
}

function forgetRolesOf(db: Db, accountIds: readonly string[]) {
  const state = stateOf(db);
  state.generation++;
  const prefixes = accountIds.map((id) => `${id}/`);
  for (const key of state.entries.keys())
    if (prefixes.some((p) => key.startsWith(p))) state.entries.delete(key);
}

/**
 * Call it in the transaction that grants or takes back roles: every process forgets after the commit,
 * and this one at once as well (its own notice arrives a moment after the answer may have gone).
 */
export async function announceRolesChanged(tx: Pick<Db, 'execute'>, accountIds: readonly string[], db: Db) {
  if (accountIds.length === 0) return;
  forgetRolesOf(db, accountIds);
  // No community: no browser stream is addressed, only the processes' observers hear it.
  await publishLive(tx, { communityId: '', type: ROLES_CHANGED, data: { accountIds } });
}

export function hearRolesChanges(app: FastifyInstance) {
  const { db } = app.deps;
  const stopEvents = app.liveHub.observe((event) => {
    if (event.type !== ROLES_CHANGED) return;
    const ids = event.data?.accountIds;
    if (Array.isArray(ids))
      forgetRolesOf(
        db,
        ids.filter((id): id is string => typeof id === 'string'),
      );
  });
  // A change published while the listener was cut off was never heard.
  const stopResume = app.liveHub.observeResume(() => {
    const state = stateOf(db);
    state.generation++;
    state.entries.clear();
  });
  app.addHook('onClose', async () => {
    stopEvents();
    stopResume();
  });
}
