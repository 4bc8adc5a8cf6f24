import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../../../shared/roles.ts';
import { useDeadLetters } from '../../api/notice-settings.ts';
import { currentLocale } from '../../i18n/index.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { canManageNotices } from '../notifications/notice-access.ts';
import '../../styles/notice-settings.css';

const NO_ROLES: readonly Role[] = [];

/** For the secretary and staff, only when some notices could not be delivered: how many, and where to resend. */
export function FailedNoticesTile({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const roles = useCommunity().membership?.roles ?? NO_ROLES;
  const allowed = canManageNotices(roles);
  const dead = useDeadLetters(communityId, currentLocale(), allowed);
  const count = (dead.data?.counts ?? []).reduce((sum, c) => sum + c.dead, 0);
  if (!allowed || count === 0) return null;
  return (
    <section
      className="panel notice-home"
      aria-labelledby="notice-home-title"
      data-testid="home-failed-notices"
    >
      <h2 id="notice-home-title">{t('noticeAdmin.home.title')}</h2>
      <p className="notice-counts-dead">{t('noticeAdmin.home.dead', { count })}</p>
      <Link to="/admin/notices" className="button-link">
        {t('noticeAdmin.home.go')}
      </Link>
    </section>
  );
}
