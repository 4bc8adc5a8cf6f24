import * as drizzle from 'drizzle-orm';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db, DbKind } from './client.ts';
import {
  cutAtParameters,
  fillCut,
  inlinedSelect,
  type PreparedSelect,
  ShapedSelect,
  ShapedStatement,
} from './statement-shapes.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export interface StatementResult {
  rows: Record<string, unknown>[];
}

const dialect = new PgDialect();

/** The statement's text with each $n outside quotes replaced by its parameter as a literal. */
export function inlined(query: SQLWrapper): string {
  if (query instanceof ShapedStatement) return query.inlined();
  const { sql: text, params } = dialect.sqlToQuery(query.getSQL());
  return fillCut(cutAtParameters(text, params.length), params);
}

/**
 * Sends a transaction's last statements, and on PostgreSQL its commit, as one message. Each round
 * trip costs a pass of the event loop, long on a busy server; a row locked by the last statement is
 * then held only while the database works, not until this process reads the answer and sends COMMIT.
 * A failing statement skips the rest, the commit with them, and the transaction ends as a rollback.
 * Resolves to one result per statement. The caller's transaction must end right after: on
 * PostgreSQL it then commits an empty transaction (begun here, so that nothing warns).
 */
export function sendAsLast(tx: Tx, kind: DbKind, statements: SQLWrapper[]): Promise<StatementResult[]> {
  if (kind === 'pglite') {
    // In-process: no network, no event loop between statements; the caller's commit follows.
    return Promise.all(
      statements.map((s) => tx.execute(s.getSQL()) as Promise<unknown> as Promise<StatementResult>),
    );
  }
  const text = [...statements.map(inlined), 'commit', 'begin'].join(';\n');
  return (tx.execute(sql.raw(text) as SQL) as Promise<unknown> as Promise<StatementResult[]>).then(
    (results) => results.slice(0, statements.length),
  );
}

type MapResultRow = (
  fields: unknown,
  row: unknown[],
  joinsNotNullableMap?: Record<string, boolean>,
) => unknown;
// drizzle's own row mapper, exported at run time but not typed (internal): checked at start.
export const { mapResultRow } = drizzle as unknown as { mapResultRow: MapResultRow };
if (typeof mapResultRow !== 'function') throw new Error('drizzle-orm no longer exports mapResultRow');

type SelectLike =
  | (SQLWrapper & PromiseLike<unknown[]> & { _prepare(): PreparedSelect })
  | ShapedSelect<unknown>;
interface PgClient {
  query(config: { text: string; rowMode: 'array'; types: unknown }): Promise<unknown>;
}
interface ArrayResult {
  rows: unknown[][];
}

/**
 * Sends selects one after the other in one message and reads their rows as drizzle would: the
 * reads a transaction needs before deciding cost one pass of a busy event loop, not one each. In
 * one transaction, each statement still reads what was committed before it began (a lock taken
 * by the first is granted before the next reads).
 */
export async function selectTogether<T extends unknown[]>(
  tx: Tx,
  kind: DbKind,
  selects: { [K in keyof T]: PromiseLike<T[K]> },
): Promise<T> {
  const all = selects as unknown as SelectLike[];
  if (kind === 'pglite') return Promise.all(all) as Promise<T>;
  // A shaped select was built once; any other is built here, once for its text and its row mapping.
  const built = all.map((s) => {
    if (s instanceof ShapedSelect) return inlinedSelect(tx, s);
    const prepared = s._prepare();
    return {
      prepared,
      text: fillCut(cutAtParameters(prepared.queryString, prepared.params.length), prepared.params),
    };
  });
  const prepared = built.map((b) => b.prepared);
  const client = (tx as unknown as { session: { client: PgClient } }).session.client;
  const answer = await client.query({
    text: built.map((b) => b.text).join(';\n'),
    rowMode: 'array',
    // drizzle's own parsers: dates stay text for its columns to decode
    types: prepared[0]!.queryConfig.types,
  });
  const results = (all.length === 1 ? [answer] : answer) as ArrayResult[];
  return prepared.map((p, i) =>
    results[i]!.rows.map((row) => mapResultRow(p.fields, row, p.joinsNotNullableMap)),
  ) as T;
}
