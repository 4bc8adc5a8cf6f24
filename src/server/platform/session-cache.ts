import type { Db, DbKind } from '../db/client.ts';
import type { AuthState } from './context.ts';

/**
 * Resolved sessions kept for a few seconds, so a burst of requests (every parcel shift "sold out in
 * seconds") does not read the same session row thousands of times. Sign-out and changes to the account
 * in this process drop the entry at once; another server process notices within FRESH_MS at most. On
 * the embedded database this process is the only one, so an entry may live longer.
 * Freshness is measured on the app's clock, so tests that move the clock see expiry as production does.
 */
const freshMs = (kind: DbKind) => (kind === 'pglite' ? 60_000 : 5_000);
const MAX_ENTRIES = 50_000;

interface Entry {
  auth: AuthState;
  cachedAt: number;
  sessionExpiresAt: number;
}

// One cache per database, so apps on different databases in one process (tests) never share entries.
const caches = new WeakMap<Db, Map<string, Entry>>();

function cacheOf(db: Db) {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

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

export function rememberAuth(db: Db, auth: AuthState, now: Date, sessionExpiresAt: Date) {
  const cache = cacheOf(db);
  // Oldest first: Map keeps insertion order, so dropping from the front bounds memory in a flood.
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(auth.tokenHash, { auth, cachedAt: now.getTime(), sessionExpiresAt: sessionExpiresAt.getTime() });
}

export function forgetSession(db: Db, tokenHash: string) {
  cacheOf(db).delete(tokenHash);
}

export function forgetAccount(db: Db, accountId: string) {
  const cache = cacheOf(db);
  for (const [hash, entry] of cache) if (entry.auth.account.id === accountId) cache.delete(hash);
}
