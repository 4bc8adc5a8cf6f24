import { ROLES } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/authorize.ts';

/**
 * The branch committee (支委会): the secretary (coordinator) and the committee staff hold the meetings
 * and manage every action item. Anyone in the community may be given an item, and sees and updates
 * only their own (committee-access.ts narrows `committee.items.own` to the owner).
 */
export const committeeActions = definePolicy({
  'committee.meetings': ['coordinator', 'staff'],
  'committee.items.manage': ['coordinator', 'staff'],
  'committee.items.own': [...ROLES],
});
