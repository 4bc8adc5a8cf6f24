import { definePolicy } from '../../platform/authorize.ts';

/**
 * Who may do what with relay tasks (楼组长转达). The table is the first gate; relays-access.ts then
 * asks where the person stands: coordinators and committee staff oversee every building, and so does
 * the publicity group (宣传组), whose work escalated relays become; anyone else only as the relay
 * contact of a building (a resident, or a volunteer who lives here). Viewers never.
 */
export const relayActions = definePolicy({
  'relay.tasks.view': ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  'relay.tasks.confirm': ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  // the minutes before escalation: seen by those who oversee, set by coordinators
  'relay.settings.view': ['coordinator', 'staff', 'leader', 'volunteer'],
  'relay.settings.change': ['coordinator'],
});
export type RelayAction = keyof typeof relayActions;
