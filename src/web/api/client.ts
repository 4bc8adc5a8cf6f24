import type { z } from 'zod';
import { ZErrorBody } from '../../shared/api/common.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { currentLocale, i18n } from '../i18n/index.ts';

/** Codes the client makes up itself, next to the server's ErrorCode values. */
export type ClientErrorCode = 'NETWORK' | 'HTTP_ERROR' | 'BAD_RESPONSE';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The session's CSRF token; anonymous mutations (sign-in) only need the header to be present.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The error the server described in its body, or a generic one for a body it did not shape. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const parsed = ZErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(status, code, message, details);
  }
  return new ApiError(status, 'HTTP_ERROR', i18n.t('common.serverError', { status }));
}

export async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON, e.g. a proxy's HTML error page.
  }
  return errorFromBody(response.status, body);
}

/** The headers every API call carries; uploads and downloads outside request() need them too. */
export function apiHeaders(method: Method): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken ?? '1';
  return headers;
}

/** Calls the API and validates the answer against the shared schema; every failure is an ApiError. */
export async function request<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S | null,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<z.infer<S>> {
  const headers = { ...apiHeaders(method), ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.cannotReach'));
  }
  if (!response.ok) throw await errorFrom(response);
  if (schema === null || response.status === 204) return undefined as z.infer<S>;
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', i18n.t('common.badResponse'));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, 'BAD_RESPONSE', i18n.t('common.badResponse'));
  return parsed.data;
}

/** A message for any thrown value, in the UI language. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n.t('common.cannotReach');
}

/** The API's field errors keyed by form field name ("body.slug" → "slug"). */
export function fieldErrors(error: unknown): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  if (!(error instanceof ApiError)) return fields;
  for (const detail of error.details) {
    const field = detail.path.replace(/^(body|query|params|querystring)\.?/, '');
    if (!field) continue;
    fields.set(field, [...(fields.get(field) ?? []), detail.message]);
  }
  return fields;
}
