import { DownloadOutlined, LeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TDailyReport } from '../../../shared/api/dashboard.ts';
import {
  type FigureRow,
  figureLabel,
  REPORT_SECTIONS,
  reportFigureLabels,
  reportFigureRows,
} from '../../../shared/i18n/report-figures.ts';
import type { Locale } from '../../../shared/roles.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { downloadDailyReport, useDailyReport, useLiveDailyReports } from '../../api/daily-reports.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { canMakeReports, canSeeReports } from '../street/street-format.ts';
import '../../styles/reports.css';

/** /reports/:day: one day's report as a printable A4 page (figures, events, open problems). */
export function DailyReportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.title'));
  const { membership } = useCommunity();
  const { day = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!canSeeReports(membership.roles)) return <Forbidden />;
  // Links into the features are for the committee; a street viewer has no such pages to open.
  return (
    <Report
      key={membership.communityId}
      communityId={membership.communityId}
      day={day}
      linked={canMakeReports(membership.roles)}
    />
  );
}

function figureText(row: FigureRow, report: TDailyReport, locale: Locale, minutes: (n: number) => string) {
  if (row.value === null) return '—';
  if (row.format === 'percent')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
      Number(row.value),
    );
  if (row.format === 'instant') return formatDateTime(String(row.value), report.figures.timeZone, locale);
  if (row.format === 'minutes') return minutes(Number(row.value));
  if (row.format === 'count') return formatCount(Number(row.value), locale);
  return String(row.value);
}

function Report({ communityId, day, linked }: { communityId: string; day: string; linked: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = currentLocale();
  useLiveDailyReports(communityId);
  const report = useDailyReport(communityId, day);
  const [downloading, setDownloading] = useState(false);
  const back = (
    <Link to="/reports" className="back-link no-print">
      <LeftOutlined aria-hidden /> {t('reports.doc.back')}
    </Link>
  );
  if (report.error instanceof ApiError && report.error.status === 404) {
    return (
      <div className="page">
        {back}
        <Result status="404" title={<h1 className="result-title">{t('reports.doc.notFound', { day })}</h1>} />
      </div>
    );
  }
  if (report.error) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const r = report.data;
  const timeZone = r.figures.timeZone;
  const rows = reportFigureRows(r.figures);
  const minutes = (n: number) => t('reports.doc.minutes', { count: n });
  const time = (iso: string) => formatDateTime(iso, timeZone, locale);
  const clock = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  const line = (text: string, link: string | null) => (linked && link ? <Link to={link}>{text}</Link> : text);
  return (
    <div className="page dr-page">
      <div className="dr-actions no-print">
        {back}
        <Button
          type="primary"
          size="large"
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => window.print()}
        >
          {t('reports.doc.print')}
        </Button>
        <Button
          size="large"
          icon={<DownloadOutlined aria-hidden />}
          loading={downloading}
          onClick={() => {
            setDownloading(true);
            downloadDailyReport(communityId, r.day)
              .catch((err) => void message.error(errorMessage(err)))
              .finally(() => setDownloading(false));
          }}
        >
          {t('reports.doc.download')}
        </Button>
      </div>
      <article className="dr-doc">
        <h1>{t('reports.doc.title', { name: r.figures.name })}</h1>
        <dl className="dr-doc-head">
          <dt>{t('reports.doc.day')}</dt>
          <dd>{r.day}</dd>
          <dt>{t('reports.doc.madeAt')}</dt>
          <dd>{time(r.generatedAt)}</dd>
          <dt>{t('reports.doc.how')}</dt>
          <dd>{t(`reports.trigger.${r.trigger}`)}</dd>
        </dl>
        <h2>{t('reports.doc.problems')}</h2>
        {r.problems.length === 0 ? (
          <p>{t('reports.doc.noProblems')}</p>
        ) : (
          <ul className="dr-problems">
            {r.problems.map((p) => (
              <li key={p.kind}>{line(p.text, p.link)}</li>
            ))}
          </ul>
        )}
        <h2>{t('reports.doc.figures')}</h2>
        <div className="dr-figures">
          {REPORT_SECTIONS.map((section) => {
            const inSection = rows.filter((row) => row.section === section);
            if (inSection.length === 0) return null;
            return (
              <div key={section}>
                <table className="dr-table">
                  <caption>{reportFigureLabels[locale].sections[section]}</caption>
                  <tbody>
                    {inSection.map((row) => (
                      <tr key={row.key}>
                        <th scope="row">{figureLabel(locale, row)}</th>
                        <td>{figureText(row, r, locale, minutes)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </div>
        <h2>{t('reports.doc.events')}</h2>
        {r.events.length === 0 ? (
          <p>{t('reports.doc.noEvents')}</p>
        ) : (
          <table className="dr-table dr-events">
            <thead>
              <tr>
                <th scope="col">{t('reports.doc.time')}</th>
                <th scope="col">{t('reports.doc.what')}</th>
              </tr>
            </thead>
            <tbody>
              {r.events.map((e) => (
                <tr key={`${e.at}-${e.kind}-${e.text}`}>
                  <td className="dr-time">{clock(e.at)}</td>
                  <td>{line(e.text, e.link)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </article>
    </div>
  );
}
