// Text folding shared by the critical-medicine matcher and the trip keys: what residents and
// volunteers type on phones comes in full-width forms, traditional characters (relatives abroad,
// Hong Kong and Taiwan input methods), mixed case and with stray spaces and punctuation.

/**
 * Traditional → simplified for the characters that occur in the critical-medicine list and in the
 * usual hospital/pharmacy suffixes. Deliberately small: a full conversion table is not needed to
 * recognise a fixed list, and every pair here is one-to-one.
 */
const TRADITIONAL_TO_SIMPLIFIED: Record<string, string> = {
  島: '岛',
  華: '华',
  鈉: '钠',
  鈣: '钙',
  鎂: '镁',
  門: '门',
  賴: '赖',
  穀: '谷',
  諾: '诺',
  銳: '锐',
  來: '来',
  時: '时',
  長: '长',
  優: '优',
  樂: '乐',
  靈: '灵',
  達: '达',
  開: '开',
  蘭: '兰',
  馬: '马',
  奧: '奥',
  環: '环',
  嗎: '吗',
  麥: '麦',
  羅: '罗',
  維: '维',
  單: '单',
  異: '异',
  庫: '库',
  纈: '缬',
  濃: '浓',
  縮: '缩',
  氣: '气',
  製: '制',
  機: '机',
  醫: '医',
  藥: '药',
  復: '复',
  驍: '骁',
  賽: '赛',
  畢: '毕',
  萊: '莱',
  侖: '仑',
  裏: '里',
  裡: '里',
  筆: '笔',
  劑: '剂',
  葯: '药',
  鋪: '铺',
  舖: '铺',
  衛: '卫',
  區: '区',
  務: '务',
  連: '连',
  鎖: '锁',
  館: '馆',
  診: '诊',
  療: '疗',
  聯: '联',
  圍: '围',
  濟: '济',
  協: '协',
  紅: '红',
  興: '兴',
  東: '东',
  廣: '广',
  國: '国',
  寧: '宁',
  陽: '阳',
  灣: '湾',
  歷: '历',
  靜: '静',
  脈: '脉',
  鹽: '盐',
  腎: '肾',
  臟: '脏',
  顆: '颗',
  針: '针',
  貼: '贴',
  噴: '喷',
  霧: '雾',
  膠: '胶',
  緩: '缓',
  釋: '释',
};

/** Full-width → half-width (NFKC), lower case, traditional → simplified for the characters above. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) out += TRADITIONAL_TO_SIMPLIFIED[ch] ?? ch;
  return out;
}

/** Latin letters without accents (ä → a), so "Novorapid®" and "Lévemir" fold like the list. */
export function stripAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

const HAN = /\p{Script=Han}/u;
export const isHan = (ch: string) => HAN.test(ch);

/** Only the Han characters of a text, in order. */
export function hanOnly(text: string): string {
  let out = '';
  for (const ch of text) if (isHan(ch)) out += ch;
  return out;
}

/** The Latin words of a text (runs of a–z), accents dropped; digits and everything else separate words. */
export function latinWords(text: string): string[] {
  return stripAccents(text).match(/[a-z]+/g) ?? [];
}

/** Letters and digits only: spaces, hyphens, dots, brackets and other punctuation removed. */
export function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}
