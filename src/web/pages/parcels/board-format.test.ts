import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TClearanceBin } from '../../../shared/api/parcel-clearance.ts';
import { reasonText, sortBins, waitAge } from './board-format.ts';

const bin = (code: string, waiting: number, onRun: number, oldest: string | null): TClearanceBin => ({
  buildingId: `id-${code}`,
  buildingCode: code,
  received: 0,
  carriedOver: 0,
  waiting,
  onRun,
  delivered: 0,
  pickedUp: 0,
  flagged: 0,
  oldestWaitingAt: oldest,
});

const echo = ((key: string, options?: Record<string, unknown>) =>
  `${key}${options ? JSON.stringify(options) : ''}`) as unknown as TFunction;

describe('the clearance board’s building order', () => {
  const bins = [
    bin('12', 1, 0, '2026-04-08T02:00:00Z'),
    bin('2', 3, 2, '2026-04-09T00:00:00Z'),
    bin('3', 0, 0, null),
    bin('10', 5, 0, '2026-04-09T01:00:00Z'),
  ];
  it('puts the most still to deliver first, waiting and on a run together', () => {
    expect(sortBins(bins, 'waiting').map((b) => b.buildingCode)).toEqual(['2', '10', '12', '3']);
  });
  it('puts the longest waiting first, and buildings with nothing waiting last by number', () => {
    expect(sortBins(bins, 'oldest').map((b) => b.buildingCode)).toEqual(['12', '2', '10', '3']);
  });
});

describe('ages and reasons', () => {
  const now = Date.parse('2026-04-10T05:30:00Z');
  it('says minutes, then hours and minutes, then days and hours', () => {
    expect(waitAge(echo, '2026-04-10T05:05:00Z', now)).toBe('parcelBoard.age.minutes{"count":25}');
    expect(waitAge(echo, '2026-04-10T02:00:00Z', now)).toBe('parcelBoard.age.hours{"hours":3,"minutes":30}');
    expect(waitAge(echo, '2026-04-08T02:00:00Z', now)).toBe('parcelBoard.age.days{"days":2,"hours":3}');
  });
  it('translates the offered reasons and keeps a typed one as typed', () => {
    expect(reasonText(echo, 'damaged')).toBe('parcelBoard.reasonChoice.damaged');
    expect(reasonText(echo, '门口有狗')).toBe('门口有狗');
  });
});
