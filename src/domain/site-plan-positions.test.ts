import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePositions } from './site-plan-positions.ts';

describe('parsePositions', () => {
  it('reads building,x,y lines with or without a header', () => {
    const withHeader = parsePositions('building,x,y\r\n12,120.5,40\n１２号楼,121,41\n3栋,10,-5\n');
    expect(withHeader.positions).toEqual([
      { row: 3, building: '12', x: 121, y: 41 },
      { row: 4, building: '3', x: 10, y: -5 },
    ]);
    expect(parsePositions('\uFEFF楼号,x,y\n7,1,2').positions).toEqual([
      { row: 2, building: '7', x: 1, y: 2 },
    ]);
    expect(parsePositions('7,1,2').positions).toEqual([{ row: 1, building: '7', x: 1, y: 2 }]);
  });

  it('rejects unreadable lines with their row number', () => {
    const { positions, rejected } = parsePositions('building,x,y\n天台,1,2\n5,east,2\n6,1,99999\n\n8,3,4');
    expect(positions).toEqual([{ row: 6, building: '8', x: 3, y: 4 }]);
    expect(rejected.map((r) => [r.row, r.code])).toEqual([
      [2, 'BUILDING_UNREADABLE'],
      [3, 'POSITION_UNREADABLE'],
      [4, 'POSITION_UNREADABLE'],
    ]);
  });

  it('reads back any positions it is given', () => {
    const point = fc.record({
      building: fc.integer({ min: 1, max: 999 }),
      x: fc.integer({ min: -9999, max: 9999 }),
      y: fc.double({ min: -9999, max: 9999, noNaN: true }).map((v) => Math.round(v * 10) / 10 + 0),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(point, { selector: (p) => p.building, minLength: 1, maxLength: 30 }),
        (points) => {
          const csv = ['building,x,y', ...points.map((p) => `${p.building},${p.x},${p.y}`)].join('\n');
          const { positions, rejected } = parsePositions(csv);
          expect(rejected).toEqual([]);
          expect(positions.map((p) => [p.building, p.x, p.y])).toEqual(
            points.map((p) => [String(p.building), p.x, p.y]),
          );
        },
      ),
    );
  });
});
