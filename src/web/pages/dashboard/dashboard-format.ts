import type { Locale, Role } from '../../../shared/roles.ts';
import { canSeeGroups } from '../../lib/access.ts';
import { canSeeGroupBuys } from '../group-buys/group-buys-format.ts';
import { canWorkMedicine } from '../medicine/medicine-access.ts';
import { canWorkParcels } from '../parcels/parcel-access.ts';
import { canSeeTesting } from '../testing/testing-access.ts';
import type { TileKey } from './tile-order.ts';

/** The dashboard, its big screen and trends: the committee and the street office's viewers. */
export const canSeeDashboard = (roles: readonly Role[]) =>
  roles.some((role) => role === 'coordinator' || role === 'staff' || role === 'viewer');

/**
 * Where each tile leads, for this person: only pages they may open (a viewer reads the dashboard but
 * has no parcel board, medicine queue or relay list, so those tiles carry no link for them).
 */
export function tileLinks(roles: readonly Role[]): Record<TileKey, string | null> {
  const oversees = roles.includes('coordinator') || roles.includes('staff');
  return {
    people: canSeeGroups(roles) ? '/groups' : null,
    parcels: canWorkParcels(roles) ? '/parcels/board' : null,
    testing: canSeeTesting(roles) ? '/testing' : null,
    medicine: canWorkMedicine(roles) ? '/medicine' : null,
    groupBuys: canSeeGroupBuys(roles) ? '/group-buys' : null,
    disinfection: oversees || roles.includes('viewer') ? '/disinfection' : null,
    // the relays page oversees every building for coordinators and staff (relays/relay-access.ts)
    relays: oversees ? '/relays' : null,
  };
}

/** "14:05:09" on the community's clock: the moment the figures were taken. */
export function clockTime(iso: string, timeZone: string, locale: Locale, seconds = true): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** "04/09 14:05" on the community's clock: deadlines and closing times within the week. */
export function dayAndTime(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export const formatPercent = (share: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** A wait in the unit that reads best: minutes within the hour, hours within two days, then days. */
export function waitSpan(ms: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 48 * 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / (24 * 60)) };
}

/** Names one after another: "东门、3号楼" in Chinese, "East gate, Building 3" in English. */
export const listOf = (items: readonly string[], locale: Locale) =>
  items.join(locale === 'zh-CN' ? '、' : ', ');
