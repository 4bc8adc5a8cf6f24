import { formatInstant } from '../../../shared/i18n/notice-messages.ts';
import type { Locale } from '../../../shared/roles.ts';
import { wallClock } from '../../lib/time.ts';

/** A moment on the community's clock: the time alone today, with the day otherwise. */
export function relayMoment(iso: string, timeZone: string, locale: Locale, now = new Date()) {
  const today = wallClock(now, timeZone).day === wallClock(iso, timeZone).day;
  return formatInstant(iso, timeZone, locale, today ? 'time' : 'datetime');
}
