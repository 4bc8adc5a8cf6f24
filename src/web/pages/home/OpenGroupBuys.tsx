import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useGroupBuys } from '../../api/group-buys.ts';
import { formatDateTime } from '../../lib/time.ts';
import '../../styles/group-buys.css';

/** The group buys taking orders now, as links to order; nothing at all when none is open. */
export function OpenGroupBuys({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const open = useGroupBuys(communityId, 'open');
  const campaigns = open.data?.groupBuys ?? [];
  if (campaigns.length === 0) return null;
  return (
    <section className="panel gb-home" aria-labelledby="gb-home-title" data-testid="home-group-buys">
      <h2 id="gb-home-title">{t('groupBuys.home.title')}</h2>
      <ul>
        {campaigns.map((c) => (
          <li key={c.id}>
            <Link to={`/group-buys/${c.id}`}>{c.title}</Link>{' '}
            <span className="gb-hint">
              {t('groupBuys.home.closes', { closes: formatDateTime(c.closesAt, timeZone, i18n.language) })}
            </span>
            {c.myOrderId && <Tag className="gb-tag gb-tag-green">{t('groupBuys.myOrderPlaced')}</Tag>}
          </li>
        ))}
      </ul>
      <Link to="/group-buys">{t('groupBuys.home.all')}</Link>
    </section>
  );
}
