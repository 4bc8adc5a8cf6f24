import type { TFunction } from 'i18next';
import type { TStopRoom } from '../../../shared/api/parcel-rides.ts';
import { waybillTail } from '../../../shared/api/parcel-rides.ts';
import type { Locale } from '../../../shared/roles.ts';
import { VEHICLES } from '../../../shared/volunteers.ts';
import { formatDateTime, wallClock } from '../../lib/time.ts';
import { type Vehicle, vehicleLabel } from '../../lib/volunteer-format.ts';

/** "14:05" today, "2026/04/08 14:05" on another day, on the community's clock. */
export function momentOf(iso: string, timeZone: string, locale: string, now = Date.now()) {
  const at = wallClock(iso, timeZone);
  return at.day === wallClock(new Date(now), timeZone).day ? at.time : formatDateTime(iso, timeZone, locale);
}

/** "1203室", "9999室（住户未登记）" or "没有房号": how the rider finds the door. */
export function roomName(t: TFunction, room: Pick<TStopRoom, 'room' | 'householdId'>) {
  if (!room.room) return t('parcelRides.noRoom');
  return room.householdId
    ? t('parcelRides.room', { room: room.room })
    : t('parcelRides.ride.roomUnregistered', { room: room.room });
}

/** The waybills' last four characters, "2031 · 2032", or "无运单号" for a parcel recorded in a batch. */
export const tailsOf = (t: TFunction, parcels: readonly { waybill: string | null }[]) =>
  parcels.map((p) => (p.waybill ? waybillTail(p.waybill) : t('parcelRides.noWaybill'))).join(' · ');

/** The run's vehicle in the reader's language; a kind this version does not know, as stored. */
export const vehicleName = (vehicle: string, locale: Locale) =>
  (VEHICLES as readonly string[]).includes(vehicle) ? vehicleLabel(vehicle as Vehicle, locale) : vehicle;
