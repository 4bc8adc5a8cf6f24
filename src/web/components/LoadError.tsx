import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client.ts';

/** A failed load with the reason in the UI language, and a retry unless retrying cannot help. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Result
      status={forbidden ? '403' : 'warning'}
      title={forbidden ? t('common.forbidden') : t('common.loadFailed')}
      subTitle={<span role="alert">{errorMessage(error)}</span>}
      extra={
        forbidden ? null : (
          <Button type="primary" size="large" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
