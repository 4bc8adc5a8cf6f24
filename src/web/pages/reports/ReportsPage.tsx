import { FileTextOutlined } from '@ant-design/icons';
import { App, Button, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useDailyReports, useLiveDailyReports, useMakeDailyReport } from '../../api/daily-reports.ts';
import { useCommunityPlace } from '../../api/street.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { isCoordinator } from '../../lib/access.ts';
import { formatDateTime, wallClock } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { canMakeReports, canSeeReports } from '../street/street-format.ts';
import { CommunityPlaceSetting } from './CommunityPlaceSetting.tsx';
import '../../styles/reports.css';

/** /reports: the compound's day reports, newest first; the committee can make today's now. */
export function ReportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeReports(membership.roles)) return <Forbidden />;
  return (
    <Reports
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
      canMake={canMakeReports(membership.roles)}
      canSetPlace={isCoordinator(membership.roles)}
    />
  );
}

interface Props {
  communityId: string;
  timeZone: string;
  canMake: boolean;
  canSetPlace: boolean;
}

function Reports({ communityId, timeZone, canMake, canSetPlace }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const locale = currentLocale();
  useLiveDailyReports(communityId);
  const reports = useDailyReports(communityId);
  const place = useCommunityPlace(communityId);
  const make = useMakeDailyReport(communityId);
  const makeToday = () => {
    const today = wallClock(new Date(), timeZone).day;
    make.mutate(today, {
      onSuccess: (report) => {
        void message.success(t('reports.made', { day: report.day }));
        navigate(`/reports/${report.day}`);
      },
      onError: (err) => void message.error(errorMessage(err)),
    });
  };
  return (
    <div className="page dr-page">
      <div className="page-head">
        <h1 className="page-title">{t('reports.title')}</h1>
        {canMake && (
          <div className="page-actions">
            <Button
              type="primary"
              size="large"
              icon={<FileTextOutlined aria-hidden />}
              loading={make.isPending}
              onClick={makeToday}
            >
              {t('reports.makeToday')}
            </Button>
          </div>
        )}
      </div>
      {place.data && (
        <p className="muted">{t('reports.schedule', { time: place.data.dailyReportTime, timeZone })}</p>
      )}
      <section className="panel" aria-labelledby="reports-history-heading">
        <h2 id="reports-history-heading">{t('reports.history')}</h2>
        {reports.error ? (
          <LoadError error={reports.error} onRetry={() => void reports.refetch()} />
        ) : !reports.data ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : reports.data.reports.length === 0 ? (
          <p>{t('reports.none')}</p>
        ) : (
          <ul className="dr-list">
            {reports.data.reports.map((r) => (
              <li key={r.day} className="dr-list-item">
                <Link to={`/reports/${r.day}`} className="dr-link">
                  <span className="dr-day">{r.day}</span>
                  <Tag color={r.trigger === 'scheduled' ? 'blue' : 'gold'}>
                    {t(`reports.trigger.${r.trigger}`)}
                  </Tag>
                  <span className="muted">
                    {t('reports.generatedAt', { time: formatDateTime(r.generatedAt, timeZone, locale) })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {canSetPlace && <CommunityPlaceSetting communityId={communityId} />}
    </div>
  );
}
