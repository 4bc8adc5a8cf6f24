import { Alert, App, Button, Input, Skeleton, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TNotificationPreferences } from '../../../shared/api/notice-settings.ts';
import { errorMessage } from '../../api/client.ts';
import { useNotificationPreferences, useSetNotificationPreferences } from '../../api/notice-settings.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import '../../styles/notice-settings.css';

/** Quiet hours a person most likely wants when they first switch them on. */
const NIGHT = { start: '22:00', end: '07:00' };

export function NotificationSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('noticeSettings.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  return <NotificationSettings key={membership.communityId} communityId={membership.communityId} />;
}

function NotificationSettings({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const preferences = useNotificationPreferences(communityId);
  return (
    <div className="page page-narrow">
      <h1 className="page-title">{t('noticeSettings.title')}</h1>
      <p className="page-note">{t('noticeSettings.intro')}</p>
      {preferences.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : preferences.error ? (
        <LoadError error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        <PreferencesForm communityId={communityId} saved={preferences.data} />
      )}
    </div>
  );
}

function PreferencesForm({ communityId, saved }: { communityId: string; saved: TNotificationPreferences }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetNotificationPreferences(communityId);
  const [webhook, setWebhook] = useState(saved.channels.includes('webhook'));
  const [quietOn, setQuietOn] = useState(saved.quietHours !== null);
  const [quiet, setQuiet] = useState(saved.quietHours ?? NIGHT);
  const gatewayOn = saved.available.some((c) => c.channel === 'webhook' && c.enabled);
  const sameTimes = quietOn && quiet.start === quiet.end;
  const incomplete = quietOn && (!quiet.start || !quiet.end);
  const passesMidnight = quiet.end < quiet.start;
  const change = (apply: () => void) => {
    if (save.isError) save.reset(); // the refusal was about the old choice
    apply();
  };

  return (
    <form
      className="notice-prefs"
      onSubmit={(event) => {
        event.preventDefault();
        if (sameTimes || incomplete) return;
        save.mutate(
          { channels: webhook ? ['webhook'] : [], quietHours: quietOn ? quiet : null },
          { onSuccess: () => void message.success(t('noticeSettings.saved')) },
        );
      }}
    >
      <section className="panel" aria-labelledby="notice-channels-title">
        <h2 id="notice-channels-title">{t('noticeSettings.channelsTitle')}</h2>
        <div className="notice-switch-row">
          <label htmlFor="notice-webhook">
            <span className="notice-switch-label">{t('noticeSettings.webhookLabel')}</span>
            <span className="notice-hint">{t('noticeSettings.webhookHint')}</span>
          </label>
          <Switch id="notice-webhook" checked={webhook} onChange={(on) => change(() => setWebhook(on))} />
        </div>
        {!gatewayOn && (
          <p className="notice-hint notice-gateway-off" data-testid="gateway-off">
            {t('noticeSettings.gatewayOff')}
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="notice-quiet-title">
        <h2 id="notice-quiet-title">{t('noticeSettings.quietTitle')}</h2>
        <div className="notice-switch-row">
          <label htmlFor="notice-quiet" className="notice-switch-label">
            {t('noticeSettings.quietToggle')}
          </label>
          <Switch id="notice-quiet" checked={quietOn} onChange={(on) => change(() => setQuietOn(on))} />
        </div>
        {quietOn && (
          <>
            <div className="notice-quiet-times">
              {(['start', 'end'] as const).map((end) => (
                <div className="notice-time-field" key={end}>
                  <label htmlFor={`notice-quiet-${end}`}>
                    {t(end === 'start' ? 'noticeSettings.quietFrom' : 'noticeSettings.quietTo')}
                  </label>
                  <Input
                    id={`notice-quiet-${end}`}
                    type="time"
                    size="large"
                    required
                    value={quiet[end]}
                    status={sameTimes ? 'error' : undefined}
                    aria-invalid={sameTimes || undefined}
                    onChange={(e) => {
                      const value = e.target.value;
                      change(() => setQuiet((old) => ({ ...old, [end]: value })));
                    }}
                  />
                </div>
              ))}
            </div>
            <p className="notice-quiet-summary" aria-live="polite">
              {sameTimes
                ? t('noticeSettings.quietSame')
                : t(passesMidnight ? 'noticeSettings.quietSpanNextDay' : 'noticeSettings.quietSpan', quiet)}
            </p>
          </>
        )}
        <p className="notice-urgent-note">{t('noticeSettings.urgentNote')}</p>
        <p className="notice-hint">{t('noticeSettings.timeZoneNote', { timeZone: saved.timeZone })}</p>
      </section>

      {!saved.saved && <p className="page-note">{t('noticeSettings.defaultNote')}</p>}
      {save.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('noticeSettings.saveFailed', { message: errorMessage(save.error) })}
        />
      )}
      <Button
        type="primary"
        size="large"
        htmlType="submit"
        loading={save.isPending}
        disabled={sameTimes || incomplete}
      >
        {t('noticeSettings.save')}
      </Button>
    </form>
  );
}
