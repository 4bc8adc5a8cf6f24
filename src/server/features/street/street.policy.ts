import { definePolicy } from '../../platform/authorize.ts';

/**
 * The street view (街道总览): the compounds where one holds `viewer` (the street office), or where one
 * is coordinator or staff. Where a compound is on the map, and when its day report is made, is its
 * coordinator's to set.
 */
export const streetActions = definePolicy({
  'street.overview': ['viewer', 'coordinator', 'staff'],
  'community.place.read': ['viewer', 'coordinator', 'staff'],
  'community.place.edit': ['coordinator'],
});
