import { Button, Progress, Tag } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDeliveryRun, TDeliveryVehicle } from '../../../shared/api/delivery-runs.ts';
import type { Locale } from '../../../shared/roles.ts';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel } from '../../lib/registry-format.ts';
import { vehicleLabel } from '../../lib/volunteer-format.ts';
import { formatDistance, minutesOf, runVehicleLine, vehicleKeyOf } from './delivery-runs-format.ts';
import { RunMap, type RunMapProps, runColour } from './RunMap.tsx';

export type MoveTarget = { toRunId: string } | { toVehicle: TDeliveryVehicle };

interface Props {
  runs: TDeliveryRun[];
  buildings: RunMapProps['buildings'];
  gate: RunMapProps['gate'];
  /** a draft: each stop can move, and the plan can be confirmed */
  editable: boolean;
  busy?: boolean;
  onMove?: (buildingId: string, buildingCode: string, target: MoveTarget) => void;
  onConfirm?: () => void;
}

/** Runs as cards in riding order, their routes on the map, and (for a draft) moves and "confirm". */
export function PlanView({ runs, buildings, gate, editable, busy = false, onMove, onConfirm }: Props) {
  const { t } = useTranslation();
  const parcels = runs.reduce((sum, r) => sum + r.load, 0);
  const distance = runs.reduce((sum, r) => sum + r.distanceM, 0);
  const seconds = runs.reduce((sum, r) => sum + r.estimatedSeconds, 0);
  return (
    <div className="plan-view">
      <p className="plan-totals" data-testid="plan-totals">
        {t('deliveryRuns.totals', {
          runs: runs.length,
          parcels,
          distance: formatDistance(t, distance),
          minutes: minutesOf(seconds),
        })}
      </p>
      <RunMap
        buildings={buildings}
        gate={gate}
        runs={runs.map((r, i) => ({
          id: r.id,
          colour: runColour(i),
          stops: r.stops.map((s) => s.buildingId),
        }))}
      />
      <ol className="run-cards">
        {runs.map((run, i) => (
          <li key={run.id}>
            <RunCard run={run} index={i} runs={runs} editable={editable} busy={busy} onMove={onMove} />
          </li>
        ))}
      </ol>
      {editable && onConfirm && (
        <Button
          type="primary"
          size="large"
          className="big-button confirm-runs"
          loading={busy}
          onClick={onConfirm}
        >
          {t('deliveryRuns.confirm', { count: parcels })}
        </Button>
      )}
    </div>
  );
}

interface CardProps {
  run: TDeliveryRun;
  index: number;
  runs: TDeliveryRun[];
  editable: boolean;
  busy: boolean;
  onMove: Props['onMove'];
}

function RunCard({ run, index, runs, editable, busy, onMove }: CardProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const titleId = useId();
  const manyTrips = runs.some((r) => r.id !== run.id && vehicleKeyOf(r) === vehicleKeyOf(run));
  const colour = runColour(index);
  return (
    <section
      className="run-card"
      style={{ borderInlineStartColor: colour }}
      aria-labelledby={titleId}
      data-testid={`run-${index + 1}`}
    >
      <header className="run-card-head">
        <span className="run-swatch" style={{ background: colour }} aria-hidden />
        <h3 id={titleId}>{t('deliveryRuns.run', { n: index + 1 })}</h3>
        <Tag className="run-status">{t(`deliveryRuns.status.${run.status}`)}</Tag>
      </header>
      <p className="run-vehicle">{runVehicleLine(t, run, locale, manyTrips)}</p>
      <div className="run-figures">
        <span>{t('deliveryRuns.load', { load: run.load, capacity: run.capacity })}</span>
        <span>{formatDistance(t, run.distanceM)}</span>
        <span>{t('deliveryRuns.minutes', { count: minutesOf(run.estimatedSeconds) })}</span>
      </div>
      <Progress
        percent={Math.round((run.load / run.capacity) * 100)}
        showInfo={false}
        strokeColor={colour}
        aria-label={t('deliveryRuns.load', { load: run.load, capacity: run.capacity })}
      />
      <h4 className="visually-hidden">{t('deliveryRuns.stops')}</h4>
      <ol className="run-stops">
        {run.stops.map((stop) => (
          <li key={stop.buildingId} className="run-stop">
            <div className="stop-line">
              <span className="stop-name">{buildingLabel(stop.buildingCode, locale)}</span>
              <span className="stop-parcels">{t('deliveryRuns.parcels', { count: stop.parcels })}</span>
              {editable && onMove && (
                <MoveSelect
                  run={run}
                  runs={runs}
                  stop={stop}
                  locale={locale}
                  disabled={busy}
                  onMove={(target) => onMove(stop.buildingId, stop.buildingCode, target)}
                />
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

interface MoveProps {
  run: TDeliveryRun;
  runs: TDeliveryRun[];
  stop: TDeliveryRun['stops'][number];
  locale: Locale;
  disabled: boolean;
  onMove: (target: MoveTarget) => void;
}

/** "Move to…": another run with room, or a new run of one of the plan's vehicles. */
function MoveSelect({ run, runs, stop, locale, disabled, onMove }: MoveProps) {
  const { t } = useTranslation();
  const vehicles = [...new Map(runs.map((r) => [vehicleKeyOf(r), r])).values()];
  const named = (r: TDeliveryRun) =>
    [vehicleLabel(r.vehicle, locale), r.riderName].filter(Boolean).join(' · ');
  const choose = (value: string) => {
    if (value.startsWith('run:')) onMove({ toRunId: value.slice(4) });
    else if (value.startsWith('new:')) {
      const v = vehicles[Number(value.slice(4))]!;
      onMove({
        toVehicle: { kind: v.vehicle, capacity: v.capacity, ...(v.riderId ? { riderId: v.riderId } : {}) },
      });
    }
  };
  return (
    <select
      className="stop-move"
      value=""
      disabled={disabled}
      aria-label={t('deliveryRuns.moveLabel', { building: buildingLabel(stop.buildingCode, locale) })}
      onChange={(e) => choose(e.target.value)}
    >
      <option value="">{t('deliveryRuns.stay')}</option>
      {runs.map((other, i) => {
        if (other.id === run.id) return null;
        const room = other.capacity - other.load;
        const fits = room >= stop.parcels;
        return (
          <option key={other.id} value={`run:${other.id}`} disabled={!fits}>
            {t(fits ? 'deliveryRuns.moveToRun' : 'deliveryRuns.moveToRunFull', {
              n: i + 1,
              vehicle: named(other),
              room,
            })}
          </option>
        );
      })}
      {vehicles.map((v, i) => (
        <option key={vehicleKeyOf(v)} value={`new:${i}`} disabled={v.capacity < stop.parcels}>
          {t('deliveryRuns.moveToNew', { vehicle: named(v), capacity: v.capacity })}
        </option>
      ))}
    </select>
  );
}
