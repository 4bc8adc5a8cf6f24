import { PictureOutlined, PushpinFilled } from '@ant-design/icons';
import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAnnouncementSummary } from '../../../shared/api/announcements.ts';
import type { Locale } from '../../../shared/roles.ts';
import { formatDateTime } from '../../lib/time.ts';
import { audienceText } from './announcements-format.ts';

/** Pinned, urgent, expired, withdrawn, unread, not public: the tags an announcement carries. */
export function AnnouncementTags({ a }: { a: TAnnouncementSummary }) {
  const { t } = useTranslation();
  return (
    <span className="ann-tags">
      {a.pinned && (
        <Tag className="ann-tag ann-tag-pinned" icon={<PushpinFilled aria-hidden />}>
          {t('announcements.pinned')}
        </Tag>
      )}
      {a.critical && <Tag className="ann-tag ann-tag-critical">{t('announcements.critical')}</Tag>}
      {a.read === false && <Tag className="ann-tag ann-tag-unread">{t('announcements.unread')}</Tag>}
      {a.status === 'withdrawn' && <Tag className="ann-tag">{t('announcements.withdrawn')}</Tag>}
      {a.expired && <Tag className="ann-tag">{t('announcements.expired')}</Tag>}
      {a.reach && !a.isPublic && <Tag className="ann-tag">{t('announcements.notPublic')}</Tag>}
      {a.hasImage && (
        <Tag className="ann-tag" icon={<PictureOutlined aria-hidden />}>
          {t('announcements.withImage')}
        </Tag>
      )}
    </span>
  );
}

/** Who it went to, when, until when: one line under the title. */
export function AnnouncementMeta({ a, timeZone }: { a: TAnnouncementSummary; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const time = formatDateTime(a.publishedAt, timeZone, locale);
  return (
    <p className="ann-meta">
      <span>
        {a.publishedByName
          ? t('announcements.publishedBy', { name: a.publishedByName, time })
          : t('announcements.published', { time })}
      </span>
      <span>{audienceText(t, locale, a)}</span>
      {a.expiresAt && (
        <span>{t('announcements.expires', { time: formatDateTime(a.expiresAt, timeZone, locale) })}</span>
      )}
    </p>
  );
}

/** One announcement in the list: bold while unread, with its first lines and, for publishers, who read it. */
export function AnnouncementCard({ a, timeZone }: { a: TAnnouncementSummary; timeZone: string }) {
  const { t } = useTranslation();
  const unread = a.read === false;
  const percent = a.reach && a.reach.reached > 0 ? Math.round((a.reach.read / a.reach.reached) * 100) : 0;
  return (
    <article
      className={`ann-card${unread ? ' is-unread' : ''}${a.pinned ? ' is-pinned' : ''}${a.critical ? ' is-critical' : ''}`}
      data-testid="ann-card"
      data-status={a.status}
    >
      <header className="ann-card-head">
        <h2>
          <Link to={`/announcements/${a.id}`}>{a.title}</Link>
        </h2>
        <AnnouncementTags a={a} />
      </header>
      <AnnouncementMeta a={a} timeZone={timeZone} />
      <p className="ann-preview">{a.preview}</p>
      {a.reach && (
        <div className="ann-reach">
          <span>{t('announcements.reach', a.reach)}</span>
          <Progress percent={percent} size="small" aria-label={t('announcements.reachLabel')} />
        </div>
      )}
    </article>
  );
}
