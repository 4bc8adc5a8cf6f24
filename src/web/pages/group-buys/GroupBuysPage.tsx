import { PlusOutlined } from '@ant-design/icons';
import { Empty, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useGroupBuys, useLiveGroupBuys } from '../../api/group-buys.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { GroupBuyCard } from './GroupBuyCard.tsx';
import { campaignOrder, canSeeGroupBuys } from './group-buys-format.ts';
import '../../styles/group-buys.css';

type State = 'active' | 'all';

/** /group-buys: the campaigns, open ones first, each with its items, total against minimum and stock. */
export function GroupBuysPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('groupBuys.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeGroupBuys(membership.roles)) return <Forbidden />;
  return (
    <Campaigns
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

function Campaigns({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>('active');
  const list = useGroupBuys(communityId, state);
  useLiveGroupBuys(communityId);
  const campaigns = [...(list.data?.groupBuys ?? [])].sort(campaignOrder);
  const manager = list.data?.canCreate ?? false;
  return (
    <div className="page gb-page">
      <div className="gb-head">
        <h1>{t('groupBuys.title')}</h1>
        {manager && (
          <Link to="/group-buys/new" className="button-link button-link-primary button-link-large">
            <PlusOutlined aria-hidden /> {t('groupBuys.new')}
          </Link>
        )}
      </div>
      <Segmented
        size="large"
        block
        value={state}
        onChange={(v) => setState(v as State)}
        aria-label={t('groupBuys.filter')}
        options={[
          { value: 'active', label: t('groupBuys.filterActive') },
          { value: 'all', label: t('groupBuys.filterAll') },
        ]}
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : campaigns.length === 0 ? (
        <Empty description={t('groupBuys.empty')} />
      ) : (
        <ul className="gb-list" aria-label={t('groupBuys.listLabel')}>
          {campaigns.map((c) => (
            <li key={c.id}>
              <GroupBuyCard summary={c} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
