// Recognising a life-critical medicine in what a resident or volunteer typed (issue 7: "matched
// tolerant of spelling"). Typed names look like "甘精胰岛素注射液 300单位", "诺和锐 笔芯", "Novo-Rapid",
// "insulin glargin", "華法林鈉" or "ＬＡＮＴＵＳ": folded first (full-width, case, a few traditional
// characters), then
// - Chinese names are looked for as substrings of the typed Han characters (spaces, digits and
//   strengths between them ignored), with one wrong character allowed in names of 5+ characters
//   (a homophone picked from the input method);
// - Latin names are compared with each run of up to four typed words joined together, ignoring
//   spaces, hyphens and punctuation, allowing Damerau–Levenshtein ≤ 1 for names of 5–8 letters and
//   ≤ 2 for longer ones; names shorter than 5 letters must be typed exactly, as whole words.
// Creams, ointments, gels and eye drops are never critical (tacrolimus ointment, heparin cream,
// ciclosporin eye drops share names with the transplant and anticoagulant medicines).
import { CRITICAL_MEDICINES, type CriticalMedicine } from './critical-medicine-list.ts';
import { damerauLevenshtein } from './edit-distance.ts';
import { foldText, hanOnly, latinWords } from './text-normalize.ts';

export * from './critical-medicine-list.ts';

export interface CriticalMedicineMatch {
  medicine: CriticalMedicine;
  /** the list name or brand that matched, as written in the list */
  name: string;
  script: 'zh' | 'latin';
  /** 0 for an exact match, else the number of typing slips forgiven */
  distance: number;
}

/** Typing slips forgiven in a Latin name of this many letters. */
export function allowedTypos(letters: number): number {
  if (letters < 5) return 0;
  return letters <= 8 ? 1 : 2;
}

/** Han characters a Chinese name needs before one wrong character is forgiven. */
export const MIN_HAN_FOR_TYPO = 5;

/**
 * Real words one slip away from a list name: typed exactly, they mean something else
 * (inulin is a fibre supplement, not insulin; coumarin is not Coumadin).
 */
export const NOT_TYPOS: ReadonlySet<string> = new Set(['inulin', 'neural', 'coumarin', 'lasik']);

const TOPICAL_ZH = ['乳膏', '软膏', '凝胶', '滴眼', '眼膏', '眼用', '滴耳', '外用', '搽剂'];
const TOPICAL_LATIN = new Set(['cream', 'ointment', 'gel', 'eyedrops', 'eye', 'topical', 'lotion']);

/** Most words a Latin name may be typed as ("novo rapid flex pen" is four). */
const MAX_WINDOW_WORDS = 4;
/** Typed text beyond this is not searched: a drug name is short, and matching stays cheap. */
const MAX_TYPED_LENGTH = 200;

interface IndexedName {
  medicine: CriticalMedicine;
  order: number;
  name: string;
  script: 'zh' | 'latin';
  /** the name folded: Han characters only (zh) or Latin letters only (latin) */
  form: string;
}

const INDEX: IndexedName[] = CRITICAL_MEDICINES.flatMap((medicine, order) =>
  [...medicine.zh, ...medicine.en, ...medicine.brands].map((name): IndexedName => {
    const folded = foldText(name);
    const han = hanOnly(folded);
    return han
      ? { medicine, order, name, script: 'zh', form: han }
      : { medicine, order, name, script: 'latin', form: latinWords(folded).join('') };
  }),
).filter((n) => n.form.length > 0);

/** The list entry a typed drug name stands for, or null. */
export function matchCriticalMedicine(name: string): CriticalMedicine | null {
  return matchCriticalMedicineDetail(name)?.medicine ?? null;
}

/**
 * The list entry a typed drug name stands for and how it matched, or null. When several entries
 * match, a specific one beats a generic one matched no more exactly (甘精胰岛素 over 胰岛素), then the
 * match that explains more of the text wins (单硝酸异山梨酯 over the 硝酸异山梨酯 inside it).
 */
export function matchCriticalMedicineDetail(typed: string): CriticalMedicineMatch | null {
  const folded = foldText(typed.slice(0, MAX_TYPED_LENGTH));
  const words = latinWords(folded);
  if (TOPICAL_ZH.some((w) => folded.includes(w)) || words.some((w) => TOPICAL_LATIN.has(w))) return null;
  const hanSegments = folded
    .split(/[,;、\n]+/)
    .map(hanOnly)
    .filter((s) => s.length > 0);
  const windows = latinWindows(words);

  let best: { entry: IndexedName; distance: number } | null = null;
  for (const entry of INDEX) {
    const distance =
      entry.script === 'zh' ? hanDistance(hanSegments, entry.form) : latinDistance(windows, entry.form);
    if (distance === null) continue;
    if (!best || beats(entry, distance, best.entry, best.distance)) best = { entry, distance };
  }
  if (!best) return null;
  const { medicine, name, script } = best.entry;
  return { medicine, name, script, distance: best.distance };
}

function beats(a: IndexedName, aDistance: number, b: IndexedName, bDistance: number): boolean {
  const aGeneric = a.medicine.generic === true;
  const bGeneric = b.medicine.generic === true;
  if (aGeneric && !bGeneric && bDistance <= aDistance) return false;
  if (bGeneric && !aGeneric && aDistance <= bDistance) return true;
  if (score(a, aDistance) !== score(b, bDistance)) return score(a, aDistance) > score(b, bDistance);
  if (aDistance !== bDistance) return aDistance < bDistance;
  return a.order < b.order;
}

/**
 * How much of the typed text a match explains: a Han character says about as much as two letters,
 * and each forgiven slip costs three, so "isosorbide dinitrat" is the dinitrate (one slip in 19
 * letters) rather than "isosorbide" exactly, and "airolimus" is sirolimus, not tacrolimus.
 */
const score = (n: IndexedName, distance: number) =>
  n.form.length * (n.script === 'zh' ? 2 : 1) - 3 * distance;

/** Every run of up to MAX_WINDOW_WORDS consecutive typed words, joined without spaces. */
function latinWindows(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(words.length, i + MAX_WINDOW_WORDS); j++) {
      joined += words[j];
      out.add(joined);
    }
  }
  return out;
}

function latinDistance(windows: Set<string>, form: string): number | null {
  if (windows.has(form)) return 0;
  const allowed = allowedTypos(form.length);
  if (allowed === 0) return null;
  let best: number | null = null;
  for (const w of windows) {
    if (Math.abs(w.length - form.length) > allowed || NOT_TYPOS.has(w)) continue;
    const d = damerauLevenshtein(w, form, allowed);
    if (d <= allowed && (best === null || d < best)) best = d;
  }
  return best;
}

function hanDistance(segments: string[], form: string): number | null {
  if (segments.some((s) => s.includes(form))) return 0;
  if (form.length < MIN_HAN_FOR_TYPO) return null;
  for (const s of segments)
    for (let start = 0; start + form.length <= s.length; start++) {
      let differences = 0;
      for (let k = 0; k < form.length && differences <= 1; k++) if (s[start + k] !== form[k]) differences++;
      if (differences === 1) return 1;
    }
  return null;
}
