// The maintained list of life-critical medicines (issue 7): a request for one of these that runs out
// within 48 h is critical. Each entry has Chinese and English names and common brand names.

export interface CriticalMedicine {
  key: string;
  /** what kind of medicine, for the leader: insulin, anticoagulant, … */
  category: string;
  zh: string[];
  en: string[];
  brands: string[];
}

export const CRITICAL_MEDICINES: CriticalMedicine[] = [
  {
    key: 'insulin',
    category: 'insulin',
    zh: ['胰岛素', '门冬胰岛素', '甘精胰岛素', '地特胰岛素', '赖脯胰岛素'],
    en: ['insulin', 'insulin aspart', 'insulin glargine', 'insulin detemir', 'insulin lispro'],
    brands: ['诺和锐', 'NovoRapid', '来得时', 'Lantus', '优泌乐', 'Humalog', '诺和灵', 'Novolin', '长秀霖'],
  },
  {
    key: 'warfarin',
    category: 'anticoagulant',
    zh: ['华法林', '华法林钠'],
    en: ['warfarin'],
    brands: ['Coumadin', '华法令'],
  },
];

/** The list entry a typed drug name stands for, or null. */
export function matchCriticalMedicine(name: string): CriticalMedicine | null {
  const typed = name.trim().toLowerCase();
  if (!typed) return null;
  for (const m of CRITICAL_MEDICINES)
    for (const n of [...m.zh, ...m.en, ...m.brands]) if (typed.includes(n.toLowerCase())) return m;
  return null;
}
