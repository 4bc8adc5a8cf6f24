import { ROLES } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/authorize.ts';

export const notificationActions = definePolicy({
  // Everyone reads and clears their own inbox, and only their own: the queries are keyed by the caller.
  'notifications.own': ROLES,
});
