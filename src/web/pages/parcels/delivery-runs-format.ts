import type { TFunction } from 'i18next';
import type { TDeliveryRun, TPlanningShift } from '../../../shared/api/delivery-runs.ts';
import type { Locale, Role } from '../../../shared/roles.ts';
import { vehicleLabel } from '../../lib/volunteer-format.ts';

/** Coordinators, and leaders (the server lets in only the parcels group's own, and answers 403 otherwise). */
export const canPlanDeliveryRuns = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('leader');

/** "850 米" / "1.2 公里". */
export const formatDistance = (t: TFunction, metres: number) =>
  metres < 1000
    ? t('deliveryRuns.metres', { m: metres })
    : t('deliveryRuns.kilometres', { km: (metres / 1000).toFixed(1) });

export const minutesOf = (seconds: number) => Math.max(1, Math.round(seconds / 60));

/** "三轮车 · 张三 · 第 2 次出车": what the leader calls out to the crew. */
export function runVehicleLine(t: TFunction, run: TDeliveryRun, locale: Locale, manyTrips: boolean) {
  const parts = [vehicleLabel(run.vehicle, locale), run.riderName ?? t('deliveryRuns.noRider')];
  if (manyTrips) parts.push(t('deliveryRuns.trip', { trip: run.trip }));
  return parts.join(' · ');
}

/** A vehicle as runs name it: runs of the same kind, capacity and rider are trips of one vehicle. */
export const vehicleKeyOf = (r: Pick<TDeliveryRun, 'vehicle' | 'capacity' | 'riderId'>) =>
  `${r.vehicle}/${r.capacity}/${r.riderId ?? ''}`;

/** The shift on the clock as "08:00–12:00" in the community's zone. */
export function shiftTimes(shift: Pick<TPlanningShift, 'startsAt' | 'endsAt'>, timeZone: string) {
  const hhmm = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  return { start: hhmm(shift.startsAt), end: hhmm(shift.endsAt) };
}
