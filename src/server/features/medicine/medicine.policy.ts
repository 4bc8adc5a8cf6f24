import { definePolicy } from '../../platform/authorize.ts';

/**
 * Who may do what with medicine requests. The table is the first gate; medicine-access.ts then asks
 * where the person stands: coordinators and committee staff (who act as coordinators here, as in
 * testing.policy.ts) oversee everything; `leader` and `volunteer` count only inside the medicine
 * group; a resident only for their own household.
 */
export const medicineActions = definePolicy({
  // asking: a resident for their household; the medicine group, coordinators and staff on a resident's behalf
  'medicine.request.create': ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  // the list and one request's details: the whole community for the group and coordinators, the
  // household's own for a resident (medicine-access.ts narrows)
  'medicine.request.view': ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  // overriding the urgency: the medicine group's leaders and coordinators
  'medicine.request.triage': ['coordinator', 'staff', 'leader'],
  // moving a request on: volunteers their assigned ones, leaders/coordinators any, the household confirms
  'medicine.request.status': ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  // assigning requests to volunteers and planning trips (M3): leaders and coordinators
  'medicine.assign': ['coordinator', 'staff', 'leader'],
  'medicine.trips': ['coordinator', 'staff', 'leader', 'volunteer'],
  // photos: the household and the group add them (M3 checks the request is visible to the person)
  'medicine.attachment.upload': ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  'medicine.attachment.view': ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  // the care list of vulnerable residents and follow-ups (M3)
  'medicine.care': ['coordinator', 'staff', 'leader', 'volunteer'],
});
export type MedicineAction = keyof typeof medicineActions;
