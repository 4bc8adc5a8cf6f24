import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedTypos,
  CRITICAL_MEDICINE_CATEGORIES,
  CRITICAL_MEDICINES,
  matchCriticalMedicine,
  matchCriticalMedicineDetail,
  NOT_TYPOS,
} from './critical-medicines.ts';
import { damerauLevenshtein } from './edit-distance.ts';
import { latinWords } from './text-normalize.ts';

const keyOf = (typed: string) => matchCriticalMedicine(typed)?.key ?? null;

const latinNames = CRITICAL_MEDICINES.flatMap((m) =>
  [...m.en, ...m.brands]
    .filter((n) => !/\p{Script=Han}/u.test(n))
    .map((name) => ({ key: m.key, form: latinWords(name.toLowerCase()).join('') })),
);

describe('the critical-medicine list', () => {
  it('has unique keys, known categories and Chinese and English names for every entry', () => {
    const keys = CRITICAL_MEDICINES.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of CRITICAL_MEDICINES) {
      expect(CRITICAL_MEDICINE_CATEGORIES).toContain(m.category);
      expect(m.zh.length).toBeGreaterThan(0);
      expect(m.en.length).toBeGreaterThan(0);
    }
    expect(new Set(CRITICAL_MEDICINES.map((m) => m.category))).toEqual(new Set(CRITICAL_MEDICINE_CATEGORIES));
  });

  it('keeps the keys already stored with requests', () => {
    expect(keys()).toEqual(expect.arrayContaining(['insulin', 'warfarin']));
  });

  it('matches every name and brand to its own entry', () => {
    for (const m of CRITICAL_MEDICINES)
      for (const name of [...m.zh, ...m.en, ...m.brands]) expect([name, keyOf(name)]).toEqual([name, m.key]);
  });
});

const keys = () => CRITICAL_MEDICINES.map((m) => m.key);

describe('matching what people type', () => {
  it.each([
    ['甘精胰岛素注射液 300单位', 'insulin_glargine'],
    ['甘精 胰岛素', 'insulin_glargine'],
    ['胰岛素', 'insulin'],
    ['胰岛素 来得时', 'insulin_glargine'],
    ['门冬 胰岛素 笔芯 3ml', 'insulin_aspart'],
    ['诺和锐30笔芯', 'insulin_aspart'],
    ['諾和銳', 'insulin_aspart'],
    ['華法林鈉片 2.5mg', 'warfarin'],
    ['拜瑞妥 20mg*7片', 'rivaroxaban'],
    ['泰毕全（达比加群酯胶囊）', 'dabigatran'],
    ['克赛 4000IU', 'enoxaparin'],
    ['肝素 克赛', 'enoxaparin'],
    ['低分子肝素钙注射液', 'low_molecular_weight_heparin'],
    ['左乙拉西担片', 'levetiracetam'],
    ['单硝酸异山梨酯缓释片', 'isosorbide_mononitrate'],
    ['硝酸异山梨酯', 'isosorbide_dinitrate'],
    ['消心痛', 'isosorbide_dinitrate'],
    ['沙库巴曲/缬沙坦钠片', 'sacubitril_valsartan'],
    ['百特腹膜透析液 2L', 'peritoneal_dialysis_solution'],
    ['血液透析浓缩液', 'haemodialysis_concentrate'],
    ['家用制氧机', 'oxygen_concentrator'],
    ['氧气袋', 'oxygen'],
    ['氧 气', 'oxygen'],
    ['ＬＡＮＴＵＳ', 'insulin_glargine'],
    ['Novo-Rapid', 'insulin_aspart'],
    ['novo rapid flexpen', 'insulin_aspart'],
    ['insulin glargin', 'insulin_glargine'],
    ['Insulin', 'insulin'],
    ['xarleto', 'rivaroxaban'],
    ['Keppra 500mg', 'levetiracetam'],
    ['Depakine Chrono', 'valproate'],
    ['Eliqus', 'apixaban'],
    ['levetiracetan', 'levetiracetam'],
    ['tacrolimis', 'tacrolimus'],
    ['Cell-Cept 500', 'mycophenolate'],
    ['isosorbide dinitrate', 'isosorbide_dinitrate'],
    ['Lévemir', 'insulin_detemir'],
    ['GTN spray', 'nitroglycerin'],
    ['isosorbide dinitrat', 'isosorbide_dinitrate'],
    ['airolimus', 'sirolimus'],
    ['trusemide', 'furosemide'],
  ])('%s → %s', (typed, key) => {
    expect(keyOf(typed)).toBe(key);
  });

  it('says how it matched', () => {
    expect(matchCriticalMedicineDetail('xarleto')).toMatchObject({
      name: 'Xarelto',
      script: 'latin',
      distance: 1,
    });
    expect(matchCriticalMedicineDetail('来得时')).toMatchObject({
      name: '来得时',
      script: 'zh',
      distance: 0,
    });
    expect(matchCriticalMedicineDetail('左乙拉西担')).toMatchObject({ script: 'zh', distance: 1 });
    expect(matchCriticalMedicineDetail('')).toBeNull();
  });

  it('forgives one slip in every Latin name of 5 letters or more', () => {
    const long = latinNames.filter((n) => n.form.length >= 5);
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
    fc.assert(
      fc.property(
        fc.constantFrom(...long),
        fc.constantFrom('substitute', 'delete', 'insert', 'swap'),
        fc.nat(),
        letter,
        fc.boolean(),
        ({ key, form }, slip, at, ch, shout) => {
          const i = at % form.length;
          const j = Math.min(i + 1, form.length - 1);
          const typo =
            slip === 'substitute'
              ? form.slice(0, i) + ch + form.slice(i + 1)
              : slip === 'delete'
                ? form.slice(0, i) + form.slice(i + 1)
                : slip === 'insert'
                  ? form.slice(0, i) + ch + form.slice(i)
                  : form.slice(0, i) + form[j] + form[i] + form.slice(j + 1);
          fc.pre(!NOT_TYPOS.has(typo));
          // "novolix" is as close to NovoMix as to Novolin: no entry can claim it
          const own = damerauLevenshtein(typo, form);
          fc.pre(!latinNames.some((n) => n.key !== key && damerauLevenshtein(typo, n.form, own) <= own));
          expect(keyOf(shout ? typo.toUpperCase() : typo)).toBe(key);
        },
      ),
    );
  });

  it('never forgives a slip in a name shorter than 5 letters', () => {
    const shortNames = new Set(latinNames.filter((n) => n.form.length < 5).map((n) => n.form));
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,4}$/), (word) => {
        fc.pre(!shortNames.has(word));
        expect(keyOf(word)).toBeNull();
      }),
    );
  });

  it('matches no ordinary medicine', () => {
    const ordinary = [
      ...[
        '阿莫西林胶囊',
        '布洛芬缓释胶囊',
        '维生素C',
        '氨氯地平',
        '二甲双胍',
        '阿托伐他汀钙片',
        '阿司匹林肠溶片',
      ],
      ...[
        '奥美拉唑',
        '氯沙坦钾',
        '缬沙坦',
        '厄贝沙坦',
        '硝苯地平控释片',
        '美托洛尔',
        '左甲状腺素钠',
        '氯吡格雷',
      ],
      ...['泼尼松', '沙丁胺醇', '对乙酰氨基酚', '头孢克肟', '左氧氟沙星', '氧氟沙星滴耳液', '过氧化氢溶液'],
      ...['医用氧化锌胶布', '护肝片', '连花清瘟胶囊', '藿香正气水', '六味地黄丸', '复方丹参滴丸', '阿卡波糖'],
      ...['格列美脲', '瑞舒伐他汀', '螺内酯', '氢氯噻嗪', '比索洛尔', '多奈哌齐', '甘露醇', '开塞露', '甘油'],
      ...[
        '氯化钠注射液',
        '葡萄糖',
        '碳酸钙D3',
        '叶酸',
        '异戊巴比妥',
        '吸入用布地奈德',
        '速效伤风胶囊',
        '感冒灵',
      ],
      ...['他克莫司软膏', '肝素钠乳膏', '环孢素滴眼液', '硝酸甘油软膏', '吡拉西坦', '普乐安'],
      ...['amoxicillin', 'ibuprofen', 'metformin', 'atorvastatin', 'amlodipine', 'aspirin', 'omeprazole'],
      ...['losartan', 'valsartan', 'nifedipine', 'metoprolol', 'levothyroxine', 'clopidogrel', 'prednisone'],
      ...[
        'salbutamol',
        'paracetamol',
        'acetaminophen',
        'simvastatin',
        'cetirizine',
        'loratadine',
        'vitamin C',
      ],
      ...['gliclazide', 'glimepiride', 'acarbose', 'spironolactone', 'bisoprolol', 'lactulose', 'nystatin'],
      ...['terbinafine', 'Lamisil', 'piracetam', 'pimecrolimus', 'donepezil', 'tamsulosin', 'allopurinol'],
      ...['inulin', 'Tylenol', 'Panadol', 'Lipitor', 'Norvasc', 'Glucophage', 'Plavix', 'Nexium', 'Voltaren'],
      ...[
        'tacrolimus ointment',
        'Protopic',
        'heparin cream',
        'ciclosporin eye drops',
        'calcium',
        'zinc oxide',
      ],
      ...['one box', 'tablets', 'capsules', 'mg', 'iu', 'pen', 'the usual', 'as before', 'same as last time'],
    ];
    const matched = ordinary.filter((name) => matchCriticalMedicine(name) !== null);
    expect(matched).toEqual([]);
  });
});

describe('edit distance', () => {
  it('counts a swap of neighbours as one slip and stops past the limit', () => {
    expect(damerauLevenshtein('xarelto', 'xarleto')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting', 1)).toBe(2);
    expect(allowedTypos(4)).toBe(0);
    expect(allowedTypos(5)).toBe(1);
    expect(allowedTypos(8)).toBe(1);
    expect(allowedTypos(9)).toBe(2);
  });

  it('is symmetric and zero only for equal words', () => {
    const word = fc.stringMatching(/^[a-e]{0,8}$/);
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(damerauLevenshtein(a, b)).toBe(damerauLevenshtein(b, a));
        expect(damerauLevenshtein(a, b) === 0).toBe(a === b);
      }),
    );
  });
});
