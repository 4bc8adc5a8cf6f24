/** The six groups of the story; every new community starts with them (renamable later). */
export const DEFAULT_GROUPS = [
  { key: 'parcels', name: '快递组', nameEn: 'Parcels' },
  { key: 'testing', name: '核酸组', nameEn: 'Testing' },
  { key: 'medicine', name: '配药组', nameEn: 'Medicine' },
  { key: 'group_buying', name: '团购组', nameEn: 'Group buying' },
  { key: 'disinfection', name: '消杀组', nameEn: 'Disinfection' },
  { key: 'publicity', name: '宣传组', nameEn: 'Publicity' },
] as const;

export const STAFF_TITLES = { cadre: '居委干部', socialWorker: '社工' } as const;
