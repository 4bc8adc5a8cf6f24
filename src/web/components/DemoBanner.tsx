import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** Everyone must know that demo people and figures are not real, on every page. */
export function DemoBanner({ showHint = false }: { showHint?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      className="demo-banner"
      type="warning"
      showIcon
      title={t('demo.banner')}
      description={showHint ? t('demo.hint') : undefined}
    />
  );
}
