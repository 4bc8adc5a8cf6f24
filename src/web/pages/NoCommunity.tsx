import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function NoCommunity() {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={<h1 className="result-title">{t('shell.noCommunityTitle')}</h1>}
      subTitle={t('shell.noCommunityText')}
    />
  );
}
