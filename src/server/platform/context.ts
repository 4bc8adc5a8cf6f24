import type { Locale, Role } from '../../shared/roles.ts';
import type { Config } from '../config.ts';
import type { Database, Db, DbKind } from '../db/client.ts';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every service needs: the database, the clock, the configuration. */
export interface AppDeps {
  db: Db;
  dbKind: DbKind;
  config: Config;
  clock: Clock;
  version: string;
  sessionSecret: string;
  /** LISTEN on the database, for live events (platform/event-stream); without it no live event is heard. */
  listen?: Database['listen'];
}

export interface SignedInAccount {
  id: string;
  username: string;
  displayName: string;
  locale: Locale;
  isPlatformAdmin: boolean;
  isDemo: boolean;
}

export interface AuthState {
  account: SignedInAccount;
  tokenHash: string;
  csrfToken: string;
}

/**
 * A signed-in person acting in one community, with the roles they hold there.
 * For platform actions (creating a community) communityId is null and roles are all held anywhere.
 */
export interface Actor {
  account: SignedInAccount;
  communityId: string | null;
  roles: Role[];
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    auth: AuthState | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}
