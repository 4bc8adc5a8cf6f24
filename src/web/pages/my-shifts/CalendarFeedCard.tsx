import { CalendarOutlined, CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResetCalendarToken } from '../../api/attendance.ts';
import { errorMessage } from '../../api/client.ts';

/** The secret feed URL, a copy button, a webcal:// link that phones open in their calendar app, and reset. */
export function CalendarFeedCard({
  communityId,
  calendarPath,
}: {
  communityId: string;
  calendarPath: string;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const reset = useResetCalendarToken(communityId);
  const url = `${window.location.origin}${calendarPath}`;
  const webcal = `webcal://${window.location.host}${calendarPath}`;
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => void message.success(t('attendance.copied')),
      () => void message.warning(t('attendance.copyFailed')),
    );
  const confirmReset = () =>
    modal.confirm({
      title: t('attendance.resetTitle'),
      content: t('attendance.resetText'),
      okText: t('attendance.reset'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        reset.mutateAsync().then(
          () => void message.success(t('attendance.resetDone')),
          (error) => void message.error(errorMessage(error)),
        ),
    });
  return (
    <section className="panel" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('attendance.calendarTitle')}</h2>
      <p>{t('attendance.calendarIntro')}</p>
      <p className="field-label">{t('attendance.calendarUrl')}</p>
      <code className="feed-url" data-testid="calendar-url">
        {url}
      </code>
      <div className="form-buttons feed-buttons">
        <a className="button-link button-link-primary" href={webcal}>
          <CalendarOutlined aria-hidden />
          {t('attendance.subscribe')}
        </a>
        <Button size="large" icon={<CopyOutlined aria-hidden />} onClick={() => void copy()}>
          {t('attendance.copy')}
        </Button>
        <Button
          size="large"
          danger
          icon={<ReloadOutlined aria-hidden />}
          loading={reset.isPending}
          onClick={confirmReset}
        >
          {t('attendance.reset')}
        </Button>
      </div>
    </section>
  );
}
