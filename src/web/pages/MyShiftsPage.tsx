import { Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMySignups } from '../api/shifts.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { canSignUp } from '../lib/access.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useNow } from '../lib/useNow.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import { MySignupCard } from './shifts/MySignupCard.tsx';

export function MyShiftsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('myShifts.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSignUp(membership.roles)) return <Forbidden />;
  return (
    <MyShifts
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

function MyShifts({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  // Live, so a waitlist place counts down (and turns into a place) while the page is open.
  const signups = useMySignups(communityId, { live: true });
  const items = [...(signups.data ?? [])].sort((a, b) => a.shift.startsAt.localeCompare(b.shift.startsAt));
  return (
    <div className="page">
      <h1 className="page-title">{t('myShifts.title')}</h1>
      {signups.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : signups.error && !signups.data ? (
        <LoadError error={signups.error} onRetry={() => void signups.refetch()} />
      ) : items.length === 0 ? (
        <div className="panel">
          <Empty description={t('myShifts.empty')}>
            <Link className="button-link button-link-primary" to="/shifts">
              {t('myShifts.goSignUp')}
            </Link>
          </Empty>
        </div>
      ) : (
        <ul className="shift-list">
          {items.map((signup) => (
            <MySignupCard
              key={signup.id}
              communityId={communityId}
              signup={signup}
              timeZone={timeZone}
              now={now}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
