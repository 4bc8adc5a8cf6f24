import { Empty, Form, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHouseholds } from '../api/residents.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { BuildingSelect, SearchField, ZoneSelect } from '../components/registry/FilterFields.tsx';
import { ListPager } from '../components/registry/ListPager.tsx';
import { RevealSwitch } from '../components/registry/RevealSwitch.tsx';
import { canEditRegistry } from '../lib/access.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useIsDesktop } from '../lib/useIsDesktop.ts';
import { useSearchFilters } from '../lib/useSearchFilters.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { HouseholdCards, HouseholdTable } from './households/HouseholdList.tsx';
import { NoCommunity } from './NoCommunity.tsx';

const FILTERS = ['zoneId', 'buildingId', 'q'] as const;
const PAGE_SIZE = 50;

export function HouseholdsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('households.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (membership.roles.length === 0) return <Forbidden />;
  return (
    <HouseholdList
      key={membership.communityId}
      communityId={membership.communityId}
      canReveal={canEditRegistry(membership.roles)}
    />
  );
}

function HouseholdList({ communityId, canReveal }: { communityId: string; canReveal: boolean }) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const { values, page, setFilters, setPage } = useSearchFilters(FILTERS);
  const [reveal, setReveal] = useState(false);
  const paging = { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const households = useHouseholds(communityId, values, paging, reveal);
  const items = households.data?.items ?? [];

  return (
    <div className="page">
      <h1 className="page-title">{t('households.title')}</h1>
      <section className="panel" aria-label={t('registry.filters')}>
        <Form layout="vertical" className="filter-grid filter-grid-3">
          <Form.Item label={t('households.search')} htmlFor="households-q">
            <SearchField
              id="households-q"
              value={values.q}
              onChange={(q) => setFilters({ q })}
              placeholder={t('households.searchPlaceholder')}
            />
          </Form.Item>
          <Form.Item label={t('registry.zone')} htmlFor="households-zone">
            <ZoneSelect
              id="households-zone"
              communityId={communityId}
              value={values.zoneId}
              onChange={(zoneId) => setFilters({ zoneId, buildingId: undefined })}
            />
          </Form.Item>
          <Form.Item label={t('registry.building')} htmlFor="households-building">
            <BuildingSelect
              id="households-building"
              communityId={communityId}
              zoneId={values.zoneId}
              value={values.buildingId}
              onChange={(buildingId) => setFilters({ buildingId })}
            />
          </Form.Item>
        </Form>
      </section>
      {canReveal && (
        <RevealSwitch checked={reveal} onChange={setReveal} loading={reveal && households.isFetching} />
      )}
      <section className="panel" aria-label={t('households.title')} aria-busy={households.isFetching}>
        {households.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : households.error && !households.data ? (
          <LoadError error={households.error} onRetry={() => void households.refetch()} />
        ) : items.length === 0 ? (
          <Empty description={t('registry.empty')} />
        ) : (
          <>
            <p className="list-count" aria-live="polite">
              {t('registry.count', { count: households.data.total })}
            </p>
            {desktop ? <HouseholdTable households={items} /> : <HouseholdCards households={items} />}
            <ListPager total={households.data.total} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
          </>
        )}
      </section>
    </div>
  );
}
