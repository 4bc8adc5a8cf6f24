import { LoginOutlined, PrinterOutlined, PushpinFilled } from '@ant-design/icons';
import { Button, Empty, Result, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TPublicAnnouncement } from '../../../shared/api/announcements.ts';
import type { Locale } from '../../../shared/roles.ts';
import { usePublicNotices } from '../../api/announcements.ts';
import { ApiError } from '../../api/client.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { audienceText } from './announcements-format.ts';
import '../../styles/announcements.css';
import '../../styles/notice-board.css';

/**
 * /c/:slug/notices: the compound's notice board for residents without an account (behind the QR code
 * on each building's board). No sign-in, no app shell, large type; prints on A4.
 */
export function PublicNoticesPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const notices = usePublicNotices(slug);
  const community = notices.data?.communityName ?? '';
  useDocumentTitle(community ? t('announcements.public.pageTitle', { community }) : t('announcements.title'));
  const locale = i18n.language as Locale;

  let body: ReactNode;
  if (notices.isPending) body = <PageLoading />;
  else if (notices.error instanceof ApiError && notices.error.status === 404) {
    body = (
      <Result status="404" title={<h1 className="result-title">{t('announcements.public.notFound')}</h1>} />
    );
  } else if (notices.error) body = <LoadError error={notices.error} onRetry={() => void notices.refetch()} />;
  else {
    const { items, timezone } = notices.data;
    body = (
      <>
        <section className="pub-intro">
          <p className="pub-community">{community}</p>
          <h1>{t('announcements.title')}</h1>
          <p className="no-print">{t('announcements.public.intro')}</p>
          <p className="print-only">
            {t('announcements.public.printedAt', {
              time: formatDateTime(new Date().toISOString(), timezone, locale),
            })}
          </p>
        </section>
        {items.length === 0 ? (
          <Empty description={t('announcements.public.empty')} />
        ) : (
          <ol className="pub-list" aria-label={t('announcements.listLabel')}>
            {items.map((a) => (
              <li key={a.id}>
                <PublicNotice a={a} timeZone={timezone} />
              </li>
            ))}
          </ol>
        )}
      </>
    );
  }

  return (
    <div className="login-page pub-page">
      <header className="login-header no-print">
        <span className="brand">
          <span lang="zh-CN">邻里</span> <span lang="en">Linli</span>
        </span>
        <span className="pub-header-actions">
          <Button
            size="large"
            icon={<PrinterOutlined aria-hidden />}
            onClick={() => window.print()}
            disabled={!notices.data?.items.length}
          >
            {t('announcements.public.print')}
          </Button>
          <LanguageSwitch />
        </span>
      </header>
      <main className="pub-main page">
        {body}
        <p className="no-print pub-sign-in">
          <Link to="/login" className="button-link button-link-large">
            <LoginOutlined aria-hidden /> {t('announcements.public.signIn')}
          </Link>
        </p>
      </main>
    </div>
  );
}

function PublicNotice({ a, timeZone }: { a: TPublicAnnouncement; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <article className={`pub-notice${a.critical ? ' is-critical' : ''}`} aria-labelledby={`pub-${a.id}`}>
      <h2 id={`pub-${a.id}`}>
        {a.pinned && <PushpinFilled className="pub-pin" aria-label={t('announcements.pinned')} />}
        {a.title}
      </h2>
      <p className="pub-meta">
        {a.critical && <Tag className="ann-tag ann-tag-critical">{t('announcements.critical')}</Tag>}
        <span>{t('announcements.published', { time: formatDateTime(a.publishedAt, timeZone, locale) })}</span>
        <span>{audienceText(t, locale, a)}</span>
        {a.expiresAt && (
          <span>{t('announcements.expires', { time: formatDateTime(a.expiresAt, timeZone, locale) })}</span>
        )}
      </p>
      {a.imagePath && (
        <img
          className="ann-image"
          src={a.imagePath}
          alt={t('announcements.detail.imageAlt', { title: a.title })}
        />
      )}
      <div className="pub-body">{a.body}</div>
    </article>
  );
}
