import { describe, expect, it } from 'vitest';
import type { TDisinfectionCoverageArea, TDisinfectionTask } from '../../../shared/api/disinfection.ts';
import {
  buildingStates,
  doneLatestFirst,
  localTime,
  matchesSearch,
  openFirst,
  timeOnDay,
} from './disinfection-format.ts';

const task = (fields: Partial<TDisinfectionTask>): TDisinfectionTask => ({
  id: fields.id ?? 'x',
  areaId: 'a',
  areaName: '12号楼大堂',
  areaKind: 'lobby',
  buildingCode: '12',
  gateName: null,
  dueAt: '2026-04-09T01:00:00.000Z',
  overdueAt: '2026-04-09T03:00:00.000Z',
  status: 'due',
  overdue: false,
  roundId: null,
  doneAt: null,
  doneBy: null,
  note: null,
  photoPath: null,
  ...fields,
});

describe('the task list on a phone', () => {
  it('puts overdue rounds first, then the rest by time; done ones latest first', () => {
    const tasks = [
      task({ id: 'later', dueAt: '2026-04-09T07:00:00.000Z' }),
      task({ id: 'old-overdue', dueAt: '2026-04-08T07:00:00.000Z', overdue: true }),
      task({ id: 'now', dueAt: '2026-04-09T01:00:00.000Z' }),
      task({ id: 'done-early', status: 'done', doneAt: '2026-04-09T00:50:00.000Z' }),
      task({ id: 'done-late', status: 'done', doneAt: '2026-04-09T02:00:00.000Z' }),
    ];
    expect(openFirst(tasks).map((t) => t.id)).toEqual(['old-overdue', 'now', 'later']);
    expect(doneLatestFirst(tasks).map((t) => t.id)).toEqual(['done-late', 'done-early']);
  });

  it('finds a building by its number (also typed full-width or as 12号楼), and areas by name', () => {
    expect(matchesSearch(task({}), '12')).toBe(true);
    expect(matchesSearch(task({}), '１２号楼')).toBe(true);
    expect(matchesSearch(task({ buildingCode: '112', areaName: '112号楼大堂' }), '12')).toBe(false);
    expect(matchesSearch(task({ buildingCode: null, areaName: '东区垃圾房（南）' }), '垃圾')).toBe(true);
    expect(matchesSearch(task({}), '  ')).toBe(true);
  });

  it('shows times on the community clock, with the day for a round carried over from an earlier day', () => {
    expect(localTime('2026-04-09T01:00:00.000Z', 'Asia/Shanghai')).toBe('09:00');
    expect(timeOnDay('2026-04-09T01:00:00.000Z', 'Asia/Shanghai', '2026-04-09')).toBe('09:00');
    expect(timeOnDay('2026-04-08T15:59:00.000Z', 'Asia/Shanghai', '2026-04-09')).toBe('04-08 23:59');
  });
});

describe('the coverage map', () => {
  it('colours a building by the area that needs attention most', () => {
    const area = (buildingId: string | null, state: TDisinfectionCoverageArea['state']) =>
      ({ buildingId, state }) as TDisinfectionCoverageArea;
    const states = buildingStates([
      area('b1', 'done'),
      area('b1', 'overdue'),
      area('b2', 'done'),
      area(null, 'due'),
    ]);
    expect(states.get('b1')?.state).toBe('overdue');
    expect(states.get('b2')?.state).toBe('done');
    expect(states.size).toBe(2);
  });
});
