import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LIVE_RESYNC } from '../../../shared/api/live-events.ts';
import { TESTING_ROUND, TESTING_SAMPLES, type TTestingRound } from '../../../shared/api/testing-rounds.ts';
import { useSitePlan } from '../../api/registry.ts';
import { testingRoundsKey, useTestingRounds } from '../../api/testing-rounds.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLiveEvents } from '../../lib/useLiveEvents.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { NewRoundForm } from './NewRoundForm.tsx';
import { canManageTesting, canSeeTesting } from './testing-access.ts';
import '../../styles/testing-rounds.css';

export const STATUS_COLOURS = {
  draft: 'default',
  published: 'blue',
  running: 'green',
  finished: 'purple',
} as const;

export function TestingRoundsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('testingRounds.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeTesting(membership.roles)) return <Forbidden />;
  return (
    <Rounds
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
      canManage={canManageTesting(membership.roles)}
    />
  );
}

function Rounds({
  communityId,
  timeZone,
  canManage,
}: {
  communityId: string;
  timeZone: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const rounds = useTestingRounds(communityId);
  const site = useSitePlan(communityId);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: testingRoundsKey(communityId) });
  useLiveEvents(communityId, {
    [TESTING_ROUND]: refresh,
    [TESTING_SAMPLES]: refresh,
    [LIVE_RESYNC]: refresh,
  });

  if (rounds.error) return <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  return (
    <div className="page testing-page">
      <h1 className="page-title">{t('testingRounds.title')}</h1>
      {canManage &&
        (creating && site.data ? (
          <NewRoundForm
            communityId={communityId}
            timeZone={timeZone}
            site={site.data}
            onCreated={(round) => navigate(`/testing/rounds/${round.id}`)}
          />
        ) : (
          <Button
            type="primary"
            size="large"
            block
            className="testing-big-button"
            icon={<PlusOutlined aria-hidden />}
            loading={creating && site.isPending}
            onClick={() => setCreating(true)}
          >
            {t('testingRounds.newRound')}
          </Button>
        ))}
      {canManage && (
        <Link to="/testing/what-if" className="testing-report-link">
          {t('testingWhatIf.link')} <RightOutlined aria-hidden />
        </Link>
      )}
      <section className="panel" aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t('testingRounds.rounds')}</h2>
        {rounds.isPending ? (
          <Skeleton active />
        ) : rounds.data.length === 0 ? (
          <p>{t('testingRounds.noRounds')}</p>
        ) : (
          <ul className="testing-round-list">
            {rounds.data.map((round) => (
              <RoundItem key={round.id} round={round} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function RoundItem({ round }: { round: TTestingRound }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link className="testing-round-link" to={`/testing/rounds/${round.id}`}>
        <span className="testing-round-main">
          <span className="testing-round-title">{round.title}</span>
          <Tag color={STATUS_COLOURS[round.status]}>{t(`testingRounds.status.${round.status}`)}</Tag>
        </span>
        <span className="testing-round-meta">
          {t('testingRounds.startsAt', { day: round.day, time: round.startTime })}
        </span>
        <span className="testing-round-meta">{t('testingRounds.figures', round.figures)}</span>
        <RightOutlined aria-hidden className="testing-round-arrow" />
      </Link>
    </li>
  );
}
