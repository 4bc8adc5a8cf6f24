import { definePolicy } from '../../platform/authorize.ts';

/**
 * The compound's dashboard (issue 10): coordinators and committee staff, and `viewer` members (a street
 * office official granted the compound) who read it and change nothing. Residents and volunteers: 403.
 */
export const dashboardActions = definePolicy({
  'dashboard.read': ['coordinator', 'staff', 'viewer'],
});
