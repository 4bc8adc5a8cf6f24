import { LeftOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TLaneAdvice, TLaneSwitch, TLiveGate } from '../../../shared/api/testing-live.ts';
import { errorMessage } from '../../api/client.ts';
import { useApplyLaneSwitch, useLaneAdvice, useLaneSwitches } from '../../api/testing-live.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { formatClock, formatDuration } from './live-format.ts';
import { useLiveQueues } from './TestingGatePage.tsx';
import { canManageTesting, canSeeTesting } from './testing-access.ts';
import '../../styles/testing-rounds.css';
import '../../styles/testing-live.css';

/** /testing/rounds/:roundId/live: the leader's view of the gates, the advice and the lane history. */
export function TestingLivePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('testingLive.liveTitle'));
  const { membership } = useCommunity();
  const { roundId = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!canSeeTesting(membership.roles)) return <Forbidden />;
  return (
    <LiveQueues
      key={`${membership.communityId}/${roundId}`}
      communityId={membership.communityId}
      roundId={roundId}
      timeZone={membership.timezone}
      canSwitch={canManageTesting(membership.roles)}
    />
  );
}

interface Props {
  communityId: string;
  roundId: string;
  timeZone: string;
  canSwitch: boolean;
}

function LiveQueues(props: Props) {
  const { t } = useTranslation();
  const advice = useLaneAdvice(props.communityId, props.roundId);
  const switches = useLaneSwitches(props.communityId, props.roundId);
  useLiveQueues(props.communityId, props.roundId);
  const error = advice.error ?? switches.error;
  return (
    <div className="page live-queues-page">
      <Link to={`/testing/rounds/${props.roundId}`} className="testing-back">
        <LeftOutlined aria-hidden /> {t('testingLive.back')}
      </Link>
      <h1>{t('testingLive.liveTitle')}</h1>
      {error ? (
        <LoadError error={error} onRetry={() => void Promise.all([advice.refetch(), switches.refetch()])} />
      ) : !advice.data || !switches.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <AdvicePanel {...props} advice={advice.data} />
          <ul className="live-gates" aria-label={t('testingLive.gate')}>
            {advice.data.gates.map((g) => (
              <GateCard key={g.gateId} gate={g} />
            ))}
          </ul>
          <p className="live-note">
            {t(
              advice.data.forecastFrom === 'calls'
                ? 'testingLive.forecastCalls'
                : 'testingLive.forecastZones',
            )}{' '}
            {t('testingLive.pace', { rate: advice.data.perLanePerMinute })}
          </p>
          <LaneHistory items={switches.data} timeZone={props.timeZone} />
        </>
      )}
    </div>
  );
}

function AdvicePanel(props: Props & { advice: TLaneAdvice }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const apply = useApplyLaneSwitch(props.communityId, props.roundId);
  const { advice } = props;
  const name = (id: string) => advice.gates.find((g) => g.gateId === id)?.name ?? '—';
  const move = advice.move;
  const live = advice.status === 'published' || advice.status === 'running';
  return (
    <section className="panel live-advice" aria-labelledby="advice-heading">
      <h2 id="advice-heading">{t('testingLive.adviceTitle')}</h2>
      {move ? (
        <>
          <p className="live-advice-move">
            {t('testingLive.adviceMove', { from: name(move.fromGateId), to: name(move.toGateId) })}
          </p>
          {advice.remainingSeconds !== null && advice.remainingAfterMoveSeconds !== null && (
            <p>
              {t('testingLive.adviceGain', {
                after: formatDuration(t, advice.remainingAfterMoveSeconds),
                before: formatDuration(t, advice.remainingSeconds),
                switch: advice.switchSeconds,
              })}
            </p>
          )}
          {props.canSwitch && live && (
            <Button
              type="primary"
              size="large"
              className="testing-big-button"
              loading={apply.isPending}
              onClick={() =>
                apply.mutate(
                  { fromGateId: move.fromGateId, toGateId: move.toGateId, lanes: move.lanes },
                  {
                    onSuccess: (done) =>
                      void message.success(
                        t('testingLive.applied', {
                          from: done.laneSwitch.fromGate,
                          to: done.laneSwitch.toGate,
                          lanes: done.laneSwitch.lanes,
                        }),
                      ),
                  },
                )
              }
            >
              {t('testingLive.apply')}
            </Button>
          )}
        </>
      ) : (
        <p>{t('testingLive.adviceNone')}</p>
      )}
      {advice.remainingSeconds === null ? (
        <Alert type="warning" showIcon title={t('testingLive.adviceStuck')} />
      ) : (
        !move && (
          <p>
            {advice.remainingSeconds === 0
              ? t('testingLive.adviceAllDone')
              : t('testingLive.adviceRemaining', { duration: formatDuration(t, advice.remainingSeconds) })}
          </p>
        )
      )}
      {apply.isError && <Alert type="error" showIcon title={errorMessage(apply.error)} />}
    </section>
  );
}

function GateCard({ gate }: { gate: TLiveGate }) {
  const { t } = useTranslation();
  const over = gate.queue > gate.crowdLimit;
  return (
    <li className="panel live-gate">
      <div className="live-gate-head">
        <h2>{gate.name}</h2>
        <span className="live-gate-lanes">{t('testingLive.lanesCount', { count: gate.lanes })}</span>
      </div>
      <dl className="live-gate-figures">
        <div>
          <dt>{t('testingLive.queue')}</dt>
          <dd className={over ? 'live-over' : undefined}>{gate.queue}</dd>
        </div>
        <div>
          <dt>{t('testingLive.throughput')}</dt>
          <dd>{gate.servedLast10Minutes}</dd>
        </div>
        <div>
          <dt>{t('testingLive.toCome')}</dt>
          <dd>{gate.toCome}</dd>
        </div>
      </dl>
      <p className="live-gate-foot">
        {t('testingLive.crowdLimit', { limit: gate.crowdLimit })}
        {over && <Tag color="red">{t('testingLive.overLimit')}</Tag>}
        {' · '}
        {gate.remainingSeconds === null
          ? t('testingLive.gateStuck')
          : gate.remainingSeconds === 0
            ? t('testingLive.gateIdle')
            : t('testingLive.gateDone', { duration: formatDuration(t, gate.remainingSeconds) })}
      </p>
    </li>
  );
}

function LaneHistory({ items, timeZone }: { items: TLaneSwitch[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="lane-history-heading">
      <h2 id="lane-history-heading">{t('testingLive.history')}</h2>
      {items.length === 0 ? (
        <p>{t('testingLive.historyEmpty')}</p>
      ) : (
        <ol className="live-history">
          {items.map((s) => (
            <li key={s.id}>
              {t('testingLive.historyItem', {
                time: formatClock(s.appliedAt, timeZone, i18n.language),
                from: s.fromGate,
                to: s.toGate,
                lanes: s.lanes,
              })}
              {s.appliedBy && (
                <span className="live-history-by"> · {t('testingLive.by', { name: s.appliedBy })}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
