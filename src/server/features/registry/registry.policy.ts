import { ROLES } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/authorize.ts';

export const registryActions = definePolicy({
  // Everyone in the community sees the registry; residents only their own household (filtered in the service).
  'registry.view': ROLES,
  'registry.edit': ['staff', 'coordinator'],
  // Full mobile numbers and birth years: only those who keep the roster, and every time audited.
  'registry.reveal': ['staff', 'coordinator'],
  'registry.import': ['staff', 'coordinator'],
  'registry.export': ['staff', 'coordinator'],
});
