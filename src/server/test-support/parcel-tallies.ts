// The parcel tallies as kept by the triggers, and as counted afresh from the parcels by the same
// function the triggers use: tests hold the first to the second (schema/parcel-tallies.ts).
const COLUMNS = 'community_id, kind, day::text as day, bin, parcels';

export const TALLIES_KEPT = `select ${COLUMNS} from parcel_tallies order by 1, 2, 3, 4`;

export const TALLIES_RECOUNTED = `select ${COLUMNS} from linli_parcel_tally_parts(array(
  select row(community_id, building_id, day, status, reminded_at, delivered_at, picked_up_at, 1)::linli_parcel_change
  from parcels)) order by 1, 2, 3, 4`;
