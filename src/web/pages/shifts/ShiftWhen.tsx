import { useTranslation } from 'react-i18next';
import type { TShift } from '../../../shared/api/shifts.ts';
import { currentLocale } from '../../i18n/index.ts';
import { dayName, shiftSpan } from '../../lib/shift-time.ts';
import { wallClock } from '../../lib/time.ts';

interface Props {
  shift: Pick<TShift, 'startsAt' | 'endsAt'>;
  timeZone: string;
  /** Lists grouped under day headings leave the day out. */
  withDay?: boolean;
}

/** "08:00–11:00", or "明天 5月25日周三 08:00–11:00", on the community's clock. */
export function ShiftWhen({ shift, timeZone, withDay = false }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const words = useDayWords();
  const span = shiftSpan(shift, timeZone);
  const hours = span.nextDay ? t('shifts.spanNextDay', span) : t('shifts.span', span);
  const today = wallClock(new Date(), timeZone).day;
  return (
    <time className="shift-when" dateTime={shift.startsAt}>
      {withDay && `${dayName(span.day, today, locale, words)} `}
      <strong>{hours}</strong>
    </time>
  );
}

export function useDayWords() {
  const { t } = useTranslation();
  return { today: t('shifts.today'), tomorrow: t('shifts.tomorrow') };
}
