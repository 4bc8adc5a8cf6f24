import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildingsWithRooms, makePlacer, type Place } from './parcel-placement.ts';

const codes = ['1', '2', '12', '12A'];
const buildings = codes.map((code) => ({ id: `b-${code}`, code }));
const rooms = ['101', '502', '1203'];
const households = buildings.flatMap((b) =>
  rooms.map((room) => ({ id: `h-${b.code}-${room}`, buildingId: b.id, room })),
);

const place: fc.Arbitrary<Place> = fc.record(
  {
    buildingId: fc.constantFrom(...buildings.map((b) => b.id), 'b-unknown'),
    buildingCode: fc.constantFrom(...codes.flatMap((c) => [c, `${c}号楼`, ` ${c}栋`]), '99'),
    room: fc.constantFrom(...rooms, ...rooms.map((r) => `${r}室`), '9999', ''),
  },
  { requiredKeys: [] },
);

describe('placing parcels with only the rooms it needs', () => {
  it('places every parcel as it would knowing every household of the compound', () => {
    fc.assert(
      fc.property(fc.array(place, { maxLength: 12 }), (places) => {
        const needed = new Set(buildingsWithRooms(buildings, places));
        const everyRoom = makePlacer(buildings, households);
        const roomsNeeded = makePlacer(
          buildings,
          households.filter((h) => needed.has(h.buildingId)),
        );
        expect(places.map(roomsNeeded)).toEqual(places.map(everyRoom));
      }),
    );
  });

  it('needs no household for scans that name only a building', () => {
    expect(buildingsWithRooms(buildings, [{ buildingId: 'b-1' }, { buildingCode: '12号楼' }])).toEqual([]);
    expect(buildingsWithRooms(buildings, [{ buildingCode: '12栋', room: '1203' }])).toEqual(['b-12']);
  });
});
