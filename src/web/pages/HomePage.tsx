import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOverview } from '../api/communities.ts';
import { LoadError } from '../components/LoadError.tsx';
import { canSeeRegistry } from '../lib/access.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { GroupCounts } from './home/GroupCounts.tsx';
import { PeopleHeadline } from './home/PeopleHeadline.tsx';
import { RegistryCounts } from './home/RegistryCounts.tsx';
import { NoCommunity } from './NoCommunity.tsx';

export function HomePage() {
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  return (
    <CommunityHome
      communityId={membership.communityId}
      name={membership.communityName}
      registryLinks={canSeeRegistry(membership.roles)}
    />
  );
}

function CommunityHome({
  communityId,
  name,
  registryLinks,
}: {
  communityId: string;
  name: string;
  registryLinks: boolean;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const overview = useOverview(communityId);
  return (
    <div className="page">
      {/* The header already shows the community name; the heading is for screen readers. */}
      <h1 className="visually-hidden">{name}</h1>
      {overview.isPending ? (
        <div className="panel" aria-busy="true">
          <Skeleton active paragraph={{ rows: 6 }} />
        </div>
      ) : overview.error ? (
        <LoadError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <PeopleHeadline people={overview.data.people} />
          <GroupCounts groups={overview.data.groups} />
          <RegistryCounts registry={overview.data.registry} linked={registryLinks} />
        </>
      )}
    </div>
  );
}
