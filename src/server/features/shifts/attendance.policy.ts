import { definePolicy } from '../../platform/authorize.ts';

export const attendanceActions = definePolicy({
  // leaders only for the groups they lead (checked in the service); committee staff look, not tap
  'attendance.roster': ['coordinator', 'staff', 'leader'],
  'attendance.manage': ['coordinator', 'leader'],
  // a volunteer's own record, badge and calendar feed
  'attendance.self': ['volunteer', 'leader'],
});
