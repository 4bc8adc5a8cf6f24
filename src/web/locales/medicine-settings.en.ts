import type { medicineSettingsZhCN } from './medicine-settings.zh-CN.ts';
import type { Catalogue } from './zh-CN.ts';

export const medicineSettingsEn: Catalogue<typeof medicineSettingsZhCN> = {
  medicineSettings: {
    title: 'Medicine deadlines',
    urgencyHours: '{{urgency}} {{hours}} h',
    intro:
      'How long the medicine group has to deliver after a request is made. The more urgent, the shorter.',
    hours: 'hours',
    field: {
      criticalHours: 'Critical (e.g. insulin running out)',
      highHours: 'High (chronic medicine gone within 3 days)',
      normalHours: 'Normal',
    },
    range: 'Whole hours from 1 to 168 (one week at most), critical ≤ high ≤ normal.',
    newOnly: 'Applies to requests made from now on; existing requests keep their deadlines.',
    save: 'Save deadlines',
    saved: 'Saved. New requests get the new deadlines; existing ones are unchanged.',
  },
};
