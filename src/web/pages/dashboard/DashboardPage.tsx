import { DesktopOutlined, LineChartOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveDashboard } from '../../api/dashboard.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';
import { useNow } from '../../lib/useNow.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { DashboardTiles } from './DashboardTiles.tsx';
import { canSeeDashboard, tileLinks } from './dashboard-format.ts';
import { LiveStatus } from './LiveStatus.tsx';
import { TILES, tilesByUrgency } from './tile-order.ts';
import '../../styles/dashboard.css';

/** /dashboard: the compound right now, live; on a phone one column with the most urgent area first. */
export function DashboardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dashboard.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeDashboard(membership.roles)) return <Forbidden />;
  return <Dashboard key={membership.communityId} communityId={membership.communityId} />;
}

function Dashboard({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { membership } = useCommunity();
  const desktop = useIsDesktop();
  const now = useNow(30_000);
  const dashboard = useLiveDashboard(communityId);
  const d = dashboard.data;
  const order = d && !desktop ? tilesByUrgency(d, now) : TILES;
  return (
    <div className="page dash-page">
      <div className="page-head">
        <h1 className="page-title">{t('dashboard.title')}</h1>
        <div className="page-actions">
          <Link to="/dashboard/trends" className="button-link">
            <LineChartOutlined aria-hidden /> {t('dashboard.openTrends')}
          </Link>
          <Link to="/dashboard/big" className="button-link">
            <DesktopOutlined aria-hidden /> {t('dashboard.openBig')}
          </Link>
        </div>
      </div>
      {d && <LiveStatus at={d.at} timeZone={d.timeZone} mode={dashboard.mode} />}
      {d && !desktop && <p className="dash-hint">{t('dashboard.urgentFirst')}</p>}
      {dashboard.error && !d ? (
        <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : !d ? (
        <div className="panel" aria-busy="true">
          <Skeleton active paragraph={{ rows: 8 }} />
        </div>
      ) : (
        <DashboardTiles
          d={d}
          order={order}
          links={tileLinks(membership?.roles ?? [])}
          now={now}
          className="dash-grid"
          label={t('dashboard.tilesLabel')}
        />
      )}
    </div>
  );
}
