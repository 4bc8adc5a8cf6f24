import { FileExcelOutlined, LeftOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TGroupBuyDetail } from '../../../shared/api/group-buys.ts';
import { distributionXlsxUrl, supplierXlsxUrl, useGroupBuy, useLiveGroupBuys } from '../../api/group-buys.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useNow } from '../../lib/useNow.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { GroupBuyStatusTag, ItemFacts, MinimumProgress, WindowText } from './GroupBuyCard.tsx';
import { canSeeGroupBuys } from './group-buys-format.ts';
import { ManagePanel } from './ManagePanel.tsx';
import { MyOrderPanel } from './MyOrderPanel.tsx';
import { OrdersPanel } from './OrdersPanel.tsx';
import { ProxyOrderPanel } from './ProxyOrderPanel.tsx';
import '../../styles/group-buys.css';

/** /group-buys/:id: a campaign, its fair-allocation rule, my household's order and the group's work. */
export function GroupBuyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('groupBuys.detail.title'));
  const { membership } = useCommunity();
  const { groupBuyId = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!canSeeGroupBuys(membership.roles)) return <Forbidden />;
  return (
    <Campaign
      key={`${membership.communityId}/${groupBuyId}`}
      communityId={membership.communityId}
      groupBuyId={groupBuyId}
      timeZone={membership.timezone}
    />
  );
}

interface CampaignProps {
  communityId: string;
  groupBuyId: string;
  timeZone: string;
  /** has a household to order for */
}

function Campaign({ communityId, groupBuyId, timeZone }: CampaignProps) {
  const { t } = useTranslation();
  const query = useGroupBuy(communityId, groupBuyId);
  useLiveGroupBuys(communityId);
  const now = useNow(30_000);
  useDocumentTitle(query.data?.title ?? t('groupBuys.detail.title'));
  return (
    <div className="page gb-page gb-campaign">
      <Link to="/group-buys" className="gb-back">
        <LeftOutlined aria-hidden /> {t('groupBuys.back')}
      </Link>
      {query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <CampaignBody communityId={communityId} detail={query.data} timeZone={timeZone} now={now} />
      )}
    </div>
  );
}

function CampaignBody({
  communityId,
  detail,
  timeZone,
  now,
}: {
  communityId: string;
  detail: TGroupBuyDetail;
  timeZone: string;
  now: number;
}) {
  const { t } = useTranslation();
  const works = detail.can.markPaid || detail.can.distribute || detail.can.manage;
  const closed = detail.status !== 'open' && detail.status !== 'failed' && detail.status !== 'cancelled';
  return (
    <>
      <header className="gb-campaign-head">
        <h1>{detail.title}</h1>
        <GroupBuyStatusTag status={detail.status} />
      </header>
      <section className="panel gb-facts" aria-label={t('groupBuys.detail.facts')}>
        <p>
          <WindowText summary={detail} timeZone={timeZone} /> ·{' '}
          {t(`groupBuys.fulfilment.${detail.fulfilment}`)}
        </p>
        <p>
          {t('groupBuys.detail.supplier', { name: detail.supplierName })}
          {detail.supplierContact ? ` · ${detail.supplierContact}` : ''}
        </p>
        {detail.note && <p className="gb-note">{detail.note}</p>}
        <ul className="gb-items">
          {detail.items.map((item) => (
            <li key={item.id}>
              <ItemFacts item={item} />
            </li>
          ))}
        </ul>
        <MinimumProgress summary={detail} />
      </section>
      <section className="panel gb-rule" aria-labelledby="gb-rule-title" data-testid="gb-rule">
        <h2 id="gb-rule-title">{t('groupBuys.rule.title')}</h2>
        <p>{t('groupBuys.rule.text')}</p>
        <p>
          {detail.allocationSeed
            ? t('groupBuys.rule.seed', { seed: detail.allocationSeed })
            : t('groupBuys.rule.seedLater')}
        </p>
      </section>
      {detail.status === 'failed' && <p className="panel gb-failed">{t('groupBuys.detail.failed')}</p>}
      {(detail.can.orderOwn || detail.myOrder) && (
        <MyOrderPanel communityId={communityId} detail={detail} timeZone={timeZone} now={now} />
      )}
      {detail.can.orderForOthers && detail.status === 'open' && now < Date.parse(detail.closesAt) && (
        <ProxyOrderPanel communityId={communityId} detail={detail} />
      )}
      {detail.can.manage && <ManagePanel communityId={communityId} detail={detail} />}
      {works && closed && (
        <nav className="panel gb-links" aria-label={t('groupBuys.detail.linksLabel')}>
          <Link to={`/group-buys/${detail.id}/distribution`} className="button-link button-link-large">
            <UnorderedListOutlined aria-hidden /> {t('groupBuys.detail.distribution')}
          </Link>
          <a
            href={distributionXlsxUrl(communityId, detail.id)}
            download
            className="button-link button-link-large"
          >
            <FileExcelOutlined aria-hidden /> {t('groupBuys.detail.distributionXlsx')}
          </a>
          <a
            href={supplierXlsxUrl(communityId, detail.id)}
            download
            className="button-link button-link-large"
          >
            <FileExcelOutlined aria-hidden /> {t('groupBuys.detail.supplierXlsx')}
          </a>
        </nav>
      )}
      {detail.can.markPaid && <OrdersPanel communityId={communityId} detail={detail} />}
    </>
  );
}
