import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilters, useAuditLog } from '../api/audit.ts';
import { errorMessage } from '../api/client.ts';
import { LoadError } from '../components/LoadError.tsx';
import { canSeeAudit } from '../lib/access.ts';
import { endOfDayUtc, startOfDayUtc } from '../lib/time.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useIsDesktop } from '../lib/useIsDesktop.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { AuditCards } from './audit/AuditCards.tsx';
import { AuditFilterForm, type AuditFilterValues } from './audit/AuditFilterForm.tsx';
import { AuditTable } from './audit/AuditTable.tsx';
import { KNOWN_ACTIONS } from './audit/labels.ts';
import { NoCommunity } from './NoCommunity.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeAudit(membership.roles)) {
    return <Result status="403" title={<h1 className="result-title">{t('common.forbidden')}</h1>} />;
  }
  return (
    <AuditLog
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

function AuditLog({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(communityId, filters);
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);

  // The filter offers the actions the UI knows plus any others the log has shown.
  const actions = useMemo(
    () => [...new Set([...KNOWN_ACTIONS, ...entries.map((entry) => entry.action)])].sort(),
    [entries],
  );

  const apply = (values: AuditFilterValues) =>
    setFilters({
      action: values.action || undefined,
      from: values.from ? (startOfDayUtc(values.from, timeZone) ?? undefined) : undefined,
      to: values.to ? (endOfDayUtc(values.to, timeZone) ?? undefined) : undefined,
    });

  return (
    <div className="page">
      <h1 className="page-title">{t('audit.title')}</h1>
      <p className="page-note">{t('audit.timezoneNote', { timezone: timeZone })}</p>
      <AuditFilterForm actions={actions} onApply={apply} />
      <section className="panel" aria-label={t('audit.title')} aria-busy={log.isFetching}>
        {log.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : log.error && entries.length === 0 ? (
          <LoadError error={log.error} onRetry={() => void log.refetch()} />
        ) : entries.length === 0 ? (
          <Empty description={t('audit.empty')} />
        ) : (
          <>
            {desktop ? (
              <AuditTable entries={entries} timeZone={timeZone} />
            ) : (
              <AuditCards entries={entries} timeZone={timeZone} />
            )}
            <div className="load-more">
              {log.isFetchNextPageError && (
                <Alert type="error" showIcon role="alert" title={errorMessage(log.error)} />
              )}
              {log.hasNextPage ? (
                <Button
                  onClick={() => void log.fetchNextPage()}
                  loading={log.isFetchingNextPage}
                  size="large"
                >
                  {log.isFetchingNextPage ? t('audit.loadingMore') : t('audit.loadMore')}
                </Button>
              ) : (
                <span className="page-note">{t('audit.allShown')}</span>
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
