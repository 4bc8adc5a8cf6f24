import type { FastifyInstance } from 'fastify';
import type { ErrorDetail } from '../../shared/errors.ts';
import { pickLocale } from '../../shared/roles.ts';
import { AppError } from './app-error.ts';
import { validationDetails } from './validation-messages.ts';

const MAX_REPORTED = 20;

/** Where a NUL character sits in a parsed value (strings and object keys), as field paths. */
function nulPaths(value: unknown, path: string[], found: string[][]) {
  if (found.length >= MAX_REPORTED) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) nulPaths(item, [...path, String(i)], found);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push([...path, key.replaceAll('\u0000', '\\0')]);
      nulPaths(item, [...path, key], found);
    }
  }
}

/**
 * PostgreSQL's text cannot hold U+0000, so a NUL in any parameter or field the schema does not
 * itself refuse (an id in a path, a token, a free-text field without a refinement) would fail deep
 * inside a query as a 500. No person types one: every request with one is refused before validation.
 */
export function installNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const found: string[][] = [];
    nulPaths(req.params, ['params'], found);
    nulPaths(req.query, ['querystring'], found);
    nulPaths(req.body, ['body'], found);
    if (found.length === 0) return;
    const locale = req.locale ?? pickLocale(req.headers['accept-language']);
    const details: ErrorDetail[] = validationDetails(
      found.map((path) => ({ path, code: 'custom', message: 'control characters' })),
      locale,
    );
    throw new AppError('VALIDATION_FAILED', {}, details);
  });
}
