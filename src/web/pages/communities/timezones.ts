import { DEFAULT_TIMEZONE } from '../../lib/time.ts';

/** Every zone the browser knows, the default first; a short list if the browser cannot tell. */
export function timeZoneOptions(): { value: string; label: string }[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Urumqi', 'UTC'];
  }
  const ordered = [DEFAULT_TIMEZONE, ...zones.filter((z) => z !== DEFAULT_TIMEZONE)];
  return ordered.map((zone) => ({ value: zone, label: zone }));
}
