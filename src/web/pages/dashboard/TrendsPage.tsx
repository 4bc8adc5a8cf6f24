import { ArrowLeftOutlined } from '@ant-design/icons';
import { Segmented, Skeleton } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TTrends } from '../../../shared/api/dashboard.ts';
import { useTrends } from '../../api/dashboard.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { BuildingHeatMap } from './BuildingHeatMap.tsx';
import { canSeeDashboard, listOf } from './dashboard-format.ts';
import { TrendChart } from './TrendChart.tsx';
import { COLOURS, chartParts, dailyChart, type Named, roundsChart } from './trend-charts.ts';
import '../../styles/dashboard.css';

const RANGES = [7, 30, 90] as const;

/** /dashboard/trends (loaded on demand: the charts' library stays out of the main bundle). */
export function TrendsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dashboard.trends.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeDashboard(membership.roles)) return <Forbidden />;
  return <Trends key={membership.communityId} communityId={membership.communityId} />;
}

function Trends({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const trends = useTrends(communityId, days);
  return (
    <div className="page dash-trends">
      <Link to="/dashboard" className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('dashboard.back')}
      </Link>
      <h1 className="page-title">{t('dashboard.trends.title')}</h1>
      <p className="dash-line dash-quiet">{t('dashboard.trends.intro', { days })}</p>
      <Segmented
        size="large"
        value={days}
        onChange={(v) => setDays(Number(v))}
        aria-label={t('dashboard.trends.range')}
        options={RANGES.map((n) => ({ value: n, label: t('dashboard.trends.days', { count: n }) }))}
      />
      {trends.error && !trends.data ? (
        <LoadError error={trends.error} onRetry={() => void trends.refetch()} />
      ) : !trends.data ? (
        <div className="panel" aria-busy="true">
          <Skeleton active paragraph={{ rows: 10 }} />
        </div>
      ) : (
        <>
          <Charts trends={trends.data} />
          <BuildingHeatMap communityId={communityId} buildings={trends.data.buildings} />
        </>
      )}
    </div>
  );
}

function Charts({ trends }: { trends: TTrends }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const charts = useMemo(() => {
    const parcels: Named[] = [
      {
        name: t('dashboard.trends.received'),
        series: trends.parcels.received,
        kind: 'bar',
        colour: COLOURS.blue,
      },
      {
        name: t('dashboard.trends.cleared'),
        series: trends.parcels.cleared,
        kind: 'bar',
        colour: COLOURS.green,
      },
      {
        name: t('dashboard.trends.waitingAtEnd'),
        series: trends.parcels.waitingAtEnd,
        kind: 'line',
        colour: COLOURS.orange,
      },
    ];
    const hours: Named[] = [
      {
        name: t('dashboard.trends.hours'),
        series: trends.volunteerHours,
        kind: 'bar',
        colour: COLOURS.purple,
      },
    ];
    const medicine: Named[] = [
      {
        name: t('dashboard.trends.requests'),
        series: trends.medicine.requests,
        kind: 'bar',
        colour: COLOURS.blue,
      },
      {
        name: t('dashboard.trends.delivered'),
        series: trends.medicine.delivered,
        kind: 'bar',
        colour: COLOURS.green,
      },
      {
        name: t('dashboard.trends.medianHours'),
        series: trends.medicine.medianHoursToDelivery,
        kind: 'line',
        colour: COLOURS.orange,
        right: true,
      },
    ];
    // built once per answer: a new option object would redraw the chart on every render
    const options = {
      parcels: dailyChart(trends.days, parcels),
      hours: dailyChart(trends.days, hours),
      medicine: dailyChart(trends.days, medicine),
      rounds: roundsChart(trends.testingRounds, {
        minutes: t('dashboard.trends.durationMinutes'),
        tested: t('dashboard.trends.tested'),
      }),
    };
    return { parcels, hours, medicine, options };
  }, [trends, t]);
  const format = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  const say = {
    total: (name: string, total: string) => t('dashboard.trends.seriesTotal', { name, total }),
    last: (name: string, value: string) => t('dashboard.trends.seriesLast', { name, value }),
  };
  const sentence = (title: string, lines: Named[]) =>
    t('dashboard.trends.chartSummary', { title, parts: listOf(chartParts(lines, say, format), locale) });
  const rounds = trends.testingRounds;

  return (
    <div className="dash-charts">
      <ChartPanel id="parcels" title={t('dashboard.trends.parcelsTitle')}>
        <TrendChart
          testId="trend-parcels"
          option={charts.options.parcels}
          label={sentence(t('dashboard.trends.parcelsTitle'), charts.parcels)}
        />
      </ChartPanel>
      <ChartPanel id="hours" title={t('dashboard.trends.hoursTitle')}>
        <TrendChart
          testId="trend-hours"
          option={charts.options.hours}
          label={sentence(t('dashboard.trends.hoursTitle'), charts.hours)}
        />
      </ChartPanel>
      <ChartPanel id="rounds" title={t('dashboard.trends.roundsTitle')}>
        {rounds.length === 0 ? (
          <p className="dash-line dash-quiet">{t('dashboard.trends.noRounds')}</p>
        ) : (
          <TrendChart
            testId="trend-rounds"
            option={charts.options.rounds}
            label={t('dashboard.trends.chartSummary', {
              title: t('dashboard.trends.roundsTitle'),
              parts: listOf(
                rounds.map((r) => `${r.title} ${r.durationMinutes ?? '—'}`),
                locale,
              ),
            })}
          />
        )}
      </ChartPanel>
      <ChartPanel id="medicine" title={t('dashboard.trends.medicineTitle')}>
        <TrendChart
          testId="trend-medicine"
          option={charts.options.medicine}
          label={sentence(t('dashboard.trends.medicineTitle'), charts.medicine)}
        />
      </ChartPanel>
    </div>
  );
}

function ChartPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel dash-chart-panel" aria-labelledby={`trend-${id}-title`}>
      <h2 id={`trend-${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
