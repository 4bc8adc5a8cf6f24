import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorParams } from '../../shared/errors.ts';
import { errorMessage } from '../../shared/i18n/error-messages.ts';
import { pickLocale } from '../../shared/roles.ts';
import { AppError } from './app-error.ts';
import { validationDetails } from './validation-messages.ts';

function send(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params: ErrorParams,
  details: ErrorBody['error']['details'] = [],
) {
  const locale = req.locale ?? pickLocale(req.headers['accept-language']);
  const body: ErrorBody = { error: { code, message: errorMessage(locale, code, params), details } };
  if (code === 'INTERNAL') body.error.requestId = req.id;
  return reply.status(ERROR_STATUS[code]).type('application/json').send(body);
}

/**
 * Failures Fastify's router meets before any route or hook runs: a path that does not decode
 * (`%ED%A0%80`, an overlong `%C0%AE`), or a path parameter longer than the router takes.
 */
export function answerFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const reason = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URL too long' : 'URL';
  return send(req, reply, 'MALFORMED_REQUEST', { reason });
}

/**
 * Busboy's complaints about a body that claims to be multipart but is not (no boundary, cut off, a
 * broken part header). They are plain Errors, known only by their words; the hostile-input test
 * sends each kind, so a new wording shows up there as a 500.
 */
function isBrokenMultipart(req: FastifyRequest, err: FastifyError) {
  return (
    req.isMultipart?.() === true &&
    /^(Multipart: Boundary not found|Unexpected end of (multipart data|form)|Malformed part header|Part terminated early)/.test(
      err.message,
    )
  );
}

/** Maps every failure to the one JSON error shape, in the caller's language, never with a stack. */
export function installErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = req.locale ?? pickLocale(req.headers['accept-language']);
    if (err instanceof AppError) {
      for (const [name, value] of Object.entries(err.headers)) reply.header(name, value);
      // A detail without its own message points the error's message at a field.
      const message = errorMessage(locale, err.code, err.params);
      const details = err.details.map((d) => ({ path: d.path, message: d.message || message }));
      return send(req, reply, err.code, err.params, details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        ...v.params,
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message,
      }));
      return send(
        req,
        reply,
        'VALIDATION_FAILED',
        {},
        validationDetails(issues as any, locale, err.validationContext),
      );
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(req, reply, 'PAYLOAD_TOO_LARGE', {
        limit: `${Math.round(app.initialConfig.bodyLimit! / 1024)} KB`,
      });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(req, reply, 'UNSUPPORTED_MEDIA_TYPE', { type: String(req.headers['content-type'] ?? '') });
    }
    if (isBrokenMultipart(req, err)) {
      return send(req, reply, 'MALFORMED_REQUEST', { reason: 'multipart/form-data' });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const reason =
        err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError ? 'JSON' : err.code;
      return send(req, reply, 'MALFORMED_REQUEST', { reason: reason ?? String(err.statusCode) });
    }
    req.log.error({ err }, 'unhandled error');
    return send(req, reply, 'INTERNAL', { requestId: req.id });
  });

  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the web app: any other GET gets the app shell. Not a missing built file:
    // a page left open across an upgrade would run the shell's HTML as its script.
    const appRoute = !req.url.startsWith('/api') && !req.url.startsWith('/assets/');
    if (options.spaFallback && req.method === 'GET' && appRoute) {
      return reply.sendFile('index.html');
    }
    return send(req, reply, 'ROUTE_NOT_FOUND', {
      method: req.method,
      url: req.url.split('?')[0]!.slice(0, 200),
    });
  });
}
