// Grouping open medicine requests into trips (issue 7: "groups open requests by hospital or
// pharmacy into trips so one drive serves many"). The usual hospital or pharmacy is typed freely
// ("瑞金医院", "瑞金 医院", "Ruijin Hospital", "老百姓大药房（长寿路店）"), so it is reduced to a key first.
import { compact, foldText } from './text-normalize.ts';
import type { Urgency } from './urgency.ts';

/**
 * Words that name the same kind of place differently, each rewritten to the one spelling the key
 * uses: "老百姓大药房", "老百姓药房" and "老百姓药店" are one pharmacy; "xx社区医院" and
 * "xx街道社区卫生服务中心" one clinic. Applied anywhere in the text, not only at its end, because a
 * branch often follows in brackets ("老百姓大药房（长寿路店）"): the branch stays part of the key, as
 * another branch is another drive.
 */
const ENGLISH_PLACE_WORDS: readonly (readonly [RegExp, string])[] = [
  [/hospital/g, '医院'],
  [/pharmacy|drugstore|chemist/g, '药房'],
];
/** "瑞金院" is how many say "瑞金医院": a trailing 院 not already 医院 becomes 医院. */
const SHORT_HOSPITAL_SUFFIX = /(?<=.)(?<!医)院$/u;
const PLACE_WORD_VARIANTS: readonly (readonly [RegExp, string])[] = [
  [/(社区)?卫生服务中心|社区医院/g, '社区卫生服务中心'],
  [/大药房|药店|药局/g, '药房'],
];

/**
 * One key per hospital or pharmacy: trimmed, full-width folded, lower case, a few traditional
 * characters simplified, spaces and punctuation removed, and the kind of place spelled one way.
 * Empty for a text with nothing in it (the request then goes to the "any pharmacy" trip).
 */
export function normalizeSourceKey(text: string): string {
  let key = compact(foldText(text.trim()));
  // English words first and 院 → 医院 next, so that "Changshou Community Hospital" and "长寿社区院"
  // meet the Chinese variants below; no rule's output feeds an earlier rule (the key is idempotent).
  for (const [word, canonical] of ENGLISH_PLACE_WORDS) key = key.replace(word, canonical);
  key = key.replace(SHORT_HOSPITAL_SUFFIX, '医院');
  for (const [variant, canonical] of PLACE_WORD_VARIANTS) key = key.replace(variant, canonical);
  return key;
}

export interface TripRequest {
  id: string;
  /** the key of the usual hospital or pharmacy; null or '' when none was given */
  sourceKey: string | null;
  /** the hospital or pharmacy as typed */
  source: string | null;
  urgency: Urgency;
  deadlineAt: Date;
}

export interface PlannedTrip<R extends TripRequest = TripRequest> {
  /** `source`: to one hospital or pharmacy; `any`: requests that named none (any pharmacy will do) */
  kind: 'source' | 'any';
  /** null for the `any` trip */
  sourceKey: string | null;
  /** the place as typed on the trip's most urgent request (for the `any` trip: null) */
  source: string | null;
  /** the most urgent urgency among the trip's requests */
  urgency: Urgency;
  /** the earliest deadline among the trip's requests */
  deadlineAt: Date;
  /** by deadline, then urgency, then id */
  requests: R[];
}

const URGENCY_RANK: Record<Urgency, number> = { critical: 0, high: 1, normal: 2 };

function compareRequests(a: TripRequest, b: TripRequest): number {
  return (
    a.deadlineAt.getTime() - b.deadlineAt.getTime() ||
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The key a request groups by: its stored key, or one made from what was typed; '' for none. */
const keyOf = (r: TripRequest) => (r.sourceKey ? r.sourceKey : normalizeSourceKey(r.source ?? ''));

/**
 * Open requests grouped into one trip per hospital or pharmacy, plus one trip for the requests that
 * named none. Trips come in the order of their most urgent deadline (then urgency, then key);
 * every request is in exactly one trip. Pure and deterministic: the same requests in any order give
 * the same trips.
 */
export function groupIntoTrips<R extends TripRequest>(requests: readonly R[]): PlannedTrip<R>[] {
  const byKey = new Map<string, R[]>();
  for (const r of [...requests].sort(compareRequests)) {
    const key = keyOf(r);
    const group = byKey.get(key);
    if (group) group.push(r);
    else byKey.set(key, [r]);
  }
  const trips = [...byKey].map(([key, group]): PlannedTrip<R> => {
    const first = group[0] as R;
    const urgency = group.reduce<Urgency>(
      (most, r) => (URGENCY_RANK[r.urgency] < URGENCY_RANK[most] ? r.urgency : most),
      'normal',
    );
    return key
      ? {
          kind: 'source',
          sourceKey: key,
          source: first.source,
          urgency,
          deadlineAt: first.deadlineAt,
          requests: group,
        }
      : {
          kind: 'any',
          sourceKey: null,
          source: null,
          urgency,
          deadlineAt: first.deadlineAt,
          requests: group,
        };
  });
  return trips.sort(
    (a, b) =>
      a.deadlineAt.getTime() - b.deadlineAt.getTime() ||
      URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
      ((a.sourceKey ?? '') < (b.sourceKey ?? '') ? -1 : (a.sourceKey ?? '') > (b.sourceKey ?? '') ? 1 : 0),
  );
}
