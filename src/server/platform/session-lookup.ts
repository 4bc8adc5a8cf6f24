import type { Locale } from '../../shared/roles.ts';
import { type Db, fixedStatement } from '../db/client.ts';
import { BatchedLookup, perDatabase } from './batched-lookup.ts';
import type { SignedInAccount } from './context.ts';

export interface SessionRow {
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  account: SignedInAccount;
}
/** A session row as the statements here and the group prewarm select it. */
export interface SessionSqlRow {
  token_hash: string;
  csrf_token: string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  id: string;
  username: string;
  display_name: string;
  locale: string;
  is_platform_admin: boolean;
  is_demo: boolean;
}

// Expiry is compared by the caller, against the request's own clock.
const LOOKUP = `
  select s.token_hash, s.csrf_token, s.last_seen_at, s.expires_at, a.id, a.username, a.display_name, a.locale,
    a.is_platform_admin, a.is_demo
  from sessions s join accounts a on a.id = s.account_id
  where s.token_hash in (select json_array_elements_text($1::json))
    and s.revoked_at is null and a.disabled_at is null`;

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

export const sessionFromRow = (r: SessionSqlRow): SessionRow => ({
  csrfToken: r.csrf_token,
  lastSeenAt: asDate(r.last_seen_at),
  expiresAt: asDate(r.expires_at),
  account: {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    locale: r.locale as Locale,
    isPlatformAdmin: r.is_platform_admin,
    isDemo: r.is_demo,
  },
});

const lookupOf = perDatabase(
  (db: Db) =>
    new BatchedLookup<string, SessionRow>(
      (tokenHash) => tokenHash,
      async (hashes) => {
        const rows = await fixedStatement<SessionSqlRow>(db, LOOKUP, [JSON.stringify(hashes)]);
        return new Map(rows.map((r) => [r.token_hash, sessionFromRow(r)]));
      },
    ),
);

/** A live (not revoked, account not disabled) session by its token's hash, read with others asked for at once. */
export const findSession = (db: Db, tokenHash: string) => lookupOf(db).find(tokenHash);
