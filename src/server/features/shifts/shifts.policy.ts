import { definePolicy } from '../../platform/authorize.ts';

export const shiftActions = definePolicy({
  'shifts.view': ['coordinator', 'leader', 'volunteer', 'staff', 'viewer'],
  // leaders only for the groups they lead (checked in the service)
  'shifts.manage': ['coordinator', 'leader'],
  'shifts.signup': ['volunteer', 'leader'],
});
