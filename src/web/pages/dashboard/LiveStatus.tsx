import { useTranslation } from 'react-i18next';
import { type LiveMode, POLL_SECONDS } from '../../api/dashboard.ts';
import { currentLocale } from '../../i18n/index.ts';
import { clockTime } from './dashboard-format.ts';

/** When the figures were taken, on the compound's clock, and whether they arrive live or by polling. */
export function LiveStatus({ at, timeZone, mode }: { at: string; timeZone: string; mode: LiveMode }) {
  const { t } = useTranslation();
  return (
    <p className="dash-status">
      <span className={`dash-dot is-${mode}`} aria-hidden />
      <span data-testid="dash-updated-at">
        {t('dashboard.updatedAt', { time: clockTime(at, timeZone, currentLocale()) })}
      </span>
      <span className="dash-mode">
        {mode === 'polling'
          ? t('dashboard.mode.polling', { seconds: POLL_SECONDS })
          : t(`dashboard.mode.${mode}`)}
      </span>
    </p>
  );
}
