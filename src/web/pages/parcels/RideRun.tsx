import { CheckCircleFilled, EnvironmentFilled } from '@ant-design/icons';
import { Alert, Button, Progress, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMyRuns, TRiderRun, TRunStop, TStopDelivered } from '../../../shared/api/parcel-rides.ts';
import { errorMessage } from '../../api/client.ts';
import { useMarkStopDelivered, useStartRun } from '../../api/parcel-rides.ts';
import { currentLocale } from '../../i18n/index.ts';
import { minutesOf } from './delivery-runs-format.ts';
import { RunMap } from './RunMap.tsx';
import { momentOf, roomName, tailsOf, vehicleName } from './ride-format.ts';

interface Props {
  communityId: string;
  timeZone: string;
  run: TRiderRun;
  buildings: TMyRuns['buildings'];
}

type Outcome = { ok: true; result: TStopDelivered } | { ok: false; text: string };

/** One run on the rider's phone: start it, then building after building, "delivered" each. */
export function RideRun({ communityId, timeZone, run, buildings }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const start = useStartRun(communityId);
  const deliver = useMarkStopDelivered(communityId);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const delivered = run.stops.filter((s) => s.deliveredAt !== null).length;
  const next = run.stops.find((s) => s.seq === run.nextStopSeq) ?? null;
  const failed = (error: unknown) => setOutcome({ ok: false, text: errorMessage(error) });

  const markDelivered = (stop: TRunStop) =>
    deliver.mutate(
      { runId: run.id, seq: stop.seq },
      { onSuccess: (result) => setOutcome({ ok: true, result }), onError: failed },
    );

  return (
    <>
      <section className="panel ride-head" aria-labelledby="ride-run-title">
        <div className="ride-head-line">
          <h2 id="ride-run-title">
            {t('parcelRides.ride.runLabel', { seq: run.seq, vehicle: vehicleName(run.vehicle, locale) })}
          </h2>
          <Tag className={`ride-status is-${run.status}`}>{t(`parcelRides.ride.status.${run.status}`)}</Tag>
        </div>
        <p className="ride-summary">
          {t('parcelRides.ride.summary', {
            stops: run.stops.length,
            parcels: run.load,
            minutes: minutesOf(run.estimatedSeconds),
          })}
        </p>
        <p className="ride-progress-text" id="ride-progress">
          {t('parcelRides.ride.progress', { done: delivered, total: run.stops.length })}
        </p>
        <Progress
          percent={run.stops.length ? Math.round((delivered / run.stops.length) * 100) : 0}
          showInfo={false}
          aria-labelledby="ride-progress"
        />
        {run.status === 'confirmed' && (
          <Button
            type="primary"
            size="large"
            block
            className="big-button"
            loading={start.isPending}
            onClick={() => start.mutate(run.id, { onError: failed })}
          >
            {t('parcelRides.ride.start')}
          </Button>
        )}
      </section>

      <div className="ride-outcome-slot" aria-live="polite" data-testid="ride-outcome">
        {outcome?.ok === false && <Alert type="error" showIcon title={outcome.text} />}
        {outcome?.ok === true && (
          <Alert
            type="success"
            showIcon
            title={t('parcelRides.ride.delivered', {
              code: outcome.result.buildingCode,
              households: outcome.result.householdsNotified,
            })}
            description={
              outcome.result.relayNotified
                ? t('parcelRides.ride.relayTold')
                : t('parcelRides.ride.relayNotTold')
            }
          />
        )}
      </div>

      {next && (
        <section className="panel ride-next" aria-labelledby="ride-next-title" data-testid="ride-next">
          <h2 id="ride-next-title" className="ride-next-title">
            <span className="ride-next-label">{t('parcelRides.ride.next')}</span>
            <span className="ride-next-building">
              {t('parcelRides.building', { code: next.buildingCode })}
            </span>
          </h2>
          <p className="ride-next-count">{t('parcelRides.ride.parcelsHere', { count: next.parcels })}</p>
          <RunMap
            buildings={buildings}
            gate={run.gate ?? { x: next.x, y: next.y }}
            runs={[{ id: run.id, stops: run.stops.map((s) => s.buildingId) }]}
            highlightBuildingId={next.buildingId}
          />
          <ul className="ride-rooms">
            {next.rooms.map((room) => (
              <li key={`${room.householdId ?? room.room ?? room.parcels[0]?.id}`}>
                <span className="ride-room-name">{roomName(t, room)}</span>
                <span className="ride-room-count">
                  {t('parcelRides.pieces', { count: room.parcels.length })}
                </span>
                <span className="ride-room-tails">{tailsOf(t, room.parcels)}</span>
                {!room.hasAccount && (
                  <span className="ride-room-note">{t('parcelRides.ride.noAccount')}</span>
                )}
              </li>
            ))}
          </ul>
          {run.status === 'started' && (
            <Button
              type="primary"
              size="large"
              block
              className="big-button ride-deliver"
              loading={deliver.isPending}
              onClick={() => markDelivered(next)}
            >
              {t('parcelRides.ride.deliver', { code: next.buildingCode })}
            </Button>
          )}
        </section>
      )}

      {run.status === 'done' && (
        <Alert type="success" showIcon className="ride-all-done" title={t('parcelRides.ride.allDone')} />
      )}

      <section className="panel" aria-labelledby="ride-stops-title">
        <h2 id="ride-stops-title">{t('parcelRides.ride.stops')}</h2>
        <ol className="ride-stops">
          {run.stops.map((stop) => {
            const isNext = stop.seq === run.nextStopSeq;
            return (
              <li key={stop.seq} className={stop.deliveredAt ? 'is-done' : isNext ? 'is-next' : ''}>
                <span className="ride-stop-icon" aria-hidden>
                  {stop.deliveredAt ? <CheckCircleFilled /> : isNext ? <EnvironmentFilled /> : stop.seq}
                </span>
                <span className="ride-stop-building">
                  {t('parcelRides.building', { code: stop.buildingCode })}
                </span>
                <span className="ride-stop-count">{t('parcelRides.pieces', { count: stop.parcels })}</span>
                <span className="ride-stop-state">
                  {stop.deliveredAt
                    ? t('parcelRides.ride.stopDone', { time: momentOf(stop.deliveredAt, timeZone, locale) })
                    : isNext
                      ? t('parcelRides.ride.stopNext')
                      : t('parcelRides.ride.stopTodo')}
                </span>
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
