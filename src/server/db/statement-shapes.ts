import { fillPlaceholders, getTableColumns, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * Statements whose text is built once and filled with each call's values. Building a statement with
 * drizzle costs far more than running it on a busy server: the sign-up transaction spent several
 * milliseconds of the event loop per request building the same few statements in a stampede, while
 * its places were queueing. A shape is built on first use from the same builder the code uses
 * anywhere else, with a placeholder for each named value, and later calls only write literals into
 * the kept text (for one-message.ts, which sends several statements in one message).
 *
 * The builder must pass its values through to drizzle untouched: a value it inspects (a branch, a
 * length, a format) would be inspected as a placeholder when the shape is built.
 */
type Executor = Pick<Db, 'select' | 'insert'>;
type Values = Record<string, unknown>;

const dialect = new PgDialect();

/** Every key of `V` as a placeholder of the same name, typed as the values the builder expects. */
const placeholders = <V extends Values>() =>
  new Proxy({}, { get: (_, name) => sql.placeholder(String(name)) }) as unknown as V;

/**
 * A parameter written as an SQL literal: the simple query protocol, which runs several statements in
 * one message, takes none. node-postgres sends every parameter as text of no declared type, which is
 * what a quoted literal is, so each value is quoted as the text it would have sent.
 */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value) || value instanceof Uint8Array)
    throw new Error('cannot write an array or bytes into a statement');
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (text.includes('\u0000')) throw new Error('a statement cannot hold a NUL character');
  const quoted = `'${text.replaceAll("'", "''")}'`;
  // With a backslash, E'' reads the same whatever standard_conforming_strings says.
  return text.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/** A statement's text cut at each $n outside quotes: pieces[i] comes before parameter slots[i]. */
export interface CutText {
  pieces: string[];
  slots: number[];
}

export function cutAtParameters(text: string, parameterCount: number): CutText {
  const pieces: string[] = [];
  const slots: number[] = [];
  let piece = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      piece += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      piece += ch;
      continue;
    }
    const placeholder = ch === '$' ? /^\$(\d+)/.exec(text.slice(i)) : null;
    if (!placeholder) {
      piece += ch;
      continue;
    }
    const index = Number(placeholder[1]) - 1;
    if (index >= parameterCount) throw new Error(`no parameter for ${placeholder[0]}`);
    pieces.push(piece);
    slots.push(index);
    piece = '';
    i += placeholder[0].length - 1;
  }
  pieces.push(piece);
  return { pieces, slots };
}

export function fillCut(cut: CutText, params: readonly unknown[]): string {
  let out = cut.pieces[0]!;
  for (let i = 0; i < cut.slots.length; i++) out += literal(params[cut.slots[i]!]) + cut.pieces[i + 1]!;
  return out;
}

interface Built {
  cut: CutText;
  params: unknown[];
}

function cutQuery(text: string, params: unknown[]): Built {
  return { cut: cutAtParameters(text, params.length), params };
}

/** The statement with one call's values, as one-message.ts sends it; on PGlite, as drizzle runs it. */
export class ShapedStatement implements SQLWrapper {
  constructor(
    private readonly built: () => Built,
    private readonly query: () => SQLWrapper,
    private readonly values: Values,
  ) {}
  getSQL(): SQL {
    return this.query().getSQL();
  }
  inlined(): string {
    const { cut, params } = this.built();
    return fillCut(cut, fillPlaceholders(params, this.values));
  }
}

const builtOnce = (make: () => SQLWrapper) => {
  let kept: Built | undefined;
  return () => {
    if (!kept) {
      const { sql: text, params } = dialect.sqlToQuery(make().getSQL());
      kept = cutQuery(text, params);
    }
    return kept;
  };
};

/** A statement written with drizzle's `sql`, or any builder that needs no database. */
export class StatementShape<V extends Values> {
  private readonly built: () => Built;
  constructor(private readonly make: (values: V) => SQLWrapper) {
    this.built = builtOnce(() => make(placeholders<V>()));
  }
  with(values: V) {
    return new ShapedStatement(this.built, () => this.make(values), values);
  }
}

/** Inserts of one row into a table, one shape per set of columns named. */
const insertShapes = new WeakMap<PgTable, Map<string, () => Built>>();

export function insertRow<T extends PgTable>(db: Executor, table: T, row: T['$inferInsert']) {
  const values = row as Values;
  const key = Object.keys(values).sort().join(',');
  let byColumns = insertShapes.get(table);
  if (!byColumns) {
    byColumns = new Map();
    insertShapes.set(table, byColumns);
  }
  let built = byColumns.get(key);
  if (!built) {
    // A default computed in JS would be computed once, for the shape, and written into every row.
    for (const [name, column] of Object.entries(getTableColumns(table)))
      if (!(name in values) && (column.defaultFn || column.onUpdateFn))
        throw new Error(`insertRow: ${name} has a default computed in JS; name it in the row`);
    const named = Object.fromEntries(key.split(',').map((c) => [c, sql.placeholder(c)]));
    built = builtOnce(() => db.insert(table).values(named as T['$inferInsert']));
    byColumns.set(key, built);
  }
  return new ShapedStatement(built, () => db.insert(table).values(row), values);
}

/** What drizzle prepares from a select: its text and parameters, and how to map its rows (internal). */
export interface PreparedSelect {
  queryString: string;
  params: unknown[];
  fields: unknown;
  joinsNotNullableMap?: Record<string, boolean>;
  queryConfig: { types: unknown };
}
type SelectLike<R> = SQLWrapper & PromiseLike<R[]> & { _prepare(): PreparedSelect };

/** A select with one call's values: awaited, drizzle runs it; one-message.ts sends its kept text. */
export class ShapedSelect<R> implements PromiseLike<R[]> {
  constructor(
    readonly shape: SelectShape<Values, R>,
    private readonly query: () => SelectLike<R>,
    readonly values: Values,
  ) {}
  // biome-ignore lint/suspicious/noThenProperty: a select is awaited like drizzle's own builders
  then<A = R[], B = never>(
    onfulfilled?: ((value: R[]) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return this.query().then(onfulfilled, onrejected);
  }
}

export class SelectShape<V extends Values, R> {
  private kept: { prepared: PreparedSelect; built: Built } | undefined;
  private constructor(private readonly make: (db: Executor, values: V) => SelectLike<R>) {}
  /** `make` builds the select as drizzle would anywhere else; it must not look into the values. */
  static of<V extends Values, Q extends PromiseLike<unknown[]>>(make: (db: Executor, values: V) => Q) {
    type Row = Awaited<Q>[number];
    return new SelectShape<V, Row>(make as unknown as (db: Executor, values: V) => SelectLike<Row>);
  }
  with(db: Executor, values: V): ShapedSelect<R> {
    return new ShapedSelect<R>(this as never, () => this.make(db, values), values);
  }
  /** Built on first use, with whichever database asks: the text is the same for all. */
  prepared(db: Executor) {
    if (!this.kept) {
      const prepared = this.make(db, placeholders<V>())._prepare();
      this.kept = { prepared, built: cutQuery(prepared.queryString, prepared.params) };
    }
    return this.kept;
  }
}

/** The select's text with its values written in, and drizzle's mapping of its rows. */
export function inlinedSelect<R>(db: Executor, select: ShapedSelect<R>) {
  const { prepared, built } = select.shape.prepared(db);
  return { prepared, text: fillCut(built.cut, fillPlaceholders(built.params, select.values)) };
}
