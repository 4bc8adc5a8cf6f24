import { DownloadOutlined, LeftOutlined } from '@ant-design/icons';
import { App, Button, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TRoundReport } from '../../../shared/api/testing-report.ts';
import { errorMessage } from '../../api/client.ts';
import { downloadRoundReport, useRoundReport } from '../../api/testing-report.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { canManageTesting } from './testing-access.ts';
import { Duration } from './WhatIfResults.tsx';
import '../../styles/testing-rounds.css';
import '../../styles/testing-whatif.css';

/** /testing/rounds/:roundId/report: what the round took, lane by lane, against earlier rounds. */
export function RoundReportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('testingReport.title'));
  const { membership } = useCommunity();
  const { roundId = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!canManageTesting(membership.roles)) return <Forbidden />;
  return <Report communityId={membership.communityId} roundId={roundId} timeZone={membership.timezone} />;
}

function Report({
  communityId,
  roundId,
  timeZone,
}: {
  communityId: string;
  roundId: string;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const report = useRoundReport(communityId, roundId);
  if (report.error) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const r = report.data;
  const time = (iso: string | null) =>
    iso ? formatDateTime(iso, timeZone, currentLocale()) : t('testingReport.none');
  const download = async () => {
    setDownloading(true);
    try {
      await downloadRoundReport(communityId, roundId);
    } catch (error) {
      void message.error(t('testingReport.downloadFailed', { message: errorMessage(error) }));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <div className="page testing-page report-page">
      <Link to={`/testing/rounds/${roundId}`} className="testing-back">
        <LeftOutlined aria-hidden /> {t('testingReport.back')}
      </Link>
      <h1 className="page-title">
        {t('testingReport.title')} · {r.round.title}
      </h1>
      <Button
        size="large"
        block
        icon={<DownloadOutlined aria-hidden />}
        loading={downloading}
        onClick={download}
      >
        {t('testingReport.download')}
      </Button>
      <section className="panel" aria-labelledby="report-summary">
        <h2 id="report-summary">{t('testingReport.summary')}</h2>
        {r.round.start === null && <p>{t('testingReport.noData')}</p>}
        <dl className="report-figures">
          <dt>{t('testingReport.start')}</dt>
          <dd>{time(r.round.start)}</dd>
          <dt>{t('testingReport.end')}</dt>
          <dd>{time(r.round.end)}</dd>
          <dt>{t('testingReport.duration')}</dt>
          <dd>
            {r.round.durationMinutes === null ? (
              t('testingReport.none')
            ) : (
              <Duration seconds={r.round.durationMinutes * 60} />
            )}
          </dd>
          <dt>{t('testingReport.tested')}</dt>
          <dd>{t('testingReport.testedValue', r.tested)}</dd>
          <dt>{t('testingReport.perLaneHour')}</dt>
          <dd>
            {r.round.perLaneHour === null
              ? t('testingReport.none')
              : t('testingReport.perLaneHourValue', { n: r.round.perLaneHour })}
          </dd>
          <dt>{t('testingReport.idle')}</dt>
          <dd>{t('testingReport.idleValue', { n: r.idleLaneMinutes })}</dd>
          <dt>{t('testingReport.switchCount')}</dt>
          <dd>{t('testingReport.switchCountValue', { n: r.switches.length })}</dd>
        </dl>
        <p className="report-note">{t('testingReport.idleExplain')}</p>
      </section>
      <LaneTable report={r} />
      <section className="panel" aria-labelledby="report-queues">
        <h2 id="report-queues">{t('testingReport.queues')}</h2>
        <ul className="report-list">
          {r.queues.map((q) => (
            <li key={q.gateId}>
              {q.at === null ? (
                t('testingReport.noQueue', { gate: q.name })
              ) : (
                <>
                  {t('testingReport.queueLine', { gate: q.name, n: q.longest, limit: q.crowdLimit })}
                  {t('testingReport.queueAt', { time: time(q.at) })}
                  {q.longest > q.crowdLimit && <Tag color="red">{t('testingReport.overLimit')}</Tag>}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="report-switches">
        <h2 id="report-switches">{t('testingReport.switches')}</h2>
        {r.switches.length === 0 ? (
          <p>{t('testingReport.noSwitches')}</p>
        ) : (
          <ul className="report-list">
            {r.switches.map((s) => (
              <li key={`${s.at}-${s.from}-${s.to}`}>
                {t('testingReport.switchLine', { ...s, time: time(s.at) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Comparison report={r} time={time} />
    </div>
  );
}

function LaneTable({ report }: { report: TRoundReport }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="report-lanes">
      <h2 id="report-lanes">{t('testingReport.lanes')}</h2>
      <div className="report-table-wrap">
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('testingReport.lane')}</th>
              <th scope="col">{t('testingReport.gates')}</th>
              <th scope="col" className="num">
                {t('testingReport.samples')}
              </th>
              <th scope="col" className="num">
                {t('testingReport.perHour')}
              </th>
              <th scope="col" className="num">
                {t('testingReport.idleMinutes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.lanes.map((l) => (
              <tr key={l.lane ?? l.gates[0]?.gateId ?? 'none'}>
                <th scope="row">
                  {l.lane === null ? t('testingReport.noLane') : t('testingReport.laneN', { n: l.lane })}
                </th>
                <td>{l.gates.map((g) => `${g.name} ${g.samples}`).join('、') || t('testingReport.none')}</td>
                <td className="num">{l.samples}</td>
                <td className="num">{l.perHour ?? t('testingReport.none')}</td>
                <td className="num">{l.idleMinutes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Comparison({ report, time }: { report: TRoundReport; time: (iso: string | null) => string }) {
  const { t } = useTranslation();
  const none = t('testingReport.none');
  const rows = [{ ...report.round, current: true }, ...report.earlier.map((e) => ({ ...e, current: false }))];
  return (
    <section className="panel" aria-labelledby="report-comparison">
      <h2 id="report-comparison">{t('testingReport.comparison')}</h2>
      {report.earlier.length === 0 && <p>{t('testingReport.noEarlier')}</p>}
      <div className="report-table-wrap">
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('testingReport.round')}</th>
              <th scope="col">{t('testingReport.duration')}</th>
              <th scope="col" className="num">
                {t('testingReport.tested')}
              </th>
              <th scope="col" className="num">
                {t('testingReport.perLaneHour')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.roundId}>
                <th scope="row">
                  {row.title}
                  {row.current && t('testingReport.thisRound')}
                  <div className="report-note">{time(row.start ?? row.startsAt)}</div>
                </th>
                <td>
                  {row.durationMinutes === null ? none : <Duration seconds={row.durationMinutes * 60} />}
                </td>
                <td className="num">{row.tested}</td>
                <td className="num">{row.perLaneHour ?? none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
