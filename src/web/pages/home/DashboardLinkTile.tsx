import { DashboardOutlined, DesktopOutlined, LineChartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../../../shared/roles.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { canSeeDashboard } from '../dashboard/dashboard-format.ts';

const NO_ROLES: readonly Role[] = [];

/** The way to the live dashboard, its big screen and trends: for the committee and viewers only. */
export function DashboardLinkTile() {
  const { t } = useTranslation();
  const roles = useCommunity().membership?.roles ?? NO_ROLES;
  if (!canSeeDashboard(roles)) return null;
  return (
    <section
      className="panel home-dashboard"
      aria-labelledby="home-dashboard-title"
      data-testid="home-dashboard"
    >
      <h2 id="home-dashboard-title">{t('dashboard.home.title')}</h2>
      <p className="muted">{t('dashboard.home.text')}</p>
      <div className="page-actions">
        <Link to="/dashboard" className="button-link button-link-primary">
          <DashboardOutlined aria-hidden /> {t('dashboard.home.open')}
        </Link>
        <Link to="/dashboard/big" className="button-link">
          <DesktopOutlined aria-hidden /> {t('dashboard.home.big')}
        </Link>
        <Link to="/dashboard/trends" className="button-link">
          <LineChartOutlined aria-hidden /> {t('dashboard.home.trends')}
        </Link>
      </div>
    </section>
  );
}
