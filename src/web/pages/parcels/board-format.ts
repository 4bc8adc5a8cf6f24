import type { TFunction } from 'i18next';
import {
  LEFTOVER_REASON_CHOICES,
  type TClearanceBin,
  type TClearanceCounts,
} from '../../../shared/api/parcel-clearance.ts';
import type { Role } from '../../../shared/roles.ts';

/** Coordinators and leaders see "close the day" (the server lets only the parcels group's leaders in). */
export const canCloseParcelDay = (roles: readonly Role[]) =>
  roles.some((role) => role === 'coordinator' || role === 'leader');

/** Not yet at the building: waiting at the gate or on a run. */
export const outstanding = (c: TClearanceCounts) => c.waiting + c.onRun;

/** Anything happened in the bin that day, or anything is still there. */
export const isBusy = (c: TClearanceCounts) =>
  c.received + c.waiting + c.onRun + c.delivered + c.pickedUp + c.flagged > 0;

export type BoardSort = 'waiting' | 'oldest';

const oldestMs = (bin: TClearanceBin) =>
  bin.oldestWaitingAt ? Date.parse(bin.oldestWaitingAt) : Number.POSITIVE_INFINITY;
const byCode = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Most parcels still to deliver first (the longest waiting breaks ties), or the longest waiting
 * first (buildings with nothing waiting last); the building number decides the rest.
 */
export function sortBins(bins: readonly TClearanceBin[], sort: BoardSort): TClearanceBin[] {
  const code = (x: TClearanceBin, y: TClearanceBin) =>
    byCode.compare(x.buildingCode ?? '', y.buildingCode ?? '');
  return [...bins].sort((x, y) => {
    const waiting = outstanding(y) - outstanding(x);
    const oldest = oldestMs(x) - oldestMs(y);
    if (sort === 'waiting') return waiting || oldest || code(x, y);
    return (Number.isNaN(oldest) ? 0 : oldest) || waiting || code(x, y);
  });
}

/** How long the oldest parcel has waited: "45 分钟", "3 小时 5 分", "2 天 4 小时". */
export function waitAge(t: TFunction, sinceIso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(sinceIso)) / 60_000));
  if (minutes < 60) return t('parcelBoard.age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('parcelBoard.age.hours', { hours, minutes: minutes % 60 });
  return t('parcelBoard.age.days', { days: Math.floor(hours / 24), hours: hours % 24 });
}

export const isReasonChoice = (reason: string): reason is (typeof LEFTOVER_REASON_CHOICES)[number] =>
  (LEFTOVER_REASON_CHOICES as readonly string[]).includes(reason);

/** A stored reason in the reader's language: the choices are stored as keys, typed reasons as typed. */
export const reasonText = (t: TFunction, reason: string) =>
  isReasonChoice(reason) ? t(`parcelBoard.reasonChoice.${reason}`) : reason;
