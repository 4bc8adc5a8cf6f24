import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LIVE_RESYNC } from '../../../shared/api/live-events.ts';
import { TESTING_ROUND, TESTING_SAMPLES, type TTestingRound } from '../../../shared/api/testing-rounds.ts';
import { testingRoundsKey, useRoundCoverage, useTestingRound } from '../../api/testing-rounds.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLiveEvents } from '../../lib/useLiveEvents.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { BuildingCoverage } from './BuildingCoverage.tsx';
import { CallDownPlan } from './CallDownPlan.tsx';
import { HomeVisitList } from './HomeVisitList.tsx';
import { MissingList } from './MissingList.tsx';
import { RoundLiveLinks } from './RoundLiveLinks.tsx';
import { STATUS_COLOURS } from './TestingRoundsPage.tsx';
import { canManageTesting, canSeeTesting } from './testing-access.ts';
import '../../styles/registry-detail.css';
import '../../styles/testing-rounds.css';

const PAGE_SIZE = 30;

/** An event about this round, or one that names no round (then it may be about any). */
const forThisRound = (data: unknown, roundId: string) => {
  const named = (data as { roundId?: unknown } | null)?.roundId;
  return named === undefined || named === roundId;
};

export function TestingRoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('testingRounds.title'));
  const { membership } = useCommunity();
  const { roundId = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!canSeeTesting(membership.roles)) return <Forbidden />;
  return (
    <Round
      key={`${membership.communityId}/${roundId}`}
      communityId={membership.communityId}
      roundId={roundId}
      timeZone={membership.timezone}
      canManage={canManageTesting(membership.roles)}
    />
  );
}

function Round(props: { communityId: string; roundId: string; timeZone: string; canManage: boolean }) {
  const { communityId, roundId } = props;
  const { t } = useTranslation();
  const [buildingId, setBuildingId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const round = useTestingRound(communityId, roundId);
  const coverage = useRoundCoverage(communityId, roundId, { buildingId, page, pageSize: PAGE_SIZE });
  const queryClient = useQueryClient();
  // a sample anywhere in the compound, or a change to this round, moves the figures
  const refresh = () => void queryClient.invalidateQueries({ queryKey: testingRoundsKey(communityId) });
  useLiveEvents(communityId, {
    [TESTING_SAMPLES]: (data) => forThisRound(data, roundId) && refresh(),
    [TESTING_ROUND]: (data) => forThisRound(data, roundId) && refresh(),
    [LIVE_RESYNC]: refresh,
  });

  const error = round.error ?? coverage.error;
  if (error)
    return (
      <LoadError error={error} onRetry={() => void Promise.all([round.refetch(), coverage.refetch()])} />
    );
  if (!round.data || !coverage.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const pick = (id: string | undefined) => {
    setBuildingId(id);
    setPage(1);
  };
  return (
    <div className="page testing-page">
      <Link to="/testing" className="testing-back">
        <LeftOutlined aria-hidden /> {t('testingRounds.back')}
      </Link>
      <div className="testing-round-head">
        <h1 className="page-title">{round.data.title}</h1>
        <Tag color={STATUS_COLOURS[round.data.status]}>{t(`testingRounds.status.${round.data.status}`)}</Tag>
      </div>
      <p className="testing-round-meta">
        {t('testingRounds.startsAt', { day: round.data.day, time: round.data.startTime })}
      </p>
      {props.canManage && (
        <Link to={`/testing/rounds/${roundId}/report`} className="testing-report-link">
          {t('testingReport.link')} <RightOutlined aria-hidden />
        </Link>
      )}
      <RoundLiveLinks roundId={roundId} />
      <CallDownPlan
        communityId={communityId}
        roundId={roundId}
        timeZone={props.timeZone}
        canManage={props.canManage}
      />
      <BuildingCoverage coverage={coverage.data} buildingId={buildingId} onPick={pick} />
      <MissingList
        communityId={communityId}
        roundId={roundId}
        missing={coverage.data.missing}
        canManage={props.canManage}
        onPage={setPage}
      />
      <HomeVisitList visits={coverage.data.homeVisits} timeZone={props.timeZone} />
      <RoundSettings round={round.data} />
    </div>
  );
}

function RoundSettings({ round }: { round: TTestingRound }) {
  const { t } = useTranslation();
  const gateName = (id: string) => round.gates.find((g) => g.gateId === id)?.name ?? '—';
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('testingRounds.settings')}</h2>
      <ul className="testing-settings">
        <li>
          {t('testingRounds.lanes')}: {round.lanes} ·{' '}
          {round.pooling === 1
            ? t('testingRounds.single')
            : t('testingRounds.poolingOption', { n: round.pooling })}
        </li>
        {round.gates.map((g) => (
          <li key={g.gateId}>
            {t('testingRounds.lanesAtGate', { gate: g.name, lanes: g.lanes, limit: g.crowdLimit })}
          </li>
        ))}
        {round.zones.map((z) => (
          <li key={z.zoneId}>{t('testingRounds.zoneUses', { zone: z.name, gate: gateName(z.gateId) })}</li>
        ))}
        <li>
          {t('testingRounds.serviceMean')}: {round.assumptions.serviceMeanSeconds} ·{' '}
          {t('testingRounds.switchSeconds')}: {round.assumptions.switchSeconds} ·{' '}
          {t('testingRounds.callInterval')}: {round.assumptions.callIntervalSeconds}
        </li>
      </ul>
    </section>
  );
}
