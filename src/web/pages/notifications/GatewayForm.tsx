import { Alert, App, Button, Input, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GATEWAY_SECRET_MIN_LENGTH, type TNoticeGateway } from '../../../shared/api/notice-settings.ts';
import { errorMessage, fieldErrors } from '../../api/client.ts';
import { useSetNoticeGateway, useTestNoticeGateway } from '../../api/notice-settings.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatMoment } from '../../lib/shift-time.ts';
import { describeDeliveryError } from './delivery-error.ts';

interface Props {
  communityId: string;
  timeZone: string;
  saved: TNoticeGateway;
}

/**
 * Where `webhook` notices go and the key they are signed with. The secret is typed once; afterwards
 * only its masked end shows, and an empty field keeps it. "Test" sends one signed message to what is
 * saved and shows the gateway's answer, so staff know before residents depend on it.
 */
export function GatewayForm({ communityId, timeZone, saved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetNoticeGateway(communityId);
  const test = useTestNoticeGateway(communityId);
  const [url, setUrl] = useState(saved.url ?? '');
  const [secret, setSecret] = useState('');
  const [enabled, setEnabled] = useState(saved.enabled);
  const problems = save.isError ? fieldErrors(save.error) : new Map<string, string[]>();
  const change = (apply: () => void) => {
    if (save.isError) save.reset();
    apply();
  };
  const dirty = url !== (saved.url ?? '') || secret !== '' || enabled !== saved.enabled;
  const words = { today: t('notifications.today'), tomorrow: t('notifications.tomorrow') };

  return (
    <section className="panel notice-gateway" aria-labelledby="notice-gateway-title">
      <h2 id="notice-gateway-title">
        {t('noticeAdmin.gateway.title')}
        {saved.configured && (
          <span className={saved.enabled ? 'notice-state is-on' : 'notice-state'}>
            {t(saved.enabled ? 'noticeAdmin.gateway.state.on' : 'noticeAdmin.gateway.state.off')}
          </span>
        )}
      </h2>
      <p className="notice-hint">{t('noticeAdmin.gateway.intro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            { url, enabled, ...(secret ? { secret } : {}) },
            {
              onSuccess: () => {
                setSecret('');
                test.reset();
                void message.success(t('noticeAdmin.gateway.saved'));
              },
            },
          );
        }}
      >
        <div className="notice-field">
          <label htmlFor="gateway-url">{t('noticeAdmin.gateway.url')}</label>
          <Input
            id="gateway-url"
            size="large"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder={t('noticeAdmin.gateway.urlPlaceholder')}
            value={url}
            status={problems.has('url') ? 'error' : undefined}
            aria-invalid={problems.has('url') || undefined}
            onChange={(e) => change(() => setUrl(e.target.value))}
          />
        </div>
        <div className="notice-field">
          <label htmlFor="gateway-secret">{t('noticeAdmin.gateway.secret')}</label>
          <Input.Password
            id="gateway-secret"
            size="large"
            autoComplete="new-password"
            placeholder={saved.secretMasked ?? ''}
            value={secret}
            status={problems.has('secret') ? 'error' : undefined}
            aria-invalid={problems.has('secret') || undefined}
            aria-describedby="gateway-secret-hint"
            onChange={(e) => change(() => setSecret(e.target.value))}
          />
          <p id="gateway-secret-hint" className="notice-hint">
            {saved.secretMasked
              ? t('noticeAdmin.gateway.secretSaved', { masked: saved.secretMasked })
              : t('noticeAdmin.gateway.secretHint', { min: GATEWAY_SECRET_MIN_LENGTH })}
          </p>
        </div>
        <div className="notice-switch-row">
          <label htmlFor="gateway-enabled" className="notice-switch-label">
            {t('noticeAdmin.gateway.enabled')}
          </label>
          <Switch id="gateway-enabled" checked={enabled} onChange={(on) => change(() => setEnabled(on))} />
        </div>
        {save.isError && <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} />}
        <div className="notice-actions">
          <Button
            type="primary"
            size="large"
            htmlType="submit"
            loading={save.isPending}
            disabled={!dirty || !url}
          >
            {t('noticeAdmin.gateway.save')}
          </Button>
          <Button
            size="large"
            loading={test.isPending}
            disabled={!saved.configured || dirty}
            onClick={() => test.mutate()}
          >
            {t('noticeAdmin.gateway.test')}
          </Button>
        </div>
      </form>
      <div aria-live="polite" data-testid="gateway-test-result">
        {saved.configured && dirty && !test.data && (
          <p className="notice-hint">{t('noticeAdmin.gateway.testSaveFirst')}</p>
        )}
        {test.isError && <Alert type="error" showIcon title={errorMessage(test.error)} />}
        {test.data &&
          (test.data.ok ? (
            <Alert
              type="success"
              showIcon
              title={t('noticeAdmin.gateway.testOk', { status: test.data.status, ms: test.data.elapsedMs })}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t('noticeAdmin.gateway.testFailed', {
                error: describeDeliveryError(t, test.data.error ?? ''),
              })}
            />
          ))}
      </div>
      {saved.configured && saved.updatedAt && (
        <p className="notice-hint">
          {t('noticeAdmin.gateway.updated', {
            who: saved.updatedBy ?? '—',
            when: formatMoment(saved.updatedAt, timeZone, currentLocale(), Date.now(), words),
          })}
        </p>
      )}
      {!saved.configured && <p className="notice-hint">{t('noticeAdmin.gateway.notConfigured')}</p>}
    </section>
  );
}
