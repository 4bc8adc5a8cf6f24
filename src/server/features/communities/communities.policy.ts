import { ROLES } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/authorize.ts';

export const communityActions = definePolicy({
  // Platform action: neighbourhood committee staff (who look after several compounds) and admins.
  'community.create': ['platform_admin', 'staff'],
  'community.overview': ROLES,
});
