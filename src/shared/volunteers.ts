export const SKILLS = ['driving', 'medical', 'zh_en', 'dialect', 'lifting'] as const;
export const VEHICLES = ['tricycle', 'e_bike', 'bicycle', 'hand_cart', 'car'] as const;
export const AGE_BANDS = ['18-29', '30-44', '45-59', '60+'] as const;
export const VOLUNTEER_STATUSES = ['pending', 'approved', 'rejected'] as const;

export const SKILL_LABELS: Record<(typeof SKILLS)[number], { zh: string; en: string }> = {
  driving: { zh: '驾驶', en: 'Driving' },
  medical: { zh: '医护', en: 'Medical' },
  zh_en: { zh: '中英翻译', en: 'Chinese–English' },
  dialect: { zh: '方言', en: 'Dialect' },
  lifting: { zh: '搬运', en: 'Lifting' },
};
export const VEHICLE_LABELS: Record<(typeof VEHICLES)[number], { zh: string; en: string }> = {
  tricycle: { zh: '三轮车', en: 'Tricycle' },
  e_bike: { zh: '电瓶车', en: 'E-bike' },
  bicycle: { zh: '自行车', en: 'Bicycle' },
  hand_cart: { zh: '手拖车', en: 'Hand cart' },
  car: { zh: '私家车', en: 'Private car' },
};
