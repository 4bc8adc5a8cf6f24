import { ROLES } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/authorize.ts';

export const noticeSettingsActions = definePolicy({
  // Everyone chooses how they themselves are told; the queries are keyed by the caller.
  'notifications.preferences.own': ROLES,
  // The gateway's address and secret, and the notices that could not be delivered (with who they were
  // for), belong to those who run the compound's communication: the secretary and committee staff.
  'notices.gateway.view': ['coordinator', 'staff'],
  'notices.gateway.change': ['coordinator', 'staff'],
  'notices.dead_letters': ['coordinator', 'staff'],
});
