import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoster } from './parse-roster.ts';
import { toFullWidth } from './test-support.ts';
import type { CellValue } from './types.ts';

const person = fc.record({
  building: fc.integer({ min: 1, max: 125 }),
  floor: fc.integer({ min: 1, max: 30 }),
  unit: fc.integer({ min: 1, max: 4 }),
  name: fc.stringMatching(/^[张王李赵][伟芳敏静强磊]{1,2}$/),
  birthYear: fc.integer({ min: 1920, max: 2022 }),
});

const HEADERS: Record<string, string[]> = {
  building: ['楼号', '楼栋', 'Building', '　楼 号　'],
  room: ['室号', '房号', 'ROOM', '门牌号'],
  name: ['姓名', 'name', '居民姓名'],
  birthYear: ['出生年份', '出生年月', 'birth year'],
};

describe('parseRoster over any layout', () => {
  it('reads the same people whatever the column order, header wording, spelling and extra columns', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(person, {
          minLength: 1,
          maxLength: 15,
          selector: (p) => `${p.building}-${p.floor}-${p.name}`,
        }),
        fc.shuffledSubarray(['building', 'room', 'name', 'birthYear', 'extra'], {
          minLength: 5,
          maxLength: 5,
        }),
        fc.nat(),
        fc.integer({ min: 0, max: 5 }),
        (people, order, pick, titleRows) => {
          const choose = <T>(options: readonly T[], salt: number) => options[(pick + salt) % options.length]!;
          const header = order.map((field) =>
            field === 'extra' ? '序号' : choose(HEADERS[field]!, field.length),
          );
          const rows: CellValue[][] = [
            ...Array.from({ length: titleRows }, (_, i) => (i === 0 ? ['歌林春天小区居民花名册'] : [])),
            header,
          ];
          people.forEach((p, i) => {
            const room = `${p.floor}${String(p.unit).padStart(2, '0')}`;
            const cells: Record<string, CellValue> = {
              building: choose([p.building, `${p.building}号楼`, toFullWidth(`${p.building}栋`)], i),
              room: choose([Number(room), `${p.floor}-${p.unit}`, `${room}室`, toFullWidth(room)], i),
              name: p.name,
              birthYear: choose(
                [p.birthYear, `${p.birthYear}年3月`, new Date(Date.UTC(p.birthYear, 5, 1))],
                i,
              ),
              extra: i + 1,
            };
            rows.push(order.map((field) => cells[field]!));
          });
          const roster = parseRoster(rows, { referenceYear: 2022 });
          expect(roster.headerRow).toBe(titleRows + 1);
          expect(roster.rejected).toEqual([]);
          expect(roster.records.map((r) => [r.row, r.building, r.room, r.name, r.birthYear])).toEqual(
            people.map((p, i) => [
              titleRows + 2 + i,
              String(p.building),
              `${p.floor}${String(p.unit).padStart(2, '0')}`,
              p.name,
              p.birthYear,
            ]),
          );
        },
      ),
    );
  });
});
