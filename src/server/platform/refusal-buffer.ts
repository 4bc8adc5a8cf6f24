import { type Db, fixedStatement } from '../db/client.ts';
import type { idempotencyKeys } from '../db/schema/index.ts';
import type { AppError } from './app-error.ts';
import type { Scope } from './idempotency.ts';

/**
 * Refusals kept as the first answer to their Idempotency-Key, written in batches. In a stampede most
 * answers are "full", and writing each as it is given would cost more than everything else the
 * request does. A refusal is known to this process at once and reaches the database within
 * FLUSH_MS (and when the server stops); a retry that reaches another process inside that moment, or
 * follows a crash, is simply tried again. It changed nothing, so nothing acknowledged is lost.
 */
const FLUSH_MS = 50;
const MAX_PENDING = 50_000;

type Row = typeof idempotencyKeys.$inferInsert;

const INSERT_REFUSALS = `
  insert into idempotency_keys (community_id, account_id, key, operation, status_code, response)
  select w.c, w.a, w.k, w.o, w.s, w.r
  from json_to_recordset($1::json) as w(c uuid, a uuid, k text, o text, s int, r jsonb)
  on conflict do nothing`;

/** A refusal as its key's kept answer: replay() throws the same error again from it. */
export const refusalRow = (scope: Scope & { key: string }, err: AppError): Row => ({
  communityId: scope.communityId,
  accountId: scope.accountId,
  key: scope.key,
  operation: scope.operation,
  statusCode: 409,
  response: { error: { code: err.code, params: err.params } },
});
const keyOf = (s: { communityId: string; accountId: string; key: string }) =>
  `${s.communityId}/${s.accountId}/${s.key}`;

class RefusalBuffer {
  private pending = new Map<string, Row>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(private readonly db: Db) {}

  keep(scope: Scope & { key: string }, err: AppError) {
    if (this.pending.size >= MAX_PENDING) return;
    this.pending.set(keyOf(scope), refusalRow(scope, err));
    this.timer ??= setTimeout(() => void this.flush().catch(() => {}), FLUSH_MS);
  }

  find(scope: { communityId: string; accountId: string; key: string }) {
    const row = this.pending.get(keyOf(scope));
    return row ? { statusCode: row.statusCode, response: row.response, operation: row.operation } : undefined;
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    const batch = [...this.pending.entries()];
    if (batch.length === 0) return;
    this.flushing = (async () => {
      try {
        // One fixed statement with the batch as a JSON parameter: building a many-row insert through the
        // query builder cost more CPU, in a stampede, than the requests it answers.
        const rows = batch.map(([, r]) => ({
          c: r.communityId,
          a: r.accountId,
          k: r.key,
          o: r.operation,
          s: r.statusCode,
          r: r.response,
        }));
        await fixedStatement(this.db, INSERT_REFUSALS, [JSON.stringify(rows)]);
        // Only once written: until then a retry here still finds the answer in memory.
        for (const [key, row] of batch) if (this.pending.get(key) === row) this.pending.delete(key);
      } finally {
        this.flushing = undefined;
        if (this.pending.size > 0)
          this.timer ??= setTimeout(() => void this.flush().catch(() => {}), FLUSH_MS);
      }
    })();
    await this.flushing;
  }
}

const buffers = new WeakMap<Db, RefusalBuffer>();

export function refusalsOf(db: Db): RefusalBuffer {
  let buffer = buffers.get(db);
  if (!buffer) {
    buffer = new RefusalBuffer(db);
    buffers.set(db, buffer);
  }
  return buffer;
}
