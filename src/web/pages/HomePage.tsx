import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOverview } from '../api/communities.ts';
import { LoadError } from '../components/LoadError.tsx';
import { canSeeRegistry, canSignUp } from '../lib/access.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { DashboardLinkTile } from './home/DashboardLinkTile.tsx';
import { DisinfectionTile } from './home/DisinfectionTile.tsx';
import { FailedNoticesTile } from './home/FailedNoticesTile.tsx';
import { GroupCounts } from './home/GroupCounts.tsx';
import { LatestAnnouncements } from './home/LatestAnnouncements.tsx';
import { MyActionItems } from './home/MyActionItems.tsx';
import { NextShift } from './home/NextShift.tsx';
import { OpenGroupBuys } from './home/OpenGroupBuys.tsx';
import { PeopleHeadline } from './home/PeopleHeadline.tsx';
import { RegistryCounts } from './home/RegistryCounts.tsx';
import { RelayTasksTile } from './home/RelayTasksTile.tsx';
import { ReportsLinkTile } from './home/ReportsLinkTile.tsx';
import { NoCommunity } from './NoCommunity.tsx';

export function HomePage() {
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  return (
    <CommunityHome
      communityId={membership.communityId}
      name={membership.communityName}
      timeZone={membership.timezone}
      registryLinks={canSeeRegistry(membership.roles)}
      volunteer={canSignUp(membership.roles)}
    />
  );
}

interface HomeProps {
  communityId: string;
  name: string;
  timeZone: string;
  registryLinks: boolean;
  /** Volunteers see their next shift first. */
  volunteer: boolean;
}

function CommunityHome({ communityId, name, timeZone, registryLinks, volunteer }: HomeProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const overview = useOverview(communityId);
  return (
    <div className="page">
      {/* The header already shows the community name; the heading is for screen readers. */}
      <h1 className="visually-hidden">{name}</h1>
      <LatestAnnouncements communityId={communityId} timeZone={timeZone} />
      <DashboardLinkTile />
      <ReportsLinkTile />
      <RelayTasksTile communityId={communityId} />
      {volunteer && <NextShift communityId={communityId} timeZone={timeZone} />}
      <DisinfectionTile communityId={communityId} />
      <MyActionItems communityId={communityId} />
      <FailedNoticesTile communityId={communityId} />
      <OpenGroupBuys communityId={communityId} timeZone={timeZone} />
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
