import { LeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, InputNumber, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LIVE_RESYNC } from '../../../shared/api/live-events.ts';
import { TESTING_QUEUES, type TGateQueue, type TLaneAdvice } from '../../../shared/api/testing-live.ts';
import { errorMessage } from '../../api/client.ts';
import { recordQueueCount, testingLiveKey, useLaneAdvice } from '../../api/testing-live.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLiveEvents } from '../../lib/useLiveEvents.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { formatClock } from './live-format.ts';
import { canScanTesting } from './scan-access.ts';
import '../../styles/testing-rounds.css';
import '../../styles/testing-live.css';

/** /testing/rounds/:roundId/gate: the phone of the volunteer counting the queue at a gate. */
export function TestingGatePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('testingLive.gateTitle'));
  const { membership } = useCommunity();
  const { roundId = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!canScanTesting(membership.roles)) return <Forbidden />;
  return (
    <GateLoader
      key={`${membership.communityId}/${roundId}`}
      communityId={membership.communityId}
      roundId={roundId}
      timeZone={membership.timezone}
    />
  );
}

/** Refetches the round's live figures when a queue or the lanes change anywhere on the site. */
export function useLiveQueues(communityId: string, roundId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: testingLiveKey(communityId, roundId) });
  useLiveEvents(communityId, {
    [TESTING_QUEUES]: (data) => (data as { roundId?: string } | null)?.roundId === roundId && refresh(),
    // samples move the throughput and the residents still to come
    'testing.samples': (data) => (data as { roundId?: string } | null)?.roundId === roundId && refresh(),
    [LIVE_RESYNC]: refresh,
  });
}

const gateKey = (roundId: string) => `linli.testing.gate.${roundId}`;

function GateLoader(props: { communityId: string; roundId: string; timeZone: string }) {
  const { t } = useTranslation();
  const advice = useLaneAdvice(props.communityId, props.roundId);
  useLiveQueues(props.communityId, props.roundId);
  const [chosen, setChosen] = useState(() => localStorage.getItem(gateKey(props.roundId)));
  const body = () => {
    if (advice.isPending) return <Skeleton active />;
    if (advice.isError) return <LoadError error={advice.error} onRetry={() => advice.refetch()} />;
    const gates = advice.data.gates;
    const gate = gates.find((g) => g.gateId === chosen) ?? gates[0];
    if (!gate) return null;
    const choose = (id: string) => {
      localStorage.setItem(gateKey(props.roundId), id);
      setChosen(id);
    };
    return (
      <>
        {gates.length > 1 && (
          <fieldset className="gate-choice">
            <legend>{t('testingLive.gate')}</legend>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size="large"
              value={gate.gateId}
              onChange={(e) => choose(e.target.value)}
              options={gates.map((g) => ({ value: g.gateId, label: g.name }))}
            />
          </fieldset>
        )}
        <GateCounter key={gate.gateId} {...props} advice={advice.data} gateId={gate.gateId} />
      </>
    );
  };
  return (
    <div className="page gate-page">
      <Link to={`/testing/rounds/${props.roundId}`} className="testing-back">
        <LeftOutlined aria-hidden /> {t('testingLive.back')}
      </Link>
      <h1>{t('testingLive.gateTitle')}</h1>
      {body()}
    </div>
  );
}

function GateCounter(props: {
  communityId: string;
  roundId: string;
  timeZone: string;
  advice: TLaneAdvice;
  gateId: string;
}) {
  const { t, i18n } = useTranslation();
  const gate = props.advice.gates.find((g) => g.gateId === props.gateId)!;
  // taps on their way to the server show at once; the newest answer (by the server's time) is the base
  const [pending, setPending] = useState(0);
  const [answer, setAnswer] = useState<TGateQueue | null>(null);
  const [typed, setTyped] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const newest = answer && (answer.queueAt ?? '') >= (gate.queueAt ?? '') ? answer : gate;
  const shown = Math.max(0, newest.queue + pending);
  const live = props.advice.status === 'published' || props.advice.status === 'running';

  const send = (body: { delta: number } | { queue: number }) => {
    const step = 'delta' in body ? body.delta : 0;
    setPending((p) => p + step);
    // every tap is its own request with its own answer (a mutation hook answers only the last)
    recordQueueCount(props.communityId, props.roundId, props.gateId, body)
      .then((next) => {
        setAnswer((prev) => (prev && (prev.queueAt ?? '') > (next.queueAt ?? '') ? prev : next));
        setProblem(null);
      })
      .catch((error: unknown) => setProblem(errorMessage(error)))
      .finally(() => setPending((p) => p - step));
  };

  return (
    <section className="panel gate-counter" aria-labelledby="gate-queue-label">
      {!live && <Alert type="warning" showIcon title={t('testingLive.notLive')} />}
      <p id="gate-queue-label" className="gate-counter-label">
        {t('testingLive.queueNow', { gate: gate.name })}
      </p>
      <output className="gate-counter-number" aria-live="polite" aria-labelledby="gate-queue-label">
        {shown}
      </output>
      <p className="gate-counter-meta">
        {gate.queueAt
          ? t('testingLive.updatedAt', {
              time: formatClock(newest.queueAt ?? gate.queueAt, props.timeZone, i18n.language),
            })
          : t('testingLive.neverCounted')}
        {' · '}
        {t('testingLive.lanesCount', { count: gate.lanes })}
      </p>
      <div className="gate-counter-buttons">
        <Button
          className="gate-step"
          aria-label={t('testingLive.minus')}
          disabled={!live || shown === 0}
          onClick={() => send({ delta: -1 })}
        >
          −
        </Button>
        <Button
          className="gate-step"
          type="primary"
          aria-label={t('testingLive.plus')}
          disabled={!live}
          onClick={() => send({ delta: 1 })}
        >
          +
        </Button>
      </div>
      {problem && <Alert type="error" showIcon title={problem} />}
      <form
        className="gate-typed"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed !== null) send({ queue: typed });
          setTyped(null);
        }}
      >
        <label htmlFor="gate-typed-number">{t('testingLive.typeNumber')}</label>
        <div className="gate-typed-row">
          <InputNumber
            id="gate-typed-number"
            min={0}
            max={100000}
            precision={0}
            inputMode="numeric"
            size="large"
            placeholder={t('testingLive.typeNumberHint')}
            value={typed}
            onChange={(v) => setTyped(typeof v === 'number' ? v : null)}
            disabled={!live}
          />
          <Button htmlType="submit" size="large" disabled={!live || typed === null}>
            {t('testingLive.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
