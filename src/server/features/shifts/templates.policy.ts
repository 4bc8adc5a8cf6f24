import { definePolicy } from '../../platform/authorize.ts';

export const templateActions = definePolicy({
  // Templates are plans, not personal data: those who oversee may read them; only managers change them.
  'shift_templates.view': ['coordinator', 'leader', 'staff', 'viewer'],
});
