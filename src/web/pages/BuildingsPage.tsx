import { Empty, Form, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuildings, useSitePlan } from '../api/registry.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { SearchField, ZoneSelect } from '../components/registry/FilterFields.tsx';
import { zoneMap } from '../components/registry/ZoneBadge.tsx';
import { canSeeRegistry } from '../lib/access.ts';
import { compareCodes } from '../lib/registry-format.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useIsDesktop } from '../lib/useIsDesktop.ts';
import { useSearchFilters } from '../lib/useSearchFilters.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { BuildingCards } from './buildings/BuildingCards.tsx';
import { BuildingTable } from './buildings/BuildingTable.tsx';
import { NoCommunity } from './NoCommunity.tsx';

const FILTERS = ['zoneId', 'q'] as const;

export function BuildingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('buildings.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeRegistry(membership.roles)) return <Forbidden />;
  return <BuildingList key={membership.communityId} communityId={membership.communityId} />;
}

function BuildingList({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const { values, setFilters } = useSearchFilters(FILTERS);
  const buildings = useBuildings(communityId);
  const zones = zoneMap(useSitePlan(communityId).data);

  // Filtered here: the whole list is already cached for the site plan and the pickers.
  const shown = useMemo(() => {
    const q = values.q?.replace(/号楼|号|幢|栋/g, '').trim();
    return (buildings.data ?? [])
      .filter((b) => !values.zoneId || b.zoneId === values.zoneId)
      .filter((b) => !q || b.code.startsWith(q) || b.relay?.name.includes(q))
      .sort((a, b) => compareCodes(a.code, b.code));
  }, [buildings.data, values.zoneId, values.q]);

  return (
    <div className="page">
      <h1 className="page-title">{t('buildings.title')}</h1>
      <section className="panel" aria-label={t('registry.filters')}>
        <Form layout="vertical" className="filter-grid filter-grid-2">
          <Form.Item label={t('buildings.search')} htmlFor="buildings-q">
            <SearchField
              id="buildings-q"
              value={values.q}
              onChange={(q) => setFilters({ q })}
              placeholder={t('buildings.searchPlaceholder')}
            />
          </Form.Item>
          <Form.Item label={t('registry.zone')} htmlFor="buildings-zone">
            <ZoneSelect
              id="buildings-zone"
              communityId={communityId}
              value={values.zoneId}
              onChange={(zoneId) => setFilters({ zoneId })}
            />
          </Form.Item>
        </Form>
      </section>
      <section className="panel" aria-label={t('buildings.title')} aria-busy={buildings.isFetching}>
        {buildings.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : buildings.error ? (
          <LoadError error={buildings.error} onRetry={() => void buildings.refetch()} />
        ) : shown.length === 0 ? (
          <Empty description={t('registry.empty')} />
        ) : (
          <>
            <p className="list-count" aria-live="polite">
              {t('registry.count', { count: shown.length })}
            </p>
            {desktop ? (
              <BuildingTable buildings={shown} zones={zones} />
            ) : (
              <BuildingCards buildings={shown} zones={zones} />
            )}
          </>
        )}
      </section>
    </div>
  );
}
