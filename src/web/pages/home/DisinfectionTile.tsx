import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../../../shared/roles.ts';
import { useDisinfectionTasks } from '../../api/disinfection.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { useDisinfectionAccess } from '../disinfection/disinfection-access.ts';
import '../../styles/disinfection.css';

const NO_ROLES: readonly Role[] = [];

/**
 * The disinfection group's day at a glance on the home page: rounds done of today's, the overdue in
 * red, and the way to log them. Nothing for those outside the group and the committee.
 */
export function DisinfectionTile({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const roles = useCommunity().membership?.roles ?? NO_ROLES;
  const access = useDisinfectionAccess(roles, communityId);
  const tasks = useDisinfectionTasks(communityId, undefined, access.sees);
  if (!access.sees || !tasks.data) return null;
  const all = tasks.data.tasks.filter((x) => x.status !== 'skipped');
  const done = all.filter((x) => x.status === 'done').length;
  const overdue = all.filter((x) => x.overdue).length;
  return (
    <section className="panel dis-home" aria-labelledby="dis-home-title" data-testid="home-disinfection">
      <h2 id="dis-home-title">{t('disinfection.home.title')}</h2>
      <p className="dis-home-figures">
        <span>{t('disinfection.home.summary', { done, total: all.length })}</span>
        {overdue > 0 && <Tag color="red">{t('disinfection.home.overdue', { count: overdue })}</Tag>}
      </p>
      <div className="dis-home-links">
        {access.logs && (
          <Link to="/disinfection" className="button-link button-link-primary">
            {t('disinfection.home.open')}
          </Link>
        )}
        <Link to="/disinfection?view=coverage" className="button-link">
          {t('disinfection.home.coverage')}
        </Link>
      </div>
    </section>
  );
}
