/** Vulnerability flags of residents, in the order the registry shows them. */
export const VULNERABILITY_FLAGS = [
  'elderly_alone',
  'elderly',
  'hearing_impaired',
  'mobility_impaired',
  'chronic_medication',
  'pregnant',
  'infant',
  'disabled',
] as const;
export type VulnerabilityFlag = (typeof VULNERABILITY_FLAGS)[number];

export const FLAG_LABELS: Record<VulnerabilityFlag, { zh: string; en: string }> = {
  elderly_alone: { zh: '独居老人', en: 'Elderly living alone' },
  elderly: { zh: '高龄', en: 'Aged 80+' },
  hearing_impaired: { zh: '听障', en: 'Hearing impaired' },
  mobility_impaired: { zh: '行动不便', en: 'Mobility impaired' },
  chronic_medication: { zh: '慢病用药', en: 'Chronic medication' },
  pregnant: { zh: '孕妇', en: 'Pregnant' },
  infant: { zh: '婴幼儿', en: 'Infant' },
  disabled: { zh: '残疾', en: 'Disabled' },
};

/** "12" is shown as 12号楼 in Chinese and "Bldg 12" in English. */
export const buildingLabel = (code: string, locale: 'zh-CN' | 'en') =>
  locale === 'zh-CN' ? `${code}号楼` : `Bldg ${code}`;

/** 13812345678 → 138****5678: enough to recognise, not enough to call. */
export function maskMobile(mobile: string | null): string | null {
  if (!mobile) return null;
  if (mobile.length < 7) return '****';
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** 1956 → 195*: the decade says enough about age for those who do not need more. */
export const maskBirthYear = (year: number | null) => (year === null ? null : `${String(year).slice(0, 3)}*`);
