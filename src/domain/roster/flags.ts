import { VULNERABILITY_FLAGS, type VulnerabilityFlag } from '../../shared/registry.ts';
import { cellText } from './text.ts';
import type { CellValue } from './types.ts';

const SYNONYMS: Record<VulnerabilityFlag, readonly string[]> = {
  elderly_alone: ['独居', '独居老人', '空巢独居'],
  elderly: ['高龄', '高龄老人', '80岁以上'],
  hearing_impaired: ['听障', '耳背', '听力障碍', '聋', '听力差'],
  mobility_impaired: ['行动不便', '卧床', '轮椅', '失能', '瘫痪'],
  chronic_medication: ['慢病', '慢性病', '慢病用药', '高血压', '糖尿病', '胰岛素'],
  pregnant: ['孕妇', '孕期', '怀孕'],
  infant: ['婴幼儿', '婴儿', '幼儿'],
  disabled: ['残疾', '残障', '残疾人'],
};

// Words that name the medicine or illness itself: the flag alone would lose what to fetch,
// so they are kept for the note as well.
const SPECIFIC = new Set(['高血压', '糖尿病', '胰岛素']);

// Cells that say "none" rather than naming a group.
const NONE = new Set(['无', '否', '没有', '暂无', 'none', 'no', 'n/a', 'na', '-']);

const FLAG_BY_WORD = new Map<string, VulnerabilityFlag>();
for (const flag of VULNERABILITY_FLAGS) {
  FLAG_BY_WORD.set(flag, flag);
  for (const word of SYNONYMS[flag]) FLAG_BY_WORD.set(word, flag);
}

// 、 , ， ; ； / and spaces (full-width forms are mapped to ASCII first); brackets too,
// so that 慢病(胰岛素) yields both words.
const SEPARATORS = /[、,;/\s()[\]【】|]+/;

/** Vulnerability flags named in a cell, in the registry's order; other words are returned for the note. */
export function parseFlags(v: CellValue): { flags: VulnerabilityFlag[]; unknown: string[] } {
  const found = new Set<VulnerabilityFlag>();
  const unknown: string[] = [];
  const text = cellText(v);
  if (NONE.has(text.toLowerCase())) return { flags: [], unknown };
  for (const word of text.split(SEPARATORS)) {
    if (word === '' || NONE.has(word.toLowerCase())) continue;
    const flag = FLAG_BY_WORD.get(word.toLowerCase());
    if (flag) found.add(flag);
    if ((!flag || SPECIFIC.has(word)) && !unknown.includes(word)) unknown.push(word);
  }
  return { flags: VULNERABILITY_FLAGS.filter((flag) => found.has(flag)), unknown };
}
