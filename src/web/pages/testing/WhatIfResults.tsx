import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TRoundSimulationResult } from '../../../shared/api/round-simulation.ts';
import { hoursAndMinutes, type RoundPolicy } from './whatif-settings.ts';

/** "3 小时 28 分" / "45 分钟" */
export function Duration({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const { h, m } = hoursAndMinutes(seconds);
  return <>{h > 0 ? t('testingDuration.hoursMinutes', { h, m }) : t('testingDuration.minutes', { m })}</>;
}

export function LowerBound({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const { h, m } = hoursAndMinutes(seconds);
  const time = h > 0 ? t('testingDuration.hoursMinutes', { h, m }) : t('testingDuration.minutes', { m });
  return <p className="whatif-bound">{t('testingWhatIf.lowerBound', { time })}</p>;
}

/** One policy's outcome: how long, against the lower bound, queues against the limit, moves and idle time. */
export function PolicyCard(props: {
  policy: RoundPolicy;
  result: TRoundSimulationResult;
  crowdLimit: number;
  gateName: (key: string) => string;
  fastest: boolean;
}) {
  const { t } = useTranslation();
  const { policy, result } = props;
  const over = Math.max(0, Math.round((result.makespanSeconds / result.lowerBoundSeconds - 1) * 100));
  return (
    <article
      className={`whatif-card${props.fastest ? ' whatif-card-best' : ''}`}
      data-testid={`whatif-${policy}`}
    >
      <h3>
        {t(`testingWhatIf.policy.${policy}`)}
        {props.fastest && <Tag color="green">{t('testingWhatIf.fastest')}</Tag>}
      </h3>
      <p className="whatif-explain">{t(`testingWhatIf.explain.${policy}`)}</p>
      <dl className="whatif-figures">
        <dt>{t('testingWhatIf.makespan')}</dt>
        <dd className="whatif-makespan">
          <Duration seconds={result.makespanSeconds} />
          <span className="whatif-sub">{t('testingWhatIf.vsBound', { percent: over })}</span>
        </dd>
        {Object.entries(result.maxQueue).map(([gate, n]) => (
          <div key={gate} className="whatif-row">
            <dt>{t('testingWhatIf.maxQueue', { gate: props.gateName(gate) })}</dt>
            <dd className={n > props.crowdLimit ? 'whatif-over' : undefined}>
              {t('testingWhatIf.queueValue', { n, limit: props.crowdLimit })}
              {n > props.crowdLimit && <Tag color="red">{t('testingWhatIf.overLimit')}</Tag>}
            </dd>
          </div>
        ))}
        <div className="whatif-row">
          <dt>{t('testingWhatIf.switches')}</dt>
          <dd>{t('testingWhatIf.switchesValue', { n: result.switches })}</dd>
        </div>
        <div className="whatif-row">
          <dt>{t('testingWhatIf.idle')}</dt>
          <dd>{t('testingWhatIf.idleValue', { n: Math.round(result.idleLaneSeconds / 60) })}</dd>
        </div>
      </dl>
    </article>
  );
}
