import type pg from 'pg';

// A statement's text longer than this is a bulk write (an import's many rows), run too rarely to be
// worth keeping prepared on every connection.
const LONGEST_NAMED_TEXT = 16_000;
// Each connection keeps what it has prepared until it closes; this bounds that memory in PostgreSQL
// (a few kB per statement and connection). The application has a few hundred distinct statements.
const MOST_NAMES = 1_000;
// A statement with this many values or more is a list of ids or rows whose length varies from call to
// call: each length would be a text of its own, prepared once and rarely run again.
const MOST_NAMED_PARAMETERS = 64;

/**
 * The names given to statement texts in one process. A statement with parameters is the same text
 * every time it runs (its values travel apart), so PostgreSQL can parse and plan it once per connection
 * and reuse that, as JDBC, pgx and postgres.js do. Unnamed, node-postgres has it parsed and planned for
 * every run, which cost the mixed day a third of what PostgreSQL spent running statements. Texts with
 * the values written in (statement-shapes.ts) differ on every run and stay unnamed.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly most = MOST_NAMES) {}

  nameFor(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || this.names.size >= this.most || text.length > LONGEST_NAMED_TEXT) return known;
    const name = `linli_${this.names.size.toString(36)}`;
    this.names.set(text, name);
    return name;
  }

  get size() {
    return this.names.size;
  }
}

const namesOfPools = new WeakMap<pg.Pool, StatementNames>();

/** The names a pool's statements are given (read-together.ts names its statements alike). */
export const statementNamesOf = (pool: pg.Pool) => namesOfPools.get(pool);

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown; submit?: unknown };

/**
 * Makes every parametrized statement a connection of the pool runs a named one (see StatementNames).
 * node-postgres then sends Parse only the first time a connection meets the text, and Bind/Execute
 * after; PostgreSQL picks a generic plan once one costs no more than planning each run would.
 */
export function nameStatementsOn(pool: pg.Pool, names = new StatementNames()) {
  namesOfPools.set(pool, names);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config, ...rest) => {
      const named = namedConfig(config, rest[0], names);
      return query(named, ...rest);
    };
  });
  return names;
}

function namedConfig(config: unknown, values: unknown, names: StatementNames): unknown {
  if (typeof config === 'string') {
    if (!Array.isArray(values) || values.length === 0 || values.length > MOST_NAMED_PARAMETERS) return config;
    const name = names.nameFor(config);
    return name ? { text: config, name } : config;
  }
  if (!config || typeof config !== 'object') return config;
  const c = config as QueryConfig;
  // A Query or Cursor object submits itself; an explicitly named statement keeps its name.
  if (typeof c.submit === 'function' || c.name || typeof c.text !== 'string') return config;
  const params = Array.isArray(values) ? values : c.values;
  if (!Array.isArray(params) || params.length === 0 || params.length > MOST_NAMED_PARAMETERS) return config;
  const name = names.nameFor(c.text);
  return name ? { ...c, name } : config;
}
