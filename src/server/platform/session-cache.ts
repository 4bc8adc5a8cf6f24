import type { Db, DbKind } from '../db/client.ts';
import type { AuthState } from './context.ts';

/**
 * Resolved sessions kept for a few seconds, so a burst of requests (every parcel shift "sold out in
 * seconds") does not read the same session row thousands of times. Sign-out and changes to the account
 * in this process drop the entry at once; other server processes drop it when they hear the revocation
 * (session-revocation.ts), and within FRESH_MS at most should that notice be lost. On the embedded
 * database this process is the only one, so an entry may live longer.
 * Freshness is measured on the app's clock, so tests that move the clock see expiry as production does.
 */
const freshMs = (kind: DbKind) => (kind === 'pglite' ? 60_000 : 5_000);
const MAX_ENTRIES = 50_000;

interface Entry {
  auth: AuthState;
  cachedAt: number;
  sessionExpiresAt: number;
}

interface Cache {
  entries: Map<string, Entry>;
  /**
   * Bumped by every forget: a session read before a revocation committed and answered after it must not
   * be remembered, so readers take the generation before they read and remember only if it is unchanged.
   */
  generation: number;
}

// One cache per database, so apps on different databases in one process (tests) never share entries.
const caches = new WeakMap<Db, Cache>();

function stateOf(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new Map(), generation: 0 };
    caches.set(db, cache);
  }
  return cache;
}
const cacheOf = (db: Db) => stateOf(db).entries;

/** Take it before reading sessions from the database, and hand it to rememberAuth. */
export const cacheGeneration = (db: Db) => stateOf(db).generation;

export function cachedAuth(db: Db, kind: DbKind, tokenHash: string, now: Date): AuthState | undefined {
  const cache = cacheOf(db);
  const entry = cache.get(tokenHash);
  if (!entry) return undefined;
  const t = now.getTime();
  if (t < entry.cachedAt || t - entry.cachedAt > freshMs(kind) || t >= entry.sessionExpiresAt) {
    cache.delete(tokenHash);
    return undefined;
  }
  return entry.auth;
}

export function rememberAuth(
  db: Db,
  auth: AuthState,
  now: Date,
  sessionExpiresAt: Date,
  readAtGeneration: number,
) {
  const state = stateOf(db);
  if (state.generation !== readAtGeneration) return;
  const cache = state.entries;
  // Oldest first: Map keeps insertion order, so dropping from the front bounds memory in a flood.
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(auth.tokenHash, { auth, cachedAt: now.getTime(), sessionExpiresAt: sessionExpiresAt.getTime() });
}

export function forgetSession(db: Db, tokenHash: string) {
  const state = stateOf(db);
  state.generation++;
  state.entries.delete(tokenHash);
}

export function forgetAccount(db: Db, accountId: string) {
  const state = stateOf(db);
  state.generation++;
  for (const [hash, entry] of state.entries)
    if (entry.auth.account.id === accountId) state.entries.delete(hash);
}

/** When revocations may have been missed (the listener was cut off), nothing cached can be trusted. */
export function forgetAll(db: Db) {
  const state = stateOf(db);
  state.generation++;
  state.entries.clear();
}
