import type { TFunction } from 'i18next';

/** A forecast in whole minutes ("约 1 小时 5 分"): seconds would claim a precision the queue lacks. */
export function formatDuration(t: TFunction, seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return t('testingLive.minutes', { m: minutes });
  return t('testingLive.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** The community's wall-clock time of an instant, hours and minutes. */
export function formatClock(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
