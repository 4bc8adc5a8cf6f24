import { definePolicy } from '../../platform/authorize.ts';

export const testingRoundActions = definePolicy({
  // creating a round and sending residents to the door-to-door list: coordinators, committee staff
  // and leaders of the testing group (testing-access.ts checks that the leader leads that group)
  'testing.rounds.manage': ['coordinator', 'staff', 'leader'],
  // the rounds, their coverage and the door-to-door list: the same, plus the testing group's
  // volunteers (checked in testing-access.ts); residents never see who else was tested
  'testing.rounds.view': ['coordinator', 'staff', 'leader', 'volunteer'],
});
