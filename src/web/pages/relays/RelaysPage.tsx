import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TRelayTask, TRelayTaskQuery } from '../../../shared/api/relay-tasks.ts';
import { useLiveRelayTasks, useRelayTasks } from '../../api/relay-tasks.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { isCoordinator } from '../../lib/access.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useSearchFilters } from '../../lib/useSearchFilters.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { RelayCard } from './RelayCard.tsx';
import { RelayEscalationSetting } from './RelayEscalationSetting.tsx';
import { RelayOverview } from './RelayOverview.tsx';
import { isForbidden } from './relay-access.ts';
import '../../styles/relays.css';

const FILTER_KEYS = ['status', 'source', 'buildingId'] as const;

/**
 * /relays (楼组长转达): a relay contact's cards, "tell your building: …" with a big "Passed on"; for
 * coordinators, staff and the publicity group the overview of every building, live.
 */
export function RelaysPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('relays.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  return (
    <Relays
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
      coordinator={isCoordinator(membership.roles)}
    />
  );
}

function Relays(props: { communityId: string; timeZone: string; coordinator: boolean }) {
  const { communityId, timeZone, coordinator } = props;
  const { t } = useTranslation();
  const { values, setFilters } = useSearchFilters(FILTER_KEYS);
  const filters = values as TRelayTaskQuery;
  const list = useRelayTasks(communityId, filters);
  useLiveRelayTasks(communityId);

  if (list.error && isForbidden(list.error)) return <Forbidden />;
  if (list.error && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  const data = list.data;
  const card = (task: TRelayTask) => (
    <RelayCard key={task.id} communityId={communityId} timeZone={timeZone} task={task} />
  );

  if (data.view === 'relay') {
    const open = data.tasks.filter((task) => task.status !== 'confirmed');
    const done = data.tasks.filter((task) => task.status === 'confirmed');
    return (
      <div className="page relays">
        <h1 className="page-title">{t('relays.title')}</h1>
        <p className="relay-intro">{t('relays.relayIntro')}</p>
        {open.length === 0 && <p className="panel relay-empty">{t('relays.noneOpen')}</p>}
        {open.map(card)}
        {done.length > 0 && (
          <section aria-labelledby="relay-done-title" className="relay-done">
            <h2 id="relay-done-title">{t('relays.confirmedToday')}</h2>
            {done.map(card)}
          </section>
        )}
      </div>
    );
  }
  // A publicity volunteer may be a relay contact as well: their own buildings' open tasks come first.
  const mine = data.tasks.filter((task) => task.mine && task.status !== 'confirmed');
  return (
    <div className="page relays">
      <h1 className="page-title">{t('relays.title')}</h1>
      {mine.length > 0 && (
        <section aria-labelledby="relay-mine-title" className="relay-mine">
          <h2 id="relay-mine-title">{t('relays.mineTitle')}</h2>
          {mine.map(card)}
        </section>
      )}
      <RelayOverview
        communityId={communityId}
        timeZone={timeZone}
        list={data}
        filters={filters}
        onFilter={(next) => setFilters(next)}
      />
      {coordinator && <RelayEscalationSetting communityId={communityId} />}
    </div>
  );
}
