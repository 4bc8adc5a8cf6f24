import { CheckCircleFilled, SoundOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TRelayTask } from '../../../shared/api/relay-tasks.ts';
import { errorMessage } from '../../api/client.ts';
import { useConfirmRelay } from '../../api/relay-tasks.ts';
import { currentLocale } from '../../i18n/index.ts';
import { relayMoment } from './relay-format.ts';

/**
 * "Tell your building: …" as a relay contact reads it on a phone in a stairwell: what to say in large
 * type, until when, and one big "Passed on" (已转达) button. Confirmed, it shows who confirmed when.
 */
export function RelayCard(props: { communityId: string; timeZone: string; task: TRelayTask }) {
  const { communityId, timeZone, task } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = currentLocale();
  const confirm = useConfirmRelay(communityId);
  const at = (iso: string) => relayMoment(iso, timeZone, locale);
  const titleId = `relay-card-${task.id}`;
  const confirmed = task.status === 'confirmed';
  return (
    <article
      className={`panel relay-card is-${task.status}`}
      aria-labelledby={titleId}
      data-testid="relay-card"
    >
      <p className="relay-card-building">
        <SoundOutlined aria-hidden /> {t('relays.tellBuilding', { building: task.buildingCode })}
      </p>
      <h2 id={titleId} className="relay-card-title">
        {task.title}
      </h2>
      <p className="relay-card-body">{task.body}</p>
      {task.link && (
        <Link className="relay-card-link" to={task.link}>
          {t(`relays.openBySource.${task.source}`)}
        </Link>
      )}
      {task.status === 'escalated' && (
        <Alert type="warning" showIcon title={t('relays.escalatedAt', { time: at(task.escalateAt) })} />
      )}
      {task.status === 'open' && (
        <p className="relay-card-when">{t('relays.escalateAt', { time: at(task.escalateAt) })}</p>
      )}
      {confirmed && task.confirmedBy ? (
        <p className="relay-card-done" data-testid="relay-card-done">
          <CheckCircleFilled aria-hidden />{' '}
          {t(task.confirmedBy.onBehalf ? 'relays.confirmedByOnBehalf' : 'relays.confirmedBy', {
            name: task.confirmedBy.name,
            time: at(task.confirmedAt!),
          })}
        </p>
      ) : (
        <>
          {confirm.isError && (
            <Alert type="error" showIcon role="alert" title={errorMessage(confirm.error)} />
          )}
          <Button
            type="primary"
            size="large"
            block
            className="relay-pass-button"
            icon={<CheckCircleFilled aria-hidden />}
            loading={confirm.isPending}
            onClick={() =>
              confirm.mutate(task.id, {
                onSuccess: () =>
                  void message.success(t('relays.passedOnDone', { building: task.buildingCode })),
              })
            }
          >
            {t(task.mine ? 'relays.passedOn' : 'relays.passedOnForThem')}
          </Button>
        </>
      )}
      <p className="relay-card-meta">{t('relays.askedAt', { time: at(task.createdAt) })}</p>
    </article>
  );
}
