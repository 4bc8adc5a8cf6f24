import { and, eq } from 'drizzle-orm';
import { shiftSignups, shifts, volunteerGroups, volunteers } from '../../db/schema/index.ts';

// The shifts' joins, always on the full composite key so one community never meets another's rows.
export const groupOfShift = and(
  eq(volunteerGroups.communityId, shifts.communityId),
  eq(volunteerGroups.id, shifts.groupId),
);
export const volunteerOfSignup = and(
  eq(volunteers.communityId, shiftSignups.communityId),
  eq(volunteers.id, shiftSignups.volunteerId),
);
