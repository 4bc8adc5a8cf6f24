import { ROLES } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/authorize.ts';

export const volunteerActions = definePolicy({
  'volunteers.call': ['coordinator'],
  // Leaders see the rosters they plan shifts with; committee staff see who works in their compound.
  'volunteers.list': ['coordinator', 'staff', 'leader'],
  'volunteers.decide': ['coordinator'],
  'volunteers.setGroups': ['coordinator'],
  // Outside rank does not count inside (只以实干论英雄): only the coordinator may look it up.
  'volunteers.showWorkplace': ['coordinator'],
  'groups.list': ROLES,
  'groups.manage': ['coordinator'],
});
