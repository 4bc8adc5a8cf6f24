import { Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeadLetters, useNoticeGateway } from '../../api/notice-settings.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { DeadLetters } from './DeadLetters.tsx';
import { GatewayForm } from './GatewayForm.tsx';
import { canManageNotices } from './notice-access.ts';
import '../../styles/notice-settings.css';

export function NoticeAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('noticeAdmin.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canManageNotices(membership.roles)) {
    return <Result status="403" title={<h1 className="result-title">{t('common.forbidden')}</h1>} />;
  }
  return (
    <NoticeAdmin
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

function NoticeAdmin({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const gateway = useNoticeGateway(communityId);
  const dead = useDeadLetters(communityId, currentLocale());
  const counts = dead.data?.counts ?? [];
  return (
    <div className="page notice-admin">
      <h1 className="page-title">{t('noticeAdmin.title')}</h1>
      <p className="page-note">{t('noticeAdmin.intro')}</p>
      {gateway.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : gateway.error ? (
        <LoadError error={gateway.error} onRetry={() => void gateway.refetch()} />
      ) : (
        <GatewayForm communityId={communityId} timeZone={timeZone} saved={gateway.data} />
      )}
      <section className="panel" aria-labelledby="notice-queue-title" data-testid="outbox-counts">
        <h2 id="notice-queue-title">{t('noticeAdmin.counts.title')}</h2>
        {dead.data && counts.length === 0 && <p>{t('noticeAdmin.counts.empty')}</p>}
        <ul className="notice-counts">
          {counts.map((c) => (
            <li key={c.channel}>
              <span className="notice-counts-channel">
                {t(`noticeAdmin.channel.${c.channel}`, { defaultValue: c.channel })}
              </span>
              <span>{t('noticeAdmin.counts.pending', { count: c.pending })}</span>
              <span className={c.dead > 0 ? 'notice-counts-dead' : undefined}>
                {t('noticeAdmin.counts.dead', { count: c.dead })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="dead-letters-title" aria-busy={dead.isFetching}>
        <h2 id="dead-letters-title">{t('noticeAdmin.dead.title')}</h2>
        {dead.isPending ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : dead.error && !dead.data ? (
          <LoadError error={dead.error} onRetry={() => void dead.refetch()} />
        ) : (
          <DeadLetters communityId={communityId} timeZone={timeZone} items={dead.data.items} />
        )}
      </section>
    </div>
  );
}
