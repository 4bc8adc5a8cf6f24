/** drizzle wraps driver errors: the SQLSTATE is on the error or on its cause. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUniqueViolation = (err: unknown) => sqlState(err) === '23505';

/** The error code a statement refused with through linli_refuse() (migration 0011), if it did. */
export function sqlRefusal(err: unknown): string | undefined {
  if (sqlState(err) !== 'LL001') return undefined;
  const e = err as { message?: unknown; cause?: { message?: unknown } };
  const message = e.cause?.message ?? e.message;
  return typeof message === 'string' ? message : undefined;
}
