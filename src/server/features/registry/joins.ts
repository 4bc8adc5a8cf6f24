import { and, eq } from 'drizzle-orm';
import { buildings, households, residents } from '../../db/schema/index.ts';

// The registry's two joins, always on the full composite key so one community never meets another's rows.
export const householdOfResident = and(
  eq(households.communityId, residents.communityId),
  eq(households.id, residents.householdId),
);
export const buildingOfHousehold = and(
  eq(buildings.communityId, households.communityId),
  eq(buildings.id, households.buildingId),
);
