import { Alert, App, Button, Input, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCallDownGate, TCallDownPlan, TPlannedCall } from '../../../shared/api/testing-calls.ts';
import { errorMessage } from '../../api/client.ts';
import {
  useAdjustCallDown,
  useCallDownPlan,
  usePlanCallDown,
  usePublishCallDown,
} from '../../api/testing-calls.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { wallClock } from '../../lib/time.ts';
import '../../styles/testing-calls.css';

/**
 * The call-down plan (叫号) on the round page: leaders propose it, move a building's call time,
 * and publish it; everyone on the testing site sees the schedule per gate and who was told.
 */
export function CallDownPlan(props: {
  communityId: string;
  roundId: string;
  timeZone: string;
  canManage: boolean;
}) {
  const { communityId, roundId } = props;
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const plan = useCallDownPlan(communityId, roundId);
  const propose = usePlanCallDown(communityId, roundId);
  const publish = usePublishCallDown(communityId, roundId);
  if (plan.error) return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  const data = plan.data;
  const editable = props.canManage && data.status === 'draft';
  const planned = data.gates.some((g) => g.calls.length > 0);
  const failure = propose.error ?? publish.error;
  const confirmPublish = () =>
    modal.confirm({
      title: t('testingCalls.publishTitle'),
      content: t('testingCalls.publishBody'),
      okText: t('testingCalls.publishOk'),
      cancelText: t('testingCalls.cancel'),
      onOk: () => publish.mutateAsync(),
    });

  return (
    <section className="panel testing-calls" aria-labelledby="call-down-heading">
      <h2 id="call-down-heading">{t('testingCalls.title')}</h2>
      {failure && <Alert type="error" showIcon role="alert" title={errorMessage(failure)} />}
      {data.publishedAt && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('testingCalls.published', { time: wallClock(data.publishedAt, props.timeZone).time })}
        />
      )}
      {!planned && <p>{editable ? t('testingCalls.none') : t('testingCalls.noneViewer')}</p>}
      {data.expected && <Expected expected={data.expected} />}
      {planned &&
        data.gates.map((gate) => (
          <GateSchedule
            key={gate.gateId}
            gate={gate}
            plan={data}
            communityId={communityId}
            timeZone={props.timeZone}
            editable={editable}
          />
        ))}
      {editable && (
        <div className="testing-calls-actions">
          <Button
            size="large"
            block
            type={planned ? 'default' : 'primary'}
            className={planned ? undefined : 'testing-big-button'}
            loading={propose.isPending}
            onClick={() => propose.mutate()}
          >
            {planned ? t('testingCalls.proposeAgain') : t('testingCalls.propose')}
          </Button>
          {planned && <p className="testing-calls-hint">{t('testingCalls.proposeAgainHint')}</p>}
          {planned && (
            <Button
              type="primary"
              size="large"
              block
              className="testing-big-button"
              loading={publish.isPending}
              onClick={confirmPublish}
            >
              {t('testingCalls.publish')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

function useDuration() {
  const { t } = useTranslation();
  return (seconds: number) => {
    const minutes = Math.round(seconds / 60);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return h > 0 ? t('testingCalls.durationHours', { h, m }) : t('testingCalls.durationMinutes', { m });
  };
}

function Expected({ expected }: { expected: NonNullable<TCallDownPlan['expected']> }) {
  const { t } = useTranslation();
  const duration = useDuration();
  return (
    <div className="testing-calls-expected">
      <p className="testing-calls-figure">
        {t('testingCalls.expected', {
          duration: duration(expected.makespanSeconds),
          bound: duration(expected.lowerBoundSeconds),
        })}
      </p>
      <p className="testing-calls-hint">{t('testingCalls.expectedHint')}</p>
    </div>
  );
}

function GateSchedule(props: {
  gate: TCallDownGate;
  plan: TCallDownPlan;
  communityId: string;
  timeZone: string;
  editable: boolean;
}) {
  const { gate } = props;
  const { t } = useTranslation();
  const over = gate.expectedMaxQueue > gate.crowdLimit;
  return (
    <div className="testing-calls-gate">
      <h3>{gate.name}</h3>
      <p className="testing-calls-gate-line">
        {t('testingCalls.gateLine', {
          lanes: gate.startLanes,
          queue: gate.expectedMaxQueue,
          limit: gate.crowdLimit,
        })}
        {over && (
          <Tag color="red" className="testing-calls-tag">
            {t('testingCalls.overLimit')}
          </Tag>
        )}
      </p>
      {gate.calls.length === 0 ? (
        <p>{t('testingCalls.noCalls')}</p>
      ) : (
        <ol className="testing-calls-timeline">
          {gate.calls.map((c) => (
            <CallRow
              // a new time from the server starts the row's input afresh
              key={`${c.buildingId}/${c.callAt}`}
              call={c}
              plan={props.plan}
              communityId={props.communityId}
              timeZone={props.timeZone}
              editable={props.editable}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

function CallRow(props: {
  call: TPlannedCall;
  plan: TCallDownPlan;
  communityId: string;
  timeZone: string;
  editable: boolean;
}) {
  const { call, plan } = props;
  const { t } = useTranslation();
  const [time, setTime] = useState(call.callTime);
  const adjust = useAdjustCallDown(props.communityId, plan.roundId);
  const changed = time !== call.callTime && /^\d{2}:\d{2}$/.test(time);
  const told = call.notifiedAt;
  return (
    <li className="testing-calls-row">
      <span className="testing-calls-time">{call.callTime}</span>
      <span className="testing-calls-what">
        <span className="testing-calls-building">
          {t('testingCalls.building', { code: call.buildingCode })}
        </span>
        <span className="testing-calls-people">
          {t('testingCalls.comeDown', { count: call.residents })}
          {call.homeVisits > 0 && <> · {t('testingCalls.homeVisits', { count: call.homeVisits })}</>}
        </span>
        <span>
          {call.adjusted && <Tag className="testing-calls-tag">{t('testingCalls.adjusted')}</Tag>}
          {plan.status !== 'draft' && (
            <Tag color={told ? 'green' : undefined} className="testing-calls-tag">
              {told
                ? t('testingCalls.notified', { time: wallClock(told, props.timeZone).time })
                : t('testingCalls.waiting')}
            </Tag>
          )}
        </span>
      </span>
      {props.editable && (
        <span className="testing-calls-edit">
          <Input
            type="time"
            size="large"
            value={time}
            aria-label={t('testingCalls.callTime', { code: call.buildingCode })}
            onChange={(e) => setTime(e.target.value)}
          />
          {changed && (
            <Button
              size="large"
              loading={adjust.isPending}
              onClick={() => adjust.mutate({ buildingId: call.buildingId, callTime: time })}
            >
              {t('testingCalls.save')}
            </Button>
          )}
          {adjust.error && (
            <span role="alert" className="testing-calls-error">
              {errorMessage(adjust.error)}
            </span>
          )}
        </span>
      )}
    </li>
  );
}
