import { definePolicy } from '../../platform/authorize.ts';

/**
 * Who may do what with disinfection rounds (消杀). The table is the first gate; disinfection-access.ts
 * then asks where the person stands: coordinators and committee staff manage everything; `leader`
 * counts only as a leader of the disinfection group and `volunteer` only as its member; viewers look.
 * Residents have no part in it.
 */
export const disinfectionActions = definePolicy({
  // areas and their schedules: coordinators, staff and the disinfection group's leaders
  'disinfection.area.manage': ['coordinator', 'staff', 'leader'],
  // areas, the day's tasks and the coverage view: the group, coordinators, staff and viewers
  'disinfection.view': ['coordinator', 'staff', 'viewer', 'leader', 'volunteer'],
  // logging a round done (with a note and a photo): the group, coordinators and staff
  'disinfection.log': ['coordinator', 'staff', 'leader', 'volunteer'],
});
export type DisinfectionAction = keyof typeof disinfectionActions;
