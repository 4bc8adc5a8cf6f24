// The hostile-input walk over the OpenAPI document: each operation, its requests (fixed ones every
// operation gets, generated ones from its schemas), and the checks every answer must pass.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import {
  HOSTILE_SEGMENTS,
  invalidText,
  invalidValue,
  type JsonSchema,
  nastyValue,
  validValue,
} from './hostile-values.ts';

export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  operationId: string;
  parameters: Parameter[];
  body?: JsonSchema;
  multipart: boolean;
  /** Server-sent events: an accepted request never ends, so only refused ones are sent. */
  stream: boolean;
}

/** Every operation of the document, in its order. */
export function operationsOf(spec: { paths: Record<string, Record<string, any>> }): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      return {
        method: method.toUpperCase() as Operation['method'],
        path,
        operationId: op.operationId,
        parameters: op.parameters ?? [],
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
        stream: `${op.summary ?? ''} ${op.description ?? ''}`.includes('text/event-stream'),
      };
    }),
  );
}

/**
 * A request of the walk. `invalid`: the schema refuses it, so only a 4xx will do. `nasty`: the schema
 * takes it, so the server may too; it must not crash, and a refusal must change nothing.
 */
export interface HostileRequest {
  kind: 'invalid' | 'nasty';
  why: string;
  method: Operation['method'];
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
}

const json = { 'content-type': 'application/json' };

/** The URL of an operation with its path parameters filled (real ids unless overridden). */
function urlOf(op: Operation, ids: (name: string) => string, override?: [string, string], query = '') {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    override?.[0] === name ? override[1] : encodeURIComponent(ids(name)),
  );
  return query ? `${path}?${query}` : path;
}

/** encodeURIComponent, except that a lone surrogate becomes the (invalid UTF-8) bytes a sloppy client sends. */
const encode = (v: string) =>
  [...v]
    .map((ch) => {
      const c = ch.charCodeAt(0);
      if (ch.length > 1 || c < 0xd800 || c > 0xdfff) return encodeURIComponent(ch);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
        .map((b) => `%${b.toString(16)}`)
        .join('');
    })
    .join('');

const queryOf = (values: Record<string, unknown>) =>
  Object.entries(values)
    .map(([k, v]) => `${encode(k)}=${encode(String(v))}`)
    .join('&');

/** Query parameters the operation needs, with valid values (so a bad one elsewhere is the only fault). */
function requiredQuery(op: Operation): fc.Arbitrary<Record<string, unknown>> {
  const needed = op.parameters.filter((p) => p.in === 'query' && p.required);
  return fc.record(Object.fromEntries(needed.map((p) => [p.name, validValue(p.schema)])));
}

const validBody = (op: Operation) => (op.body ? validValue(op.body) : fc.constant(undefined));
const asPayload = (body: unknown) => (body === undefined ? undefined : JSON.stringify(body));

/** The generated requests of one operation: each kind of fault as one arbitrary. */
export function generatedRequests(
  op: Operation,
  ids: (name: string) => string,
): fc.Arbitrary<HostileRequest>[] {
  const out: fc.Arbitrary<HostileRequest>[] = [];
  const headers = op.body ? json : {};
  const badBody = op.body && invalidValue(op.body);
  if (badBody) {
    out.push(
      fc.tuple(badBody, requiredQuery(op)).map(([b, q]) => ({
        kind: 'invalid',
        why: b.why,
        method: op.method,
        url: urlOf(op, ids, undefined, queryOf(q)),
        payload: asPayload(b.value),
        headers,
      })),
    );
  }
  const nasty = op.body && !op.stream && nastyValue(op.body);
  if (nasty) {
    out.push(
      fc.tuple(nasty, requiredQuery(op)).map(([b, q]) => ({
        kind: 'nasty',
        why: b.why,
        method: op.method,
        url: urlOf(op, ids, undefined, queryOf(q)),
        payload: asPayload(b.value),
        headers,
      })),
    );
  }
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    const bad = invalidText(p.schema, `query.${p.name}`);
    if (!bad) continue;
    out.push(
      fc.tuple(bad, requiredQuery(op), validBody(op)).map(([b, q, body]) => ({
        kind: 'invalid',
        why: b.why,
        method: op.method,
        url: urlOf(op, ids, undefined, queryOf({ ...q, [p.name]: b.value })),
        payload: asPayload(body),
        headers,
      })),
    );
  }
  const pathNames = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  if (pathNames.length) {
    out.push(
      fc
        .tuple(
          fc.constantFrom(...pathNames),
          fc.constantFrom(...HOSTILE_SEGMENTS),
          requiredQuery(op),
          validBody(op),
        )
        .map(([name, segment, q, body]) => ({
          kind: 'invalid',
          why: `path.${name}: ${segment.slice(0, 40)}`,
          method: op.method,
          url: urlOf(op, ids, [name, segment], queryOf(q)),
          payload: asPayload(body),
          headers,
        })),
    );
  }
  return out;
}

const BOUNDARY = '----linli-hostile';
const part = (headers: string, content: string) => `--${BOUNDARY}\r\n${headers}\r\n\r\n${content}\r\n`;
const fileHead = (name: string) => `Content-Disposition: form-data; name="file"; filename="${name}"`;

/** The fixed requests: malformed bodies every operation that takes one must refuse. */
export function fixedRequests(
  op: Operation,
  ids: (name: string) => string,
  bodyLimit: number,
): HostileRequest[] {
  const url = urlOf(op, ids, undefined, queryOf(fc.sample(requiredQuery(op), { numRuns: 1, seed: 1 })[0]!));
  const r = (why: string, payload: string | Buffer | undefined, headers: Record<string, string>) => ({
    kind: 'invalid' as const,
    why,
    method: op.method,
    url,
    payload,
    headers,
  });
  const out: HostileRequest[] = [];
  if (op.body) {
    const required = (op.body.required ?? []).length > 0 || op.body.type !== 'object';
    if (required) out.push(r('no body at all', undefined, {}));
    out.push(r('malformed JSON', '{"a": [1, 2,', json));
    out.push(r('JSON with __proto__', '{"__proto__": {"isPlatformAdmin": true}}', json));
    out.push(r('a body as text/plain', 'hello', { 'content-type': 'text/plain' }));
    out.push(r('a body over the limit', JSON.stringify({ x: 'x'.repeat(bodyLimit + 10) }), json));
    // Under the limit but a megabyte: each field is bounded far below it.
    out.push(r('a 900 KB string', JSON.stringify(hugeBody(op.body, Math.floor(bodyLimit * 0.9))), json));
  }
  if (op.multipart) {
    const mp = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
    out.push(r('multipart without a boundary', 'abc', { 'content-type': 'multipart/form-data' }));
    out.push(
      r('multipart cut off mid-part', `--${BOUNDARY}\r\n${fileHead('a.xlsx')}\r\n\r\nPK\u0003\u0004abc`, mp),
    );
    out.push(r('multipart with no parts', `--${BOUNDARY}--\r\n`, mp));
    out.push(
      r(
        'multipart with a field, no file',
        `${part('Content-Disposition: form-data; name="note"', 'x')}--${BOUNDARY}--\r\n`,
        mp,
      ),
    );
    out.push(
      r(
        'multipart, file named ../../etc/passwd',
        `${part(`${fileHead('../../etc/passwd')}\r\nContent-Type: application/octet-stream`, '\u0000\u0001garbage')}--${BOUNDARY}--\r\n`,
        mp,
      ),
    );
    out.push(
      r(
        'multipart, two files',
        `${part(fileHead('a.png'), 'x')}${part(fileHead('b.png'), 'y')}--${BOUNDARY}--\r\n`,
        mp,
      ),
    );
    out.push(
      r(
        'multipart, a file name with NUL and RTL override',
        `${part(fileHead('a\u0000b\u202egnp.exe'), '\u0089PNG')}--${BOUNDARY}--\r\n`,
        mp,
      ),
    );
    out.push(r('JSON where multipart is expected', '{"file": "x"}', json));
  }
  if (!op.body && !op.multipart && op.method !== 'GET') out.push(r('malformed JSON', '{"a":', json));
  // Parameters nobody declared, a polluting key and broken escapes: ignored or refused, never a crash
  // (reads only: a sign-out or a token reset would simply be done).
  if (op.method === 'GET' && !op.stream)
    out.push({
      ...r('junk in the query', undefined, {}),
      kind: 'nasty',
      url: `${url}${url.includes('?') ? '&' : '?'}__proto__[admin]=1&constructor[prototype][x]=1&a=%ZZ&a=%00&b[]=%F0%9F`,
    });
  return out;
}

/** A body whose first string field (or the body itself) is `size` characters long. */
function hugeBody(schema: JsonSchema, size: number): unknown {
  const first = Object.keys(schema.properties ?? {})[0];
  return first ? { [first]: 'A'.repeat(size) } : 'A'.repeat(size);
}

/** Traces of internals an answer must never show. */
const LEAKS = [
  /^\s+at /m,
  /\(\/[^)]*:\d+:\d+\)/,
  /node_modules/,
  /\.[cm]?[tj]s:\d+/,
  /\/work\//,
  /\b[A-Z]\w*Error: /,
];

/** Why an answer is wrong, or null. */
export function answerProblem(req: HostileRequest, res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  const leak = LEAKS.find((re) => re.test(res.body.replace(/\\n/g, '\n')));
  if (leak && res.statusCode >= 400) return `shows internals (${leak}): ${res.body.slice(0, 300)}`;
  if (req.kind === 'invalid' && res.statusCode < 400)
    return `took it: ${res.statusCode} ${res.body.slice(0, 200)}`;
  if (res.statusCode >= 400) {
    let error: { code?: unknown; message?: unknown } | undefined;
    try {
      error = res.json().error;
    } catch {
      return `a ${res.statusCode} that is not JSON: ${res.body.slice(0, 200)}`;
    }
    if (typeof error?.code !== 'string' || !error.code) return `a ${res.statusCode} without an error code`;
    if (typeof error.message !== 'string' || !error.message.trim()) return `${error.code} without a message`;
  }
  return null;
}
