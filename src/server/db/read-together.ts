import * as drizzle from 'drizzle-orm';
import type pg from 'pg';
import pgUtils from 'pg/lib/utils.js';
import type { Db, DbKind } from './client.ts';
import { mapResultRow } from './one-message.ts';
import { statementNamesOf } from './statement-names.ts';

/** A select built by drizzle, not yet run: its text, values and how its rows map to objects. */
interface DrizzlePrepared {
  queryString: string;
  params: unknown[];
  fields?: unknown;
  joinsNotNullableMap?: Record<string, boolean>;
  queryConfig: { types: TypeParsers };
}
type TypeParsers = { getTypeParser(typeId: number, format?: string): (value: string) => unknown };
type Selectish = PromiseLike<unknown> & { _prepare(): DrizzlePrepared };
type RawStatement = PromiseLike<unknown> & { getQuery(): { sql: string; params: unknown[] } };
/**
 * What readTogether takes: a drizzle select (db.select()…), a raw statement (db.execute(sql`…`)), or a
 * statement drizzle prepared with placeholders, given its values (preparedRead), all sent together; or
 * anything else awaitable, awaited alongside.
 */
export type Read<T> = PromiseLike<T>;

interface PlaceholderQuery<T> extends DrizzlePrepared {
  queryConfig: { name?: string; types: TypeParsers };
  execute(values: Record<string, unknown>): Promise<T>;
}
const PREPARED = Symbol('prepared read');
interface PreparedRead<T> extends PromiseLike<T> {
  [PREPARED]: { prepared: DrizzlePrepared; values: unknown[]; name: string | undefined };
}

/**
 * A statement prepared once with placeholders (db.select()….prepare('name')) and the values to run it
 * with: run when awaited, as `prepared.execute(values)`, or sent along with others by readTogether.
 */
export function preparedRead<T>(
  prepared: { execute(values: Record<string, unknown>): Promise<T> },
  values: Record<string, unknown>,
): PreparedRead<T> {
  const query = prepared as unknown as PlaceholderQuery<T>;
  let running: Promise<T> | undefined;
  const run = () => (running ??= query.execute(values));
  return {
    [PREPARED]: {
      prepared: query,
      values: drizzle.fillPlaceholders(query.params, values),
      name: query.queryConfig.name,
    },
    // biome-ignore lint/suspicious/noThenProperty: a read runs when awaited, as drizzle's own do
    then: (onFulfilled, onRejected) => run().then(onFulfilled, onRejected),
  };
}

interface Statement {
  text: string;
  values: unknown[];
  name: string | undefined;
  /** a select's rows come as arrays for drizzle to map; a raw statement's as objects */
  asArrays: boolean;
}

interface Answer {
  fields: { name: string; parse: (value: string) => unknown }[];
  rows: unknown[];
}

interface Connection {
  parsedStatements: Record<string, string>;
  on(event: 'parseComplete', listener: () => void): void;
  off(event: 'parseComplete', listener: () => void): void;
  parse(msg: { text: string; name?: string; types: unknown[] }): void;
  bind(msg: { statement?: string; values: unknown[]; valueMapper: unknown }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(msg: { portal: string; rows: number }): void;
  sync(): void;
  stream: { cork?(): void; uncork?(): void };
}
interface FieldDescription {
  name: string;
  dataTypeID: number;
}

/**
 * Several statements sent as one message and answered at one Sync (PostgreSQL's pipelining): each
 * is still a prepared statement with its values bound apart, parsed once per connection under the
 * name statement-names.ts gives its text, but the whole set costs one write to the database and
 * one wake-up of its backend, where separate queries cost one each. A node-postgres Submittable.
 */
class Pipeline {
  private readonly answers: Answer[];
  /** the statement being answered: each ends with CommandComplete (or EmptyQuery) */
  private current = 0;
  private readonly parsing: { name: string; text: string }[] = [];
  private connection: Connection | undefined;
  private failure: Error | undefined;
  private readonly onParsed = () => {
    const done = this.parsing.shift();
    if (done && this.connection) this.connection.parsedStatements[done.name] = done.text;
  };

  constructor(
    private readonly statements: Statement[],
    private readonly types: TypeParsers,
    private readonly settle: (error: Error | undefined, answers: Answer[]) => void,
  ) {
    this.answers = statements.map(() => ({ fields: [], rows: [] }));
  }

  submit(connection: Connection) {
    this.connection = connection;
    connection.on('parseComplete', this.onParsed);
    connection.stream.cork?.();
    const parsingNow = new Set<string>();
    for (const s of this.statements) {
      const parsed =
        s.name !== undefined && (connection.parsedStatements[s.name] === s.text || parsingNow.has(s.name));
      if (!parsed) {
        connection.parse({ text: s.text, name: s.name, types: [] });
        if (s.name !== undefined) {
          parsingNow.add(s.name);
          this.parsing.push({ name: s.name, text: s.text });
        }
      }
      connection.bind({ statement: s.name, values: s.values, valueMapper: pgUtils.prepareValue });
      connection.describe({ type: 'P', name: '' });
      connection.execute({ portal: '', rows: 0 });
    }
    connection.sync();
    connection.stream.uncork?.();
  }

  handleRowDescription(msg: { fields: FieldDescription[] }) {
    this.answers[this.current]!.fields = msg.fields.map((f) => ({
      name: f.name,
      parse: this.types.getTypeParser(f.dataTypeID, 'text'),
    }));
  }

  handleDataRow(msg: { fields: (string | null)[] }) {
    const answer = this.answers[this.current]!;
    const values = msg.fields.map((raw, i) => (raw === null ? null : answer.fields[i]!.parse(raw)));
    if (this.statements[this.current]!.asArrays) {
      answer.rows.push(values);
    } else {
      answer.rows.push(Object.fromEntries(answer.fields.map((f, i) => [f.name, values[i]])));
    }
  }

  handleCommandComplete() {
    this.current++;
  }
  handleEmptyQuery() {
    this.current++;
  }
  handlePortalSuspended() {}
  handleCopyInResponse() {}
  handleCopyData() {}

  handleError(error: Error) {
    // The backend skips the rest up to the Sync: statements sent for parsing after the failing one
    // were never parsed, and the failing one's parse (if it was one) did not complete.
    this.parsing.length = 0;
    const failed = this.statements[this.current];
    this.failure ??= failed ? new drizzle.DrizzleQueryError(failed.text, failed.values, error) : error;
    this.finish();
  }

  handleReadyForQuery() {
    this.finish();
  }

  private finish() {
    if (!this.connection) return;
    this.connection.off('parseComplete', this.onParsed);
    this.connection = undefined;
    this.settle(this.failure, this.answers);
  }
}

let typeParsers: TypeParsers | undefined;

type Statementish = Selectish | RawStatement | PreparedRead<unknown>;
const isStatement = (read: unknown): read is Statementish =>
  typeof read === 'object' && read !== null && (PREPARED in read || '_prepare' in read);

/** What the pipeline needs of a read, and how its rows are given back. */
function builtOf(read: Statementish) {
  if (PREPARED in read) {
    const { prepared, values, name } = read[PREPARED];
    return { text: prepared.queryString, values, prepared, name };
  }
  // a raw statement has a _prepare too (giving itself), so it is told apart by its query
  if ('getQuery' in read) {
    const q = read.getQuery();
    return { text: q.sql, values: q.params, prepared: undefined, name: undefined };
  }
  const p = read._prepare();
  return {
    text: p.queryString,
    values: p.params,
    prepared: p as DrizzlePrepared | undefined,
    name: undefined,
  };
}

/**
 * Runs independent reads as one message on PostgreSQL (see Pipeline) and resolves to their results in
 * order, as awaiting each would have: a select's mapped rows, a raw statement's `{ rows }`. They run
 * in one implicit transaction, each statement seeing what was committed when it began. Anything else
 * given (a promise, a value already known) is awaited alongside. On PGlite, in-process, they simply
 * run. Outside a transaction only: a reading on the database's pool.
 */
export async function readTogether<T extends unknown[]>(
  db: Db,
  kind: DbKind,
  reads: { [K in keyof T]: Read<T[K]> },
): Promise<T> {
  const all = reads as unknown as PromiseLike<unknown>[];
  const statements = all.filter(isStatement);
  if (kind === 'pglite' || statements.length < 2) return Promise.all(all) as Promise<T>;
  const others = Promise.all(all.map((read) => (isStatement(read) ? undefined : read)));
  others.catch(() => {});
  const built = statements.map(builtOf);
  const answered = await pipelined(db, built);
  const rest = await others;
  let next = 0;
  return all.map((read, i) => (isStatement(read) ? answered[next++] : rest[i])) as T;
}

async function pipelined(db: Db, built: ReturnType<typeof builtOf>[]): Promise<unknown[]> {
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const names = statementNamesOf(pool);
  // drizzle's parsers leave dates and times as text for its own columns to decode; raw statements
  // get them as text too, as db.execute would give them.
  typeParsers ??= (db.select().from(drizzle.sql`(select 1) as one`) as unknown as Selectish)._prepare()
    .queryConfig.types;
  const statements: Statement[] = built.map((b) => ({
    text: b.text,
    values: b.values,
    name: b.name ?? (b.values.length > 0 ? names?.nameFor(b.text) : undefined),
    asArrays: b.prepared !== undefined,
  }));
  const client = await pool.connect();
  let answers: Answer[];
  try {
    answers = await new Promise<Answer[]>((resolve, reject) => {
      const pipeline = new Pipeline(statements, typeParsers!, (error, got) =>
        error ? reject(error) : resolve(got),
      );
      client.query(pipeline as unknown as pg.Submittable);
    });
  } finally {
    client.release();
  }
  return built.map((b, i) => {
    const rows = answers[i]?.rows ?? [];
    if (!b.prepared) return { rows };
    const p = b.prepared;
    return rows.map((row) => mapResultRow(p.fields, row as unknown[], p.joinsNotNullableMap));
  });
}
