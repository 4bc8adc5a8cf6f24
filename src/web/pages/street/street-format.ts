import type { TSession } from '../../../shared/api/auth.ts';
import type { TStreetOverview } from '../../../shared/api/dashboard.ts';
import type { Role } from '../../../shared/roles.ts';

export type StreetRow = TStreetOverview['communities'][number];

/** The figures a dot on the map can show; coverage is the one where less is worse. */
export const MAP_FIGURES = [
  'parcelsWaiting',
  'medicineOverdue',
  'medicineOpen',
  'testingCoverage',
  'volunteersOnShift',
  'disinfectionOverdue',
  'relaysUnconfirmed',
] as const;
export type MapFigure = (typeof MAP_FIGURES)[number];

/** Who reads a compound's day reports: the committee and the street office's viewers. */
export const canSeeReports = (roles: readonly Role[]) =>
  roles.some((role) => role === 'coordinator' || role === 'staff' || role === 'viewer');
export const canMakeReports = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('staff');

/**
 * The street view is for the street office (a viewer anywhere), and for committee staff who look after
 * several compounds; the secretary of one compound has the dashboard for that.
 */
export function canSeeStreet(session: TSession) {
  const overseen = session.memberships.filter(
    (m) => m.roles.includes('coordinator') || m.roles.includes('staff'),
  );
  return session.memberships.some((m) => m.roles.includes('viewer')) || overseen.length >= 2;
}

/** How much a value asks for attention, 0 (none) … 1 (the most of the street). */
export function attention(figure: MapFigure, value: number | null, max: number): number {
  if (value === null) return 0;
  if (figure === 'testingCoverage') return 1 - Math.min(1, Math.max(0, value));
  return max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
}

export const figureValue = (row: StreetRow, figure: MapFigure) => row[figure];

/** Green through amber to red, for attention 0 … 1. */
export function attentionColour(share: number): string {
  const stops = [
    [56, 158, 13],
    [250, 140, 22],
    [207, 19, 34],
  ];
  const s = Math.min(1, Math.max(0, share)) * 2;
  const [from, to] = s <= 1 ? [stops[0]!, stops[1]!] : [stops[1]!, stops[2]!];
  const f = s <= 1 ? s : s - 1;
  const mix = from.map((c, i) => Math.round(c + (to[i]! - c) * f));
  return `rgb(${mix.join(', ')})`;
}

export interface Frame {
  width: number;
  height: number;
  pad: number;
}

/**
 * Latitude and longitude onto an SVG frame: an equirectangular projection around the compounds'
 * middle latitude (a street is a few kilometres, so this is true to shape), scaled to fit and centred,
 * north up. One compound alone sits in the middle.
 */
export function projectPoints(points: readonly { latitude: number; longitude: number }[], frame: Frame) {
  if (points.length === 0) return [];
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  const xs = lons.map((lon) => lon * k);
  const ys = lats.map((lat) => -lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const innerW = frame.width - 2 * frame.pad;
  const innerH = frame.height - 2 * frame.pad;
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const scale =
    spanX === 0 && spanY === 0
      ? 0
      : Math.min(spanX ? innerW / spanX : Infinity, spanY ? innerH / spanY : Infinity);
  const offsetX = frame.pad + (innerW - spanX * scale) / 2;
  const offsetY = frame.pad + (innerH - spanY * scale) / 2;
  return xs.map((x, i) => ({ x: offsetX + (x - minX) * scale, y: offsetY + (ys[i]! - minY) * scale }));
}

/** A wait since an instant in the unit that reads best. */
export function waitedSince(
  iso: string | null,
  now: number,
): { key: 'waitedMinutes' | 'waitedHours' | 'waitedDays'; count: number } | null {
  if (!iso) return null;
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 60) return { key: 'waitedMinutes', count: minutes };
  if (minutes < 48 * 60) return { key: 'waitedHours', count: Math.floor(minutes / 60) };
  return { key: 'waitedDays', count: Math.floor(minutes / 1440) };
}
