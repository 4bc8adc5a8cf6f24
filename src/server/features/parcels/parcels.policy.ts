import { definePolicy } from '../../platform/authorize.ts';

export const parcelActions = definePolicy({
  // leaders and volunteers only when they belong to the parcels group (checked in the service);
  // committee staff record parcels at the gate too; residents never see the whole compound's parcels
  'parcels.intake': ['coordinator', 'staff', 'leader', 'volunteer'],
  'parcels.view': ['coordinator', 'staff', 'leader', 'volunteer'],
  'parcels.import': ['coordinator', 'staff', 'leader', 'volunteer'],
  // the daily clearance board (日清日结) and its history; closing a day: coordinators and the
  // parcels group's leaders (clearance.service.ts checks the leadership)
  'parcels.board': ['coordinator', 'staff', 'leader', 'volunteer'],
  'parcels.close_day': ['coordinator', 'leader'],
  // the parcels group's leader (checked in delivery-runs-access.ts) and coordinators plan and confirm runs
  'parcels.plan_runs': ['coordinator', 'leader'],
  // riding a run: its rider, a parcels leader or a coordinator (ride-access.ts checks which)
  'parcels.ride': ['coordinator', 'leader', 'volunteer'],
  // handing parcels over by pickup code: the parcels crew, staff, and a building's relay contact
  'parcels.pickup': ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  // one's own household's parcels: anyone who may live here, whatever else they do (not the street office)
  'parcels.mine': ['resident', 'volunteer', 'leader', 'staff', 'coordinator'],
});
