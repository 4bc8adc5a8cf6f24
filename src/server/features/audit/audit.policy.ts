import { definePolicy } from '../../platform/authorize.ts';

export const auditActions = definePolicy({
  'audit.list': ['coordinator', 'staff'],
});
