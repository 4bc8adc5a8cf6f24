import { parcelNote } from '../../../shared/api/parcels.ts';

/** "12号楼", "12栋", "12幢", " 12 " are all building 12, as volunteers and courier sheets write it. */
export const normaliseBuildingCode = (typed: string) =>
  typed.replace(/\s+/g, '').replace(/(号楼|号|栋|幢|楼)$/u, '');

/** "1203室", "1203 " are room 1203. */
export const normaliseRoom = (typed: string) => typed.replace(/\s+/g, '').replace(/(室|号)$/u, '');

export interface Placement {
  buildingId: string | null;
  room: string | null;
  householdId: string | null;
  note: string | null;
}

export interface Place {
  buildingId?: string | undefined;
  buildingCode?: string | undefined;
  room?: string | undefined;
}

function makeBuildingFinder<B extends { id: string; code: string }>(buildings: readonly B[]) {
  const byId = new Map(buildings.map((b) => [b.id, b]));
  const byCode = new Map(buildings.map((b) => [normaliseBuildingCode(b.code), b]));
  return (place: Place): B | undefined =>
    place.buildingId
      ? byId.get(place.buildingId)
      : place.buildingCode
        ? byCode.get(normaliseBuildingCode(place.buildingCode))
        : undefined;
}

/**
 * The buildings whose rooms the placer has to know: those of places that name a room. A scan at the
 * gate names only a building, and reading every household of the compound for it cost more than the scan.
 */
export function buildingsWithRooms(
  buildings: readonly { id: string; code: string }[],
  places: readonly Place[],
) {
  const buildingOf = makeBuildingFinder(buildings);
  const ids = new Set<string>();
  for (const place of places) {
    const building = place.room ? buildingOf(place) : undefined;
    if (building) ids.add(building.id);
  }
  return [...ids];
}

/**
 * Where a parcel goes: its building's bin, with the household when the room is one of the building's.
 * What cannot be matched is kept as typed with a note, so the parcel is never lost: an unknown building
 * puts it in the unassigned bin; an unknown room keeps the building and the room as typed.
 */
export function makePlacer(
  buildings: readonly { id: string; code: string }[],
  households: readonly { id: string; buildingId: string; room: string }[],
) {
  const buildingOf = makeBuildingFinder(buildings);
  const householdAt = new Map(households.map((h) => [`${h.buildingId}/${normaliseRoom(h.room)}`, h]));
  return (place: Place): Placement => {
    const room = place.room ? normaliseRoom(place.room) || place.room : null;
    const building = buildingOf(place);
    if (!building) {
      const typed = place.buildingCode ?? place.buildingId ?? '';
      const note = typed
        ? parcelNote('unknown_building', room ? `${typed} ${room}` : typed)
        : parcelNote('no_building', room ?? '');
      return { buildingId: null, room, householdId: null, note };
    }
    if (!room) return { buildingId: building.id, room: null, householdId: null, note: null };
    const household = householdAt.get(`${building.id}/${room}`);
    if (household)
      return { buildingId: building.id, room: household.room, householdId: household.id, note: null };
    return {
      buildingId: building.id,
      room,
      householdId: null,
      note: parcelNote('unknown_room', `${building.code}-${room}`),
    };
  };
}
