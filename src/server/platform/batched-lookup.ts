/**
 * Single-row reads asked for in one pass of the event loop, sent to the database as one statement.
 * In a stampede every request reads its own row (its session, its Idempotency-Key's answer), and
 * hundreds of one-row statements cost more than the rest of the work together; when requests come one
 * at a time a batch is simply one read, and nothing waits for a timer.
 */
export class BatchedLookup<Q, V> {
  private waiting = new Map<
    string,
    { query: Q; waiters: { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] }
  >();
  private scheduled = false;

  constructor(
    private readonly keyOf: (query: Q) => string,
    /** Reads every query's row at once; the map is keyed by keyOf. */
    private readonly readAll: (queries: Q[]) => Promise<Map<string, V>>,
    private readonly maxBatch = 500,
  ) {}

  find(query: Q): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const key = this.keyOf(query);
      const entry = this.waiting.get(key) ?? { query, waiters: [] };
      entry.waiters.push({ resolve, reject });
      this.waiting.set(key, entry);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.run());
      }
    });
  }

  private run() {
    this.scheduled = false;
    const all = [...this.waiting.entries()];
    this.waiting.clear();
    for (let i = 0; i < all.length; i += this.maxBatch) void this.read(all.slice(i, i + this.maxBatch));
  }

  private async read(
    batch: [
      string,
      { query: Q; waiters: { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] },
    ][],
  ) {
    try {
      const found = await this.readAll(batch.map(([, entry]) => entry.query));
      for (const [key, { waiters }] of batch) for (const w of waiters) w.resolve(found.get(key));
    } catch (err) {
      for (const [, { waiters }] of batch) for (const w of waiters) w.reject(err);
    }
  }
}

/** One lookup per database (tests run several apps, each on its own database, in one process). */
export function perDatabase<D extends object, L>(make: (db: D) => L): (db: D) => L {
  const made = new WeakMap<D, L>();
  return (db) => {
    let lookup = made.get(db);
    if (!lookup) {
      lookup = make(db);
      made.set(db, lookup);
    }
    return lookup;
  };
}
