import { definePolicy } from '../../platform/authorize.ts';

/**
 * The day reports (日报): the committee (coordinators, staff) reads and makes them; a street office's
 * `viewer` reads those of the compounds it is granted, and changes nothing.
 */
export const reportActions = definePolicy({
  'reports.read': ['coordinator', 'staff', 'viewer'],
  'reports.make': ['coordinator', 'staff'],
});
