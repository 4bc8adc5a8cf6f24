import { Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyVolunteer } from '../api/attendance.ts';
import { useMySignups } from '../api/shifts.ts';
import { useLiveShiftPlaces } from '../api/shifts-live.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { RecordTiles } from '../components/RecordFigures.tsx';
import { canSignUp } from '../lib/access.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useNow } from '../lib/useNow.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { BadgeCard } from './my-shifts/BadgeCard.tsx';
import { CalendarFeedCard } from './my-shifts/CalendarFeedCard.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import '../styles/attendance.css';
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
  useLiveShiftPlaces(communityId);
  // My record, badge and feed; someone without a volunteer profile simply does not get these cards.
  const me = useMyVolunteer(communityId).data;
  const items = [...(signups.data ?? [])].sort((a, b) => a.shift.startsAt.localeCompare(b.shift.startsAt));
  return (
    <div className="page">
      <h1 className="page-title">{t('myShifts.title')}</h1>
      {me && (
        <section className="panel" aria-labelledby="record-title">
          <h2 id="record-title">{t('attendance.recordTitle')}</h2>
          <RecordTiles record={me.record} />
          <p className="muted record-rule">{t('attendance.hoursRule')}</p>
        </section>
      )}
      {me && <BadgeCard name={me.name} badgeToken={me.badgeToken} />}
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
      {me && <CalendarFeedCard communityId={communityId} calendarPath={me.calendarPath} />}
    </div>
  );
}
