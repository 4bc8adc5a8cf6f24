import type { FastifyInstance } from 'fastify';
import type { ErrorDetail } from '../../shared/errors.ts';
import { pickLocale } from '../../shared/roles.ts';
import { AppError } from './app-error.ts';
import { validationDetails } from './validation-messages.ts';

const MAX_REPORTED = 20;

/** A NUL, or half of a surrogate pair without the other half (not Unicode text at all). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where an unstorable character sits in a parsed value (strings and object keys), as field paths. */
function nulPaths(value: unknown, path: string[], found: string[][]) {
  if (found.length >= MAX_REPORTED) return;
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) found.push(path);
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) nulPaths(item, [...path, String(i)], found);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) found.push([...path, encodeURIComponent(key.replace(UNSTORABLE, '?'))]);
      nulPaths(item, [...path, key], found);
    }
  }
}

/**
 * PostgreSQL's text cannot hold U+0000, and its jsonb refuses a lone surrogate escape ("\ud800", as
 * JSON.stringify writes one into the audit log's data), so either in any parameter or field the schema
 * does not itself refuse would fail deep inside a statement as a 500. No person types one: every
 * request with one is refused before validation.
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
      found.map((path) => ({ path, code: 'custom', message: 'invalid characters' })),
      locale,
    );
    throw new AppError('VALIDATION_FAILED', {}, details);
  });
}
