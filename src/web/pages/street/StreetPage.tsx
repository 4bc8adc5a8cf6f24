import { ReloadOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStreetOverview } from '../../api/street.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useNow } from '../../lib/useNow.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { StreetMap } from './StreetMap.tsx';
import { StreetTable } from './StreetTable.tsx';
import '../../styles/street.css';

/** /street: the street office's compounds side by side, a table and a map; each opens its dashboard. */
export function StreetPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('street.title'));
  const overview = useStreetOverview();
  const now = useNow(60_000);
  const { membership } = useCommunity();
  const timeZone = membership?.timezone ?? 'Asia/Shanghai';
  const data = overview.data;
  return (
    <div className="page street-page">
      <div className="page-head">
        <h1 className="page-title">{t('street.title')}</h1>
        <div className="page-actions">
          <Button
            size="large"
            icon={<ReloadOutlined aria-hidden />}
            loading={overview.isFetching}
            onClick={() => void overview.refetch()}
          >
            {t('street.refresh')}
          </Button>
        </div>
      </div>
      {overview.error && !data ? (
        <LoadError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : !data ? (
        <div className="panel" aria-busy="true">
          <Skeleton active paragraph={{ rows: 8 }} />
        </div>
      ) : data.communities.length === 0 ? (
        <p className="panel">{t('street.empty')}</p>
      ) : (
        <>
          <p className="street-at">
            {t('street.at', { time: formatDateTime(data.at, timeZone, currentLocale()) })}
          </p>
          <section className="panel street-table" aria-label={t('street.tableLabel')}>
            <StreetTable rows={data.communities} now={Math.max(now, Date.parse(data.at))} />
          </section>
          <StreetMap rows={data.communities} />
        </>
      )}
    </div>
  );
}
