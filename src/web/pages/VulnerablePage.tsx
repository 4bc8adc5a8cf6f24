import { PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VulnerabilityFlag } from '../../shared/registry.ts';
import { type ResidentFilters, useAllVulnerableResidents } from '../api/residents.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { RevealSwitch } from '../components/registry/RevealSwitch.tsx';
import { canEditRegistry, canSeeRegistry } from '../lib/access.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useSearchFilters } from '../lib/useSearchFilters.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import { ResidentFilterForm } from './residents/ResidentFilterForm.tsx';
import { groupByBuilding, VulnerableGroups } from './vulnerable/VulnerableGroups.tsx';

const FILTERS = ['zoneId', 'buildingId', 'flag'] as const;

export function VulnerablePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('vulnerable.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeRegistry(membership.roles)) return <Forbidden />;
  return (
    <VulnerableList
      key={membership.communityId}
      communityId={membership.communityId}
      communityName={membership.communityName}
      canReveal={canEditRegistry(membership.roles)}
    />
  );
}

interface ListProps {
  communityId: string;
  communityName: string;
  canReveal: boolean;
}

function VulnerableList({ communityId, communityName, canReveal }: ListProps) {
  const { t } = useTranslation();
  const { values, setFilters } = useSearchFilters(FILTERS);
  const [reveal, setReveal] = useState(false);
  const filters: ResidentFilters = useMemo(
    () => ({ ...values, flag: values.flag as VulnerabilityFlag | undefined }),
    [values],
  );
  const residents = useAllVulnerableResidents(communityId, filters, reveal);
  const groups = useMemo(() => groupByBuilding(residents.data ?? []), [residents.data]);

  return (
    <div className="page">
      <div className="page-head">
        <h1 className="page-title">
          {/* On paper the compound's name matters: the sheet may leave the office. */}
          <span className="print-only">{communityName} </span>
          {t('vulnerable.title')}
        </h1>
        <div className="page-actions no-print">
          <Button
            icon={<PrinterOutlined aria-hidden />}
            onClick={() => window.print()}
            disabled={!groups.length}
          >
            {t('vulnerable.print')}
          </Button>
        </div>
      </div>
      <p className="page-note no-print">{t('vulnerable.intro')}</p>
      <ResidentFilterForm
        communityId={communityId}
        values={values}
        onChange={setFilters}
        withSearch={false}
      />
      {canReveal && (
        <div className="no-print">
          <RevealSwitch checked={reveal} onChange={setReveal} loading={reveal && residents.isFetching} />
        </div>
      )}
      <section
        className="panel vulnerable-panel"
        aria-label={t('vulnerable.title')}
        aria-busy={residents.isFetching}
      >
        {residents.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : residents.error && !residents.data ? (
          <LoadError error={residents.error} onRetry={() => void residents.refetch()} />
        ) : groups.length === 0 ? (
          <Empty description={t('registry.empty')} />
        ) : (
          <>
            <p className="list-count" aria-live="polite">
              {t('vulnerable.summary', { total: residents.data.length, buildings: groups.length })}
            </p>
            <VulnerableGroups groups={groups} />
          </>
        )}
      </section>
    </div>
  );
}
