import { UserAddOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VulnerabilityFlag } from '../../shared/registry.ts';
import { type ResidentFilters, useResidents } from '../api/residents.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { ListPager } from '../components/registry/ListPager.tsx';
import { RevealSwitch } from '../components/registry/RevealSwitch.tsx';
import { canEditRegistry, canSeeRegistry } from '../lib/access.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useIsDesktop } from '../lib/useIsDesktop.ts';
import { useSearchFilters } from '../lib/useSearchFilters.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import { ExportButton } from './residents/ExportButton.tsx';
import { ResidentCards } from './residents/ResidentCards.tsx';
import { type DrawerTarget, ResidentDrawer } from './residents/ResidentDrawer.tsx';
import { ResidentFilterForm } from './residents/ResidentFilterForm.tsx';
import { ResidentTable } from './residents/ResidentTable.tsx';

const FILTERS = ['zoneId', 'buildingId', 'householdId', 'flag', 'q'] as const;
const PAGE_SIZE = 50;

export function ResidentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('residents.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  // A resident may open it too: the server then lists only their own household.
  if (membership.roles.length === 0) return <Forbidden />;
  return (
    <ResidentList
      key={membership.communityId}
      communityId={membership.communityId}
      canEdit={canEditRegistry(membership.roles)}
      ownHousehold={!canSeeRegistry(membership.roles)}
    />
  );
}

interface ListProps {
  communityId: string;
  canEdit: boolean;
  /** A resident sees only their own household (the server filters), so filters would be noise. */
  ownHousehold: boolean;
}

function ResidentList({ communityId, canEdit, ownHousehold }: ListProps) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const { values, page, setFilters, setPage } = useSearchFilters(FILTERS);
  const [reveal, setReveal] = useState(false);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const filters: ResidentFilters = useMemo(
    () => ({ ...values, flag: values.flag as VulnerabilityFlag | undefined }),
    [values],
  );
  const paging = { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const residents = useResidents(communityId, filters, paging, reveal);
  const items = residents.data?.items ?? [];
  const open = (r: { id: string }) => setDrawer({ mode: 'view', residentId: r.id });

  return (
    <div className="page">
      <div className="page-head">
        <h1 className="page-title">{t('residents.title')}</h1>
        {canEdit && (
          <div className="page-actions">
            <Button
              type="primary"
              icon={<UserAddOutlined aria-hidden />}
              onClick={() => setDrawer({ mode: 'create', buildingId: values.buildingId })}
            >
              {t('residents.create')}
            </Button>
            <ExportButton communityId={communityId} filters={filters} />
          </div>
        )}
      </div>
      {ownHousehold ? (
        <p className="page-note">{t('residents.ownHousehold')}</p>
      ) : (
        <ResidentFilterForm communityId={communityId} values={values} onChange={setFilters} />
      )}
      {canEdit && (
        <RevealSwitch checked={reveal} onChange={setReveal} loading={reveal && residents.isFetching} />
      )}
      <section className="panel" aria-label={t('residents.title')} aria-busy={residents.isFetching}>
        {residents.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : residents.error && !residents.data ? (
          <LoadError error={residents.error} onRetry={() => void residents.refetch()} />
        ) : items.length === 0 ? (
          <Empty description={t('registry.empty')} />
        ) : (
          <>
            <p className="list-count" aria-live="polite">
              {t('registry.count', { count: residents.data.total })}
            </p>
            {desktop ? (
              <ResidentTable residents={items} onOpen={open} loading={residents.isPlaceholderData} />
            ) : (
              <ResidentCards residents={items} onOpen={open} />
            )}
            <ListPager total={residents.data.total} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
          </>
        )}
      </section>
      <ResidentDrawer
        communityId={communityId}
        target={drawer}
        reveal={reveal}
        canEdit={canEdit}
        onClose={() => setDrawer(null)}
      />
    </div>
  );
}
