import { Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVolunteerCalls } from '../api/volunteers.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { isCoordinator } from '../lib/access.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import { CallCard } from './volunteer-calls/CallCard.tsx';
import { OpenCallForm } from './volunteer-calls/OpenCallForm.tsx';

export function VolunteerCallsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('volunteerCalls.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!isCoordinator(membership.roles)) return <Forbidden />;
  return (
    <CallList
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

function CallList({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const calls = useVolunteerCalls(communityId);
  // Open calls first, newest first: the one being handed out is what the secretary looks for.
  const sorted = [...(calls.data ?? [])].sort(
    (a, b) =>
      Number(a.closedAt !== null) - Number(b.closedAt !== null) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <div className="page">
      <h1 className="page-title">{t('volunteerCalls.title')}</h1>
      <p className="page-note">{t('volunteerCalls.intro')}</p>
      <OpenCallForm communityId={communityId} />
      <section className="panel" aria-labelledby="calls-title" aria-busy={calls.isFetching}>
        <h2 id="calls-title">{t('volunteerCalls.listTitle')}</h2>
        {calls.isPending ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : calls.error ? (
          <LoadError error={calls.error} onRetry={() => void calls.refetch()} />
        ) : sorted.length === 0 ? (
          <Empty description={t('volunteerCalls.empty')} />
        ) : (
          <ul className="call-list">
            {sorted.map((call) => (
              <CallCard key={call.id} communityId={communityId} call={call} timeZone={timeZone} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
