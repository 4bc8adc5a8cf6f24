import { PushpinFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAnnouncements, useLiveAnnouncements } from '../../api/announcements.ts';
import { formatDateTime } from '../../lib/time.ts';
import '../../styles/announcements.css';

const SHOWN = 3;

/** The pinned and unread announcements, newest first, as links; nothing at all when there are none. */
export function LatestAnnouncements({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const list = useAnnouncements(communityId, false);
  useLiveAnnouncements(communityId);
  const shown = (list.data?.items ?? []).filter((a) => a.pinned || a.read === false).slice(0, SHOWN);
  if (shown.length === 0) return null;
  return (
    <section className="panel ann-home" aria-labelledby="ann-home-title" data-testid="home-announcements">
      <h2 id="ann-home-title">{t('announcements.home.title')}</h2>
      <ul>
        {shown.map((a) => (
          <li key={a.id} className={a.read === false ? 'is-unread' : undefined}>
            <Link to={`/announcements/${a.id}`}>
              {a.pinned && <PushpinFilled className="ann-pin" aria-label={t('announcements.pinned')} />}
              {a.title}
            </Link>
            <span className="ann-hint">{formatDateTime(a.publishedAt, timeZone, i18n.language)}</span>
            {a.critical && <Tag className="ann-tag ann-tag-critical">{t('announcements.critical')}</Tag>}
            {a.read === false && <Tag className="ann-tag ann-tag-unread">{t('announcements.unread')}</Tag>}
          </li>
        ))}
      </ul>
      <Link to="/announcements">{t('announcements.home.all')}</Link>
    </section>
  );
}
