import { FileTextOutlined, GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../../../shared/roles.ts';
import { useSession } from '../../api/session.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { canSeeReports, canSeeStreet } from '../street/street-format.ts';

const NO_ROLES: readonly Role[] = [];

/** The day reports and (for the street office) the street view: where those who read them start. */
export function ReportsLinkTile() {
  const { t } = useTranslation();
  const roles = useCommunity().membership?.roles ?? NO_ROLES;
  const session = useSession().data?.session;
  if (!canSeeReports(roles)) return null;
  const street = session ? canSeeStreet(session) : false;
  return (
    <section className="panel home-reports" aria-labelledby="home-reports-title" data-testid="home-reports">
      <h2 id="home-reports-title">{t(street ? 'street.home.title' : 'reports.home.title')}</h2>
      <p className="muted">{t(street ? 'street.home.text' : 'reports.home.text')}</p>
      <div className="page-actions">
        {street && (
          <Link to="/street" className="button-link button-link-primary">
            <GlobalOutlined aria-hidden /> {t('street.home.open')}
          </Link>
        )}
        <Link to="/reports" className={street ? 'button-link' : 'button-link button-link-primary'}>
          <FileTextOutlined aria-hidden /> {t('reports.home.open')}
        </Link>
      </div>
    </section>
  );
}
