import { definePolicy } from '../../platform/authorize.ts';

export const parcelActions = definePolicy({
  // leaders and volunteers only when they belong to the parcels group (checked in the service);
  // committee staff record parcels at the gate too; residents never see the whole compound's parcels
  'parcels.intake': ['coordinator', 'staff', 'leader', 'volunteer'],
  'parcels.view': ['coordinator', 'staff', 'leader', 'volunteer'],
  'parcels.import': ['coordinator', 'staff', 'leader', 'volunteer'],
});
