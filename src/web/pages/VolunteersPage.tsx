import { Empty, Skeleton } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TVolunteer } from '../../shared/api/volunteers.ts';
import { useGroups } from '../api/groups.ts';
import { useVolunteers, type VolunteerStatus } from '../api/volunteers.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { ListPager } from '../components/registry/ListPager.tsx';
import { canSeeVolunteers, isCoordinator } from '../lib/access.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useIsDesktop } from '../lib/useIsDesktop.ts';
import { useSearchFilters } from '../lib/useSearchFilters.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import { DecisionBar } from './volunteers/DecisionBar.tsx';
import { GroupsModal } from './volunteers/GroupsModal.tsx';
import { StatusTabs } from './volunteers/StatusTabs.tsx';
import { VolunteerCards } from './volunteers/VolunteerCards.tsx';
import { VolunteerFilters } from './volunteers/VolunteerFilters.tsx';
import { VolunteerTable } from './volunteers/VolunteerTable.tsx';

const FILTERS = ['status', 'q', 'groupId'] as const;
const STATUSES: readonly string[] = ['pending', 'approved', 'rejected'];
const PAGE_SIZE = 50;

export function VolunteersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('volunteers.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeVolunteers(membership.roles)) return <Forbidden />;
  return (
    <VolunteerList
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
      coordinator={isCoordinator(membership.roles)}
    />
  );
}

interface ListProps {
  communityId: string;
  timeZone: string;
  coordinator: boolean;
}

function VolunteerList({ communityId, timeZone, coordinator }: ListProps) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const { values, page, setFilters, setPage } = useSearchFilters(FILTERS);
  // The coordinator comes here to review; staff and leaders to look someone up.
  const status = (
    values.status && STATUSES.includes(values.status) ? values.status : coordinator ? 'pending' : 'approved'
  ) as VolunteerStatus;
  const filters = useMemo(() => ({ q: values.q, groupId: values.groupId }), [values.q, values.groupId]);
  const [showWorkplace, setShowWorkplace] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<TVolunteer | null>(null);
  const groups = useGroups(communityId).data ?? [];
  const list = useVolunteers(
    communityId,
    { status, ...filters },
    { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    showWorkplace,
  );
  const items = list.data?.items ?? [];

  // A decision applies to what is on screen; a picked volunteer no longer listed must not ride along.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared whenever the list changes.
  useEffect(() => setSelected(new Set()), [status, filters]);

  const deciding = coordinator && status !== 'approved';
  const listProps = {
    volunteers: items,
    timeZone,
    showWorkplace,
    selection: deciding ? { ids: selected, onChange: setSelected } : undefined,
    onSetGroups: coordinator && status === 'approved' ? setEditing : undefined,
  };

  const content = list.isPending ? (
    <Skeleton active paragraph={{ rows: 8 }} />
  ) : list.error && !list.data ? (
    <LoadError error={list.error} onRetry={() => void list.refetch()} />
  ) : items.length === 0 ? (
    <Empty
      description={status === 'pending' && !filters.q ? t('volunteers.emptyPending') : t('volunteers.empty')}
    />
  ) : (
    <>
      <p className="list-count" aria-live="polite">
        {t('volunteers.count', { count: list.data.total })}
      </p>
      {deciding && (
        <DecisionBar
          communityId={communityId}
          status={status}
          selected={selected}
          groups={groups}
          onDone={() => setSelected(new Set())}
          onClear={() => setSelected(new Set())}
          onSelectPage={desktop ? undefined : () => setSelected(new Set(items.map((v) => v.id)))}
        />
      )}
      {desktop ? (
        <VolunteerTable {...listProps} loading={list.isPlaceholderData} />
      ) : (
        <VolunteerCards {...listProps} />
      )}
      <ListPager total={list.data.total} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
    </>
  );

  return (
    <div className="page">
      <h1 className="page-title">{t('volunteers.title')}</h1>
      <VolunteerFilters
        values={filters}
        groups={groups}
        onChange={setFilters}
        workplace={
          coordinator
            ? {
                checked: showWorkplace,
                onChange: setShowWorkplace,
                loading: showWorkplace && list.isFetching,
              }
            : undefined
        }
      />
      <section className="panel" aria-label={t('volunteers.title')} aria-busy={list.isFetching}>
        <StatusTabs
          communityId={communityId}
          filters={filters}
          status={status}
          onChange={(next) => setFilters({ status: next })}
        >
          {content}
        </StatusTabs>
      </section>
      {editing && (
        <GroupsModal
          communityId={communityId}
          volunteer={editing}
          groups={groups}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
