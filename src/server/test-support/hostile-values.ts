// fast-check arbitraries read off the OpenAPI document's JSON schemas: values a schema accepts (to
// carry one bad value deep into a request), values it certainly refuses, and nasty values it accepts.
// "Certainly" uses only what the JSON schema says; zod's refinements (trimming, control characters)
// can only refuse more, never accept what the schema refuses.
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/** A value sent and why it is there, for the failure message. */
export interface Probe {
  value: unknown;
  why: string;
}

/** What people paste into text fields, by mistake or not. */
export const HOSTILE_STRINGS = [
  "'; DROP TABLE accounts; --",
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202egnp.exe',
  'a\u200b\u200cb\ufeff',
  '💥👨‍👩‍👧‍👦',
  '\u0024{7*7}{{7*7}}',
  '\r\nSet-Cookie: x=1',
  '%00%2e%2e%2f',
  'NaN',
  '-1',
  '1e309',
];

/** Path segments no route can take for a real id (encoded as a client would put them in a URL). */
export const HOSTILE_SEGMENTS = [
  '..%2F..%2Fetc%2Fpasswd',
  '..',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%AE%C0%AE',
  `${'9'.repeat(40)}`,
  'x'.repeat(3000),
  "1'%20OR%20'1'%3D'1",
  '%3Cscript%3E',
  '-1',
  '1.5',
  'NaN',
  '%F0%9F%92%A5',
  '00000000-0000-4000-8000-000000000000',
];

const INT32 = 2 ** 31 - 1;
const types = (s: JsonSchema): string[] => {
  const own = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  return s.nullable ? [...own, 'null'] : own;
};
const lowerBound = (s: JsonSchema) =>
  s.minimum === undefined ? undefined : s.exclusiveMinimum === true ? s.minimum + 1 : s.minimum;
const upperBound = (s: JsonSchema) =>
  s.maximum === undefined ? undefined : s.exclusiveMaximum === true ? s.maximum - 1 : s.maximum;
const withinLength = (s: JsonSchema) => (v: string) =>
  v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY);
const plainUnit = fc.constantFrom('a', 'k', 'z', '7', '甲', '楼');

function validString(s: JsonSchema): fc.Arbitrary<string> {
  const day = fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true });
  if (s.format === 'uuid') return fc.uuid({ version: 4 });
  if (s.format === 'date-time') return day.map((d) => d.toISOString());
  if (s.format === 'date') return day.map((d) => d.toISOString().slice(0, 10));
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter(withinLength(s));
  const min = Math.max(s.minLength ?? 0, 1);
  return fc.string({
    unit: plainUnit,
    minLength: min,
    maxLength: Math.max(min, Math.min(s.maxLength ?? 12, 12)),
  });
}

/** Values the schema accepts (as far as its JSON form tells). */
export function validValue(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return fc.oneof(...branches.map(validValue));
  if (s.allOf) return validValue(Object.assign({}, ...s.allOf));
  switch (types(s).find((t) => t !== 'null')) {
    case 'string':
      return validString(s);
    case 'integer':
      return fc.integer({
        min: Math.max(lowerBound(s) ?? -1000, -INT32),
        max: Math.min(upperBound(s) ?? 1000, INT32),
      });
    case 'number':
      return fc.double({ min: lowerBound(s) ?? -1000, max: upperBound(s) ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(s.items ?? {}), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, (s.minItems ?? 0) + 2),
      });
    case 'object': {
      const props = s.properties ?? {};
      const required = (s.required ?? []).filter((k) => k in props);
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validValue(v)])), {
        requiredKeys: required,
      });
    }
    case 'null':
      return fc.constant(null);
    default:
      return fc.constant('x');
  }
}

/** One value of each JSON type, and what a value of that type is allowed by. */
const SAMPLES: [unknown, (allowed: string[]) => boolean][] = [
  ['<script>alert(1)</script>', (a) => a.includes('string')],
  [1.5, (a) => a.includes('number')],
  [-7, (a) => a.includes('number') || a.includes('integer')],
  [true, (a) => a.includes('boolean')],
  [null, (a) => a.includes('null')],
  [[], (a) => a.includes('array')],
  [{}, (a) => a.includes('object')],
];

function allowedTypes(s: JsonSchema): string[] | null {
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    const all = branches.map(allowedTypes);
    return all.some((a) => a === null)
      ? null
      : [...new Set(all.flat() as string[]), ...(s.nullable ? ['null'] : [])];
  }
  if (s.enum || s.const !== undefined) return null; // judged by value below
  const own = types(s);
  return own.length ? own : null;
}

const probe = (why: string) => (value: unknown) => ({ value, why });

/** Values the schema certainly refuses: one bad spot, everything around it valid. */
export function invalidValue(s: JsonSchema, at = 'body'): fc.Arbitrary<Probe> | null {
  const options: fc.Arbitrary<Probe>[] = [];
  const allowed = allowedTypes(s);
  if (allowed) {
    const wrong = SAMPLES.filter(([, ok]) => !ok(allowed)).map(([v]) => v);
    if (wrong.length) options.push(fc.constantFrom(...wrong).map(probe(`${at}: wrong type`)));
  }
  if (s.enum) {
    const outside = ['NOT_AN_OPTION', ...HOSTILE_STRINGS, 12].filter((v) => !s.enum!.includes(v));
    options.push(fc.constantFrom(...outside).map(probe(`${at}: not one of the options`)));
  }
  const t = s.enum ? undefined : types(s).find((x) => x !== 'null');
  if (t === 'string') {
    if (s.maxLength !== undefined) {
      const over = [s.maxLength + 1, Math.max(s.maxLength * 4, 5000)];
      options.push(fc.constantFrom(...over).map((n) => probe(`${at}: ${n} characters`)('界'.repeat(n))));
    }
    if ((s.minLength ?? 0) > 0)
      options.push(fc.constant(probe(`${at}: too short`)('x'.repeat(s.minLength! - 1))));
    const re = s.pattern ? new RegExp(s.pattern) : null;
    if (re || s.format === 'uuid' || s.format === 'date' || s.format === 'date-time') {
      const bad = [
        ...HOSTILE_STRINGS,
        '2026-13-45T25:61:00Z',
        '2026-02-30',
        '00000000-0000-0000-0000-00000000000g',
      ];
      const refused = bad.filter((v) => (re ? !re.test(v) : true));
      options.push(fc.constantFrom(...refused).map(probe(`${at}: badly formed`)));
    }
  }
  if (t === 'integer' || t === 'number') {
    const lo = lowerBound(s);
    const hi = upperBound(s);
    const out: number[] = [1e308, -1e308];
    // "12" and "NaN" are strings, which a number field refuses (bodies are not coerced)
    if (lo !== undefined) out.push(lo - 1, -(2 ** 53));
    if (hi !== undefined) out.push(hi + 1, 2 ** 63);
    if (t === 'integer') out.push((lo ?? 0) + 0.5);
    const refused = out.filter(
      (n) =>
        (lo !== undefined && n < lo) ||
        (hi !== undefined && n > hi) ||
        (t === 'integer' && !Number.isInteger(n)),
    );
    if (refused.length) options.push(fc.constantFrom(...refused).map(probe(`${at}: number out of range`)));
    options.push(fc.constantFrom('NaN', 'Infinity', '12').map(probe(`${at}: a number in a string`)));
  }
  if (t === 'array') {
    const item = validValue(s.items ?? {});
    if (s.maxItems !== undefined)
      options.push(
        fc
          .array(item, { minLength: s.maxItems + 1, maxLength: s.maxItems + 1 })
          .map(probe(`${at}: ${s.maxItems + 1} items`)),
      );
    if ((s.minItems ?? 0) > 0) options.push(fc.constant(probe(`${at}: too few items`)([])));
    const inner = s.items && invalidValue(s.items, `${at}[0]`);
    if (inner) {
      const others = fc.array(item, { maxLength: Math.max(0, Math.min(2, (s.maxItems ?? 3) - 1)) });
      options.push(
        fc.tuple(inner, others).map(([bad, rest]) => ({ value: [bad.value, ...rest], why: bad.why })),
      );
    }
  }
  if (t === 'object') options.push(...invalidObject(s, at));
  return options.length ? fc.oneof(...options) : null;
}

function invalidObject(s: JsonSchema, at: string): fc.Arbitrary<Probe>[] {
  const props = s.properties ?? {};
  const base = validValue(s) as fc.Arbitrary<Record<string, unknown>>;
  const options: fc.Arbitrary<Probe>[] = [];
  for (const key of s.required ?? []) {
    options.push(base.map((v) => ({ value: omit(v, key), why: `${at}.${key} missing` })));
  }
  if (s.additionalProperties === false) {
    options.push(
      base.map((v) => ({ value: { ...v, isPlatformAdmin: true }, why: `${at}: a field it forbids` })),
    );
  }
  for (const [key, schema] of Object.entries(props)) {
    const bad = invalidValue(schema, `${at}.${key}`);
    if (bad)
      options.push(fc.tuple(base, bad).map(([v, b]) => ({ value: { ...v, [key]: b.value }, why: b.why })));
  }
  return options;
}

function omit(v: Record<string, unknown>, key: string) {
  const { [key]: _, ...rest } = v;
  return rest;
}

/**
 * Nasty values the schema accepts: a free-text field (no pattern or format) set to a payload cut to
 * its length, or filled to its very limit. The server may take them; it must never crash on them.
 */
export function nastyValue(s: JsonSchema, at = 'body'): fc.Arbitrary<Probe> | null {
  const t = types(s).find((x) => x !== 'null');
  if (t === 'string' && !s.enum && !s.pattern && !s.format) {
    const max = s.maxLength ?? 200;
    const fits = HOSTILE_STRINGS.map((v) => v.slice(0, max)).filter(withinLength(s));
    return fc
      .oneof(fc.constantFrom(...fits), fc.constant('界'.repeat(max)))
      .map((v) => ({ value: v, why: `${at}: ${JSON.stringify(v.slice(0, 24))}` }));
  }
  if (t === 'object' && s.properties) {
    const base = validValue(s) as fc.Arbitrary<Record<string, unknown>>;
    const options = Object.entries(s.properties).flatMap(([key, schema]) => {
      const nasty = nastyValue(schema, `${at}.${key}`);
      return nasty
        ? [fc.tuple(base, nasty).map(([v, n]) => ({ value: { ...v, [key]: n.value }, why: n.why }))]
        : [];
    });
    return options.length ? fc.oneof(...options) : null;
  }
  if (t === 'array' && s.items) {
    const nasty = nastyValue(s.items, `${at}[0]`);
    return nasty && fc.tuple(nasty).map(([n]) => ({ value: [n.value], why: n.why }));
  }
  return null;
}

/**
 * Texts a query or path parameter certainly refuses (they arrive as strings and may be coerced, so
 * only what no coercion can save: bad numbers, too long, off the pattern, format or options).
 */
export function invalidText(s: JsonSchema, at: string): fc.Arbitrary<Probe> | null {
  const bad: string[] = [];
  const t = types(s).find((x) => x !== 'null');
  if (s.enum) bad.push(...['NOT_AN_OPTION', ...HOSTILE_STRINGS].filter((v) => !s.enum!.includes(v)));
  else if (t === 'integer' || t === 'number') {
    const lo = lowerBound(s);
    const hi = upperBound(s);
    bad.push('abc', '1e400', '0x1g');
    if (lo !== undefined) bad.push(String(lo - 1));
    if (hi !== undefined && hi < 2 ** 52) bad.push(String(hi + 1));
    if (t === 'integer') bad.push('1.5');
  } else if (t === 'string') {
    if (s.maxLength !== undefined) bad.push('界'.repeat(s.maxLength + 1));
    const re = s.pattern ? new RegExp(s.pattern) : null;
    if (re || s.format === 'uuid' || s.format === 'date' || s.format === 'date-time')
      bad.push(...[...HOSTILE_STRINGS, '2026-02-30'].filter((v) => (re ? !re.test(v) : true)));
  }
  return bad.length
    ? fc.constantFrom(...bad).map((v) => ({ value: v, why: `${at}: ${JSON.stringify(v.slice(0, 30))}` }))
    : null;
}
