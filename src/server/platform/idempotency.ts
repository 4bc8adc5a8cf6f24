import type { SQLWrapper } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sqlRefusal } from '../db/errors.ts';
import { idempotencyKeys } from '../db/schema/index.ts';
import { insertRow } from '../db/statement-shapes.ts';
import { AppError } from './app-error.ts';
import { refusalRow, refusalsOf } from './refusal-buffer.ts';
import { findStoredAnswer } from './stored-answers.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export interface Answer<T> {
  status: number;
  body: T;
}
export interface Scope {
  communityId: string;
  accountId: string;
  key: string | undefined;
  operation: string;
}

async function stored(db: Db, s: Scope & { key: string }) {
  const row = await storedAnswer(db, s);
  return row ? replay(row, s.operation) : undefined;
}

/** The first answer again: the stored success, or the stored refusal thrown as it was. */
export function replay(
  row: { statusCode: number; response: unknown; operation: string },
  operation: string,
): Answer<unknown> {
  if (row.operation !== operation) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  const response = row.response as { error?: { code: AppError['code']; params: AppError['params'] } };
  if (response.error) throw new AppError(response.error.code, response.error.params);
  return { status: row.statusCode, body: row.response };
}

/** Keeps a refusal as the first answer to its key (a retry racing it may have kept one already). */
export async function rememberRefusal(db: Db, scope: Scope & { key: string }, err: AppError) {
  await db.insert(idempotencyKeys).values(refusalRow(scope, err)).onConflictDoNothing();
}

/**
 * The insert that keeps an answer for the key, for the run to send among its last statements
 * (db/one-message.ts), before the work that decides it is done: the key's row is then not written in
 * the moment a contended lock is held. The run must return exactly this answer, or throw, and the
 * rollback takes the row back. Null without a key.
 */
export type KeepAnswer<T> = (answer: Answer<T>) => SQLWrapper | null;

/**
 * Names the transaction's last statements, already sent and not awaited (db/one-message.ts sendAsLast),
 * when they alone decide the outcome (refusing with linli_refuse(), migration 0011). On PostgreSQL they
 * carry the commit in the same message, so the row locks they take are held while the database works,
 * not for a round trip through a server answering a stampede. A refusal makes the transaction a
 * rollback; it is thrown after the transaction, as an AppError. The answer must have been kept with
 * them (KeepAnswer).
 */
export type FinishWith = (last: Promise<unknown>) => void;

type Run<T> = (tx: Tx, keepAnswer: KeepAnswer<T>, finishWith: FinishWith) => Promise<Answer<T>>;

/** Runs `run` in a transaction, then waits for a last statement it left in flight (FinishWith). */
async function inTransaction<T>(db: Db, run: (tx: Tx, finishWith: FinishWith) => Promise<Answer<T>>) {
  let last: Promise<unknown> | undefined;
  const refusalOf = (err: unknown) => {
    const refusal = sqlRefusal(err);
    return refusal ? new AppError(refusal as AppError['code']) : err;
  };
  let answer: Answer<T>;
  try {
    answer = await db.transaction((tx) =>
      run(tx, (statement) => {
        // One `then`, now: a query builder's promise sends its statement on each `then`, and must send
        // it before the commit. Observed at once, so a refusal is no unhandled rejection meanwhile.
        last = statement.then((result) => result);
        last.catch(() => {});
      }),
    );
  } catch (err) {
    // PGlite reports the queued commit that became a rollback as an error of its own: the last
    // statement's refusal is the answer then.
    const refused = last && (await last.then(() => undefined, refusalOf));
    throw refused ?? err;
  }
  if (last) {
    try {
      await last;
    } catch (err) {
      throw refusalOf(err);
    }
  }
  return answer;
}

/**
 * Runs a mutation in one transaction. With an Idempotency-Key, the first answer (success or a
 * refusal) is kept with the change, in the same transaction, and every retry gets it back
 * instead of doing the work again, even when the retry races the first attempt.
 */
export async function idempotent<T>(
  db: Db,
  scope: Scope,
  run: Run<T>,
  options: { lookFirst?: boolean } = {},
): Promise<Answer<T>> {
  if (!scope.key) return inTransaction(db, (tx, finishWith) => run(tx, () => null, finishWith));
  const s = { ...scope, key: scope.key };
  // Without the look first, a retry still gets the first answer: its run fails on the kept key's row
  // (or on what the first attempt changed), and the answer is looked up then. Worth it where retries
  // are rare and every round trip counts.
  const earlier = options.lookFirst === false ? undefined : await stored(db, s);
  if (earlier) return earlier as Answer<T>;
  const record = (status: number, response: unknown) => ({
    communityId: s.communityId,
    accountId: s.accountId,
    key: s.key,
    operation: s.operation,
    statusCode: status,
    response,
  });
  try {
    return await inTransaction(db, async (tx, finishWith) => {
      let kept = false;
      let finishing = false;
      const answer = await run(
        tx,
        (early) => {
          kept = true;
          return insertRow(tx, idempotencyKeys, record(early.status, early.body));
        },
        (last) => {
          finishing = true;
          finishWith(last);
        },
      );
      if (finishing && !kept)
        throw new Error('a transaction finished by its last statement must keep its answer early');
      if (!kept) await tx.insert(idempotencyKeys).values(record(answer.status, answer.body));
      return answer;
    });
  } catch (err) {
    const raced = await stored(db, s);
    if (raced) return raced as Answer<T>;
    if (err instanceof AppError) await rememberRefusal(db, s, err);
    throw err;
  }
}

/** The answer kept for a key, if any (memory of refusals first, then the table). */
export async function storedAnswer(db: Db, scope: Scope & { key: string }) {
  const kept = refusalsOf(db).find(scope);
  if (kept) return kept;
  return findStoredAnswer(db, scope);
}
