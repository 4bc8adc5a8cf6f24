import { CRITICAL_MEDICINE_CATEGORIES, type TCriticalMedicineCategory } from '../../shared/api/medicine.ts';

// The maintained list of life-critical medicines (issue 7): a request for one of these that runs out
// within 48 h is critical. Each entry has Chinese generic names, English names and the brand names
// common in mainland China. Keys are stored in medicine_requests.matched_medicine: never rename one,
// only add entries (a retired medicine keeps its key so old requests still read).
//
// Names are matched by critical-medicines.ts: Chinese as substrings of what was typed, Latin as words
// with a small typo allowance. Keep names specific enough that ordinary medicines do not contain
// them (e.g. never plain "氧", "医用氧" — 医用氧化锌胶布 is sticking plaster — or plain "缬沙坦").

export { CRITICAL_MEDICINE_CATEGORIES };
export type CriticalMedicineCategory = TCriticalMedicineCategory;

export interface CriticalMedicine {
  /** stable key, stored with each request that matched it */
  key: string;
  /** what kind of medicine, for the leader: insulin, anticoagulant, … */
  category: CriticalMedicineCategory;
  zh: string[];
  en: string[];
  brands: string[];
  /**
   * A broad name (plain 胰岛素, plain 肝素): any specific entry matched in the same text wins over it,
   * so "胰岛素 来得时" is recorded as insulin glargine.
   */
  generic?: boolean;
}

export const CRITICAL_MEDICINES: readonly CriticalMedicine[] = [
  // Insulin: plain and human insulin, then each analogue (specific entries win over plain insulin).
  {
    key: 'insulin',
    category: 'insulin',
    generic: true,
    zh: ['胰岛素', '人胰岛素', '生物合成人胰岛素', '重组人胰岛素', '精蛋白锌胰岛素', '预混胰岛素'],
    en: ['insulin', 'human insulin', 'regular insulin', 'isophane insulin', 'NPH insulin'],
    brands: [
      '诺和灵',
      'Novolin',
      '优泌林',
      'Humulin',
      '甘舒霖',
      'Gansulin',
      '重和林',
      '万苏林',
      'Actrapid',
      'Insulatard',
    ],
  },
  {
    key: 'insulin_aspart',
    category: 'insulin',
    zh: ['门冬胰岛素'],
    en: ['insulin aspart', 'aspart'],
    brands: ['诺和锐', 'NovoRapid', 'NovoLog', 'NovoMix', 'Fiasp'],
  },
  {
    key: 'insulin_lispro',
    category: 'insulin',
    zh: ['赖脯胰岛素'],
    en: ['insulin lispro', 'lispro'],
    brands: ['优泌乐', 'Humalog', '速秀霖'],
  },
  {
    key: 'insulin_glulisine',
    category: 'insulin',
    zh: ['谷赖胰岛素'],
    en: ['insulin glulisine', 'glulisine'],
    brands: ['艾倍得', 'Apidra'],
  },
  {
    key: 'insulin_glargine',
    category: 'insulin',
    zh: ['甘精胰岛素'],
    en: ['insulin glargine', 'glargine'],
    brands: ['来得时', 'Lantus', '来优时', 'Toujeo', '长秀霖', 'Basalin', 'Basaglar'],
  },
  {
    key: 'insulin_detemir',
    category: 'insulin',
    zh: ['地特胰岛素'],
    en: ['insulin detemir', 'detemir'],
    brands: ['诺和平', 'Levemir'],
  },
  {
    key: 'insulin_degludec',
    category: 'insulin',
    zh: ['德谷胰岛素', '德谷门冬双胰岛素'],
    en: ['insulin degludec', 'degludec'],
    brands: ['诺和达', 'Tresiba', '诺和佳', 'Ryzodeg'],
  },
  // Anticoagulants.
  {
    key: 'warfarin',
    category: 'anticoagulant',
    zh: ['华法林', '华法林钠'],
    en: ['warfarin', 'warfarin sodium'],
    brands: ['Coumadin', 'Marevan', '华法令'],
  },
  {
    key: 'rivaroxaban',
    category: 'anticoagulant',
    zh: ['利伐沙班'],
    en: ['rivaroxaban'],
    brands: ['拜瑞妥', 'Xarelto'],
  },
  {
    key: 'dabigatran',
    category: 'anticoagulant',
    zh: ['达比加群', '达比加群酯'],
    en: ['dabigatran', 'dabigatran etexilate'],
    brands: ['泰毕全', 'Pradaxa', 'Pradax'],
  },
  {
    key: 'apixaban',
    category: 'anticoagulant',
    zh: ['阿哌沙班'],
    en: ['apixaban'],
    brands: ['艾乐妥', 'Eliquis'],
  },
  {
    key: 'edoxaban',
    category: 'anticoagulant',
    zh: ['艾多沙班', '依度沙班'],
    en: ['edoxaban'],
    brands: ['里先安', 'Lixiana', 'Savaysa'],
  },
  {
    key: 'enoxaparin',
    category: 'anticoagulant',
    zh: ['依诺肝素', '依诺肝素钠'],
    en: ['enoxaparin', 'enoxaparin sodium'],
    brands: ['克赛', 'Clexane', 'Lovenox'],
  },
  {
    key: 'low_molecular_weight_heparin',
    category: 'anticoagulant',
    zh: ['低分子肝素', '低分子量肝素', '那屈肝素', '那屈肝素钙', '达肝素', '达肝素钠'],
    en: ['low molecular weight heparin', 'LMWH', 'nadroparin', 'dalteparin'],
    brands: ['速碧林', 'Fraxiparine', '法安明', 'Fragmin'],
  },
  {
    key: 'heparin',
    category: 'anticoagulant',
    generic: true,
    zh: ['肝素', '肝素钠', '普通肝素'],
    en: ['heparin', 'heparin sodium', 'unfractionated heparin'],
    brands: [],
  },
  // Anti-epileptics.
  {
    key: 'valproate',
    category: 'antiepileptic',
    zh: ['丙戊酸', '丙戊酸钠', '丙戊酸镁', '双丙戊酸钠'],
    en: ['valproate', 'sodium valproate', 'valproic acid', 'divalproex'],
    brands: ['德巴金', 'Depakine', 'Depakote', 'Epilim'],
  },
  {
    key: 'levetiracetam',
    category: 'antiepileptic',
    zh: ['左乙拉西坦'],
    en: ['levetiracetam'],
    brands: ['开浦兰', 'Keppra'],
  },
  {
    key: 'carbamazepine',
    category: 'antiepileptic',
    zh: ['卡马西平'],
    en: ['carbamazepine'],
    brands: ['得理多', 'Tegretol'],
  },
  {
    key: 'oxcarbazepine',
    category: 'antiepileptic',
    zh: ['奥卡西平'],
    en: ['oxcarbazepine'],
    brands: ['曲莱', 'Trileptal'],
  },
  {
    key: 'lamotrigine',
    category: 'antiepileptic',
    zh: ['拉莫三嗪'],
    en: ['lamotrigine'],
    brands: ['利必通', 'Lamictal'],
  },
  {
    key: 'phenytoin',
    category: 'antiepileptic',
    zh: ['苯妥英', '苯妥英钠'],
    en: ['phenytoin', 'phenytoin sodium'],
    brands: ['大仑丁', 'Dilantin', 'Epanutin'],
  },
  {
    key: 'topiramate',
    category: 'antiepileptic',
    zh: ['托吡酯'],
    en: ['topiramate'],
    brands: ['妥泰', 'Topamax'],
  },
  {
    key: 'lacosamide',
    category: 'antiepileptic',
    zh: ['拉考沙胺'],
    en: ['lacosamide'],
    brands: ['维派特', 'Vimpat'],
  },
  {
    key: 'phenobarbital',
    category: 'antiepileptic',
    zh: ['苯巴比妥', '苯巴比妥钠'],
    en: ['phenobarbital', 'phenobarbitone'],
    brands: ['鲁米那', 'Luminal'],
  },
  // Immunosuppressants after a transplant.
  {
    key: 'tacrolimus',
    category: 'immunosuppressant',
    zh: ['他克莫司'],
    en: ['tacrolimus'],
    brands: ['普乐可复', 'Prograf', '新普乐可复', 'Advagraf', '赛福开'],
  },
  {
    key: 'cyclosporine',
    category: 'immunosuppressant',
    zh: ['环孢素', '环孢素A', '环孢霉素'],
    en: ['cyclosporine', 'ciclosporin', 'cyclosporin'],
    brands: ['新山地明', 'Neoral', '山地明', 'Sandimmun', 'Sandimmune'],
  },
  {
    key: 'mycophenolate',
    category: 'immunosuppressant',
    zh: ['吗替麦考酚酯', '麦考酚钠', '麦考酚酸', '霉酚酸酯'],
    en: ['mycophenolate', 'mycophenolate mofetil', 'mycophenolic acid', 'MMF'],
    brands: ['骁悉', 'CellCept', '米芙', 'Myfortic'],
  },
  {
    key: 'sirolimus',
    category: 'immunosuppressant',
    zh: ['西罗莫司', '雷帕霉素'],
    en: ['sirolimus', 'rapamycin'],
    brands: ['雷帕鸣', 'Rapamune'],
  },
  {
    key: 'everolimus',
    category: 'immunosuppressant',
    zh: ['依维莫司'],
    en: ['everolimus'],
    brands: ['飞尼妥', 'Afinitor', 'Certican', 'Zortress'],
  },
  {
    key: 'azathioprine',
    category: 'immunosuppressant',
    zh: ['硫唑嘌呤'],
    en: ['azathioprine'],
    brands: ['依木兰', 'Imuran'],
  },
  // Heart failure.
  {
    key: 'furosemide',
    category: 'heart_failure',
    zh: ['呋塞米', '呋喃苯胺酸'],
    en: ['furosemide', 'frusemide'],
    brands: ['速尿', 'Lasix'],
  },
  {
    key: 'torasemide',
    category: 'heart_failure',
    zh: ['托拉塞米'],
    en: ['torasemide', 'torsemide'],
    brands: ['Demadex', 'Unat'],
  },
  {
    key: 'digoxin',
    category: 'heart_failure',
    zh: ['地高辛'],
    en: ['digoxin'],
    brands: ['Lanoxin'],
  },
  {
    key: 'sacubitril_valsartan',
    category: 'heart_failure',
    zh: ['沙库巴曲缬沙坦', '沙库巴曲'],
    en: ['sacubitril valsartan', 'sacubitril'],
    brands: ['诺欣妥', 'Entresto'],
  },
  {
    key: 'ivabradine',
    category: 'heart_failure',
    zh: ['伊伐布雷定'],
    en: ['ivabradine'],
    brands: ['可兰特', 'Procoralan', 'Corlanor'],
  },
  // Angina.
  {
    key: 'nitroglycerin',
    category: 'angina',
    zh: ['硝酸甘油'],
    en: ['nitroglycerin', 'nitroglycerine', 'glyceryl trinitrate', 'GTN'],
    brands: ['Nitrostat', 'Nitrolingual'],
  },
  {
    key: 'isosorbide_mononitrate',
    category: 'angina',
    zh: ['单硝酸异山梨酯'],
    en: ['isosorbide mononitrate', 'isosorbide'],
    brands: ['依姆多', 'Imdur', '欣康', '异乐定', 'Elantan'],
  },
  {
    key: 'isosorbide_dinitrate',
    category: 'angina',
    zh: ['硝酸异山梨酯'],
    en: ['isosorbide dinitrate'],
    brands: ['消心痛', '异舒吉', 'Isoket', 'Isordil'],
  },
  // Dialysis supplies.
  {
    key: 'peritoneal_dialysis_solution',
    category: 'dialysis',
    zh: ['腹膜透析液', '腹透液', '腹膜透析', '透析液'],
    en: ['peritoneal dialysis solution', 'peritoneal dialysis', 'dialysis solution'],
    brands: ['百特', 'Baxter', 'Dianeal', '华仁腹膜透析液'],
  },
  {
    key: 'haemodialysis_concentrate',
    category: 'dialysis',
    zh: ['血液透析浓缩液', '透析浓缩液', '血透浓缩液', '血液透析干粉', '透析干粉', '血液透析液'],
    en: ['haemodialysis concentrate', 'hemodialysis concentrate', 'dialysis concentrate'],
    brands: [],
  },
  // Oxygen.
  {
    key: 'oxygen',
    category: 'oxygen',
    zh: ['氧气', '医用氧气', '氧气瓶', '氧气袋', '氧气罐', '吸氧'],
    en: ['oxygen', 'medical oxygen', 'oxygen cylinder'],
    brands: [],
  },
  {
    key: 'oxygen_concentrator',
    category: 'oxygen',
    zh: ['制氧机', '家用制氧机', '氧气机', '吸氧机'],
    en: ['oxygen concentrator'],
    brands: [],
  },
];
