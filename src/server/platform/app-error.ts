import type { ErrorCode, ErrorDetail, ErrorParams } from '../../shared/errors.ts';

/**
 * The one error type of the server: a code the UI understands, and parameters for its message.
 * It is an answer, not a fault: it carries no stack trace, which would cost more than the rest of a
 * refused request in a stampede (and is never shown anyway).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly details: ErrorDetail[] = [],
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(code);
    Error.stackTraceLimit = limit;
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', { what });
