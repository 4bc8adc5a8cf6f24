import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown when the menu would not have offered the page, e.g. a typed or shared address. */
export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title={<h1 className="result-title">{t('common.forbidden')}</h1>} />;
}
