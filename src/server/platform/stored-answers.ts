import { type Db, fixedStatement } from '../db/client.ts';
import { BatchedLookup, perDatabase } from './batched-lookup.ts';

export interface StoredAnswer {
  statusCode: number;
  response: unknown;
  operation: string;
}
interface KeyScope {
  communityId: string;
  accountId: string;
  key: string;
}
interface Row extends StoredAnswer {
  c: string;
  a: string;
  k: string;
}

const LOOKUP = `
  select w.c, w.a, w.k, i.status_code as "statusCode", i.response, i.operation
  from json_to_recordset($1::json) as w(c uuid, a uuid, k text)
    join idempotency_keys i on i.community_id = w.c and i.account_id = w.a and i.key = w.k`;

const lookupOf = perDatabase(
  (db: Db) =>
    new BatchedLookup<KeyScope, StoredAnswer>(
      (s) => `${s.communityId}/${s.accountId}/${s.key}`,
      async (scopes) => {
        const wanted = scopes.map((s) => ({ c: s.communityId, a: s.accountId, k: s.key }));
        const rows = await fixedStatement<Row>(db, LOOKUP, [JSON.stringify(wanted)]);
        return new Map(
          rows.map((r) => [
            `${r.c}/${r.a}/${r.k}`,
            { statusCode: r.statusCode, response: r.response, operation: r.operation },
          ]),
        );
      },
    ),
);

/** The answer kept in the table for an Idempotency-Key, if any, read together with others asked for at once. */
export const findStoredAnswer = (db: Db, scope: KeyScope) => lookupOf(db).find(scope);
