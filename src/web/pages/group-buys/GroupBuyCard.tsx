import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TGroupBuyItem, TGroupBuySummary } from '../../../shared/api/group-buys.ts';
import { formatDateTime } from '../../lib/time.ts';
import { formatFen, isShort, minimumPercent, STATUS_COLOURS } from './group-buys-format.ts';

/** A campaign's status as a coloured tag. */
export function GroupBuyStatusTag({ status }: { status: TGroupBuySummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag className={`gb-tag gb-status gb-tag-${STATUS_COLOURS[status]}`} data-status={status}>
      {t(`groupBuys.status.${status}`)}
    </Tag>
  );
}

/** The order window in the community's time zone: "2022/05/25 08:00 – 2022/05/26 20:00". */
export function WindowText({ summary, timeZone }: { summary: TGroupBuySummary; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="gb-window">
      {t('groupBuys.window', {
        opens: formatDateTime(summary.opensAt, timeZone, i18n.language),
        closes: formatDateTime(summary.closesAt, timeZone, i18n.language),
      })}
    </span>
  );
}

/** Running total against the supplier's minimum (起送), as a bar and in words. */
export function MinimumProgress({ summary }: { summary: TGroupBuySummary }) {
  const { t } = useTranslation();
  const percent = minimumPercent(summary);
  const words = summary.minimumTotalFen
    ? t('groupBuys.totalOfMinimum', {
        total: formatFen(summary.runningTotalFen),
        minimum: formatFen(summary.minimumTotalFen),
      })
    : t('groupBuys.totalNoMinimum', { total: formatFen(summary.runningTotalFen) });
  return (
    <div className="gb-progress" data-testid="gb-progress">
      <p>
        {words} · {t('groupBuys.households', { count: summary.households })}
      </p>
      {summary.minimumTotalFen !== null && (
        <Progress
          percent={percent}
          status={percent >= 100 ? 'success' : 'active'}
          aria-label={t('groupBuys.progressLabel')}
          format={(p) => `${p}%`}
        />
      )}
    </div>
  );
}

/** One item: price, stock (or unknown), ordered so far, limit; marked when orders exceed stock. */
export function ItemFacts({ item }: { item: TGroupBuyItem }) {
  const { t } = useTranslation();
  const facts = [
    t('groupBuys.price', { price: formatFen(item.priceFen), unit: item.unit }),
    item.stock === null
      ? t('groupBuys.stockUnknown')
      : t('groupBuys.stock', { count: item.stock, unit: item.unit }),
    t('groupBuys.ordered', { count: item.ordered, unit: item.unit }),
    ...(item.perHouseholdLimit
      ? [t('groupBuys.limit', { count: item.perHouseholdLimit, unit: item.unit })]
      : []),
    ...(item.allocated !== null
      ? [t('groupBuys.allocatedTotal', { count: item.allocated, unit: item.unit })]
      : []),
  ];
  return (
    <div className="gb-item-facts">
      <strong className="gb-item-name">{item.name}</strong>
      <span>{facts.join(' · ')}</span>
      {isShort(item) && <span className="gb-short">{t('groupBuys.overStock')}</span>}
    </div>
  );
}

/** A campaign in the list (and on a resident's home): what, how far, until when. */
export function GroupBuyCard({ summary, timeZone }: { summary: TGroupBuySummary; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <article className="gb-card" data-testid="gb-card" data-status={summary.status}>
      <header className="gb-card-head">
        <h2>
          <Link to={`/group-buys/${summary.id}`}>{summary.title}</Link>
        </h2>
        <GroupBuyStatusTag status={summary.status} />
      </header>
      <p className="gb-meta">
        <WindowText summary={summary} timeZone={timeZone} /> ·{' '}
        {t(`groupBuys.fulfilment.${summary.fulfilment}`)}
        {summary.myOrderId && <Tag className="gb-tag gb-tag-green">{t('groupBuys.myOrderPlaced')}</Tag>}
      </p>
      <ul className="gb-items">
        {summary.items.map((item) => (
          <li key={item.id}>
            <ItemFacts item={item} />
          </li>
        ))}
      </ul>
      <MinimumProgress summary={summary} />
    </article>
  );
}
