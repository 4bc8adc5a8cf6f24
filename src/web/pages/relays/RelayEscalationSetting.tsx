import { DownOutlined } from '@ant-design/icons';
import { Alert, App, Button, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELAY_ESCALATE_MAX_MINUTES, RELAY_ESCALATE_MIN_MINUTES } from '../../../shared/api/relay-tasks.ts';
import { errorMessage } from '../../api/client.ts';
import { useRelaySettings, useSetRelaySettings } from '../../api/relay-tasks.ts';

/**
 * The minutes a relay contact has before escalation, on the overview of the coordinators who set it
 * (the medicine deadlines' pattern): folded away, since it is set once and the overview matters more.
 */
export function RelayEscalationSetting({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useRelaySettings(communityId);
  const save = useSetRelaySettings(communityId);
  const [draft, setDraft] = useState<number | null | undefined>(undefined);
  if (!settings.data) return null;
  const value = draft === undefined ? settings.data.escalateMinutes : draft;
  return (
    <details className="panel relay-setting" data-testid="relay-setting">
      <summary>
        <span className="relay-setting-heading">
          <span className="relay-setting-title">{t('relays.settings.title')}</span>
          <span className="relay-setting-now">
            {t('relays.settings.now', { minutes: settings.data.escalateMinutes })}
          </span>
        </span>
        <DownOutlined className="relay-setting-chevron" aria-hidden />
      </summary>
      <p className="relay-setting-intro">{t('relays.settings.intro')}</p>
      <form
        className="relay-setting-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (value === null) return;
          save.mutate(
            { escalateMinutes: value },
            {
              onSuccess: () => {
                setDraft(undefined);
                void message.success(t('relays.settings.saved'));
              },
            },
          );
        }}
      >
        <label htmlFor="relay-escalate-minutes">{t('relays.settings.field')}</label>
        <InputNumber
          id="relay-escalate-minutes"
          size="large"
          min={RELAY_ESCALATE_MIN_MINUTES}
          max={RELAY_ESCALATE_MAX_MINUTES}
          step={5}
          precision={0}
          inputMode="numeric"
          suffix={t('relays.settings.minutes')}
          value={value}
          onChange={(minutes) => {
            if (save.isError) save.reset();
            setDraft(minutes);
          }}
        />
        <p className="relay-setting-hint">
          {t('relays.settings.range', { min: RELAY_ESCALATE_MIN_MINUTES, max: RELAY_ESCALATE_MAX_MINUTES })}
        </p>
        {save.isError && <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} />}
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          loading={save.isPending}
          disabled={value === null || draft === undefined}
        >
          {t('relays.settings.save')}
        </Button>
      </form>
    </details>
  );
}
