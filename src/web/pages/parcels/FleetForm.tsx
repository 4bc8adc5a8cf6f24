import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Segmented } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TDeliveryPlanning,
  TPlanDeliveryRuns,
  TPlanningShift,
  VehicleKind,
} from '../../../shared/api/delivery-runs.ts';
import { VEHICLE_CAPACITY_MAX } from '../../../shared/api/delivery-runs.ts';
import { VEHICLES } from '../../../shared/volunteers.ts';
import { currentLocale } from '../../i18n/index.ts';
import { vehicleLabel } from '../../lib/volunteer-format.ts';
import { shiftTimes } from './delivery-runs-format.ts';

interface VehicleRow {
  key: number;
  kind: VehicleKind;
  /** as typed: the leader may clear the box on the way to another number */
  capacity: string;
  riderId: string;
}

let nextKey = 1;

/** One row per signed-up volunteer with a vehicle on their profile; a tricycle when nobody has one. */
function rowsFor(shift: TPlanningShift | undefined, defaults: Map<VehicleKind, number>): VehicleRow[] {
  const withVehicles = (shift?.volunteers ?? []).filter((v) => v.vehicles.length > 0);
  const rows = withVehicles.map((v) => ({
    key: nextKey++,
    kind: v.vehicles[0]!,
    capacity: String(defaults.get(v.vehicles[0]!)),
    riderId: v.id,
  }));
  return rows.length > 0
    ? rows
    : [{ key: nextKey++, kind: 'tricycle', capacity: String(defaults.get('tricycle')), riderId: '' }];
}

const validCapacity = (typed: string) => {
  const n = Number(typed);
  return Number.isInteger(n) && n >= 1 && n <= VEHICLE_CAPACITY_MAX ? n : null;
};

interface Props {
  planning: TDeliveryPlanning;
  timeZone: string;
  busy: boolean;
  onPlan: (body: TPlanDeliveryRuns) => void;
}

/** The shift, the gate and the vehicles at hand (kind, capacity, rider), then "plan". */
export function FleetForm({ planning, timeZone, busy, onPlan }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const ids = useId();
  const defaults = new Map(planning.vehicleKinds.map((v) => [v.kind, v.capacity]));
  const [shiftId, setShiftId] = useState(planning.currentShiftId ?? '');
  const [gateId, setGateId] = useState(planning.draft?.gateId ?? planning.gates[0]?.id ?? '');
  const shift = planning.shifts.find((s) => s.id === shiftId);
  const [rows, setRows] = useState(() => rowsFor(shift, defaults));
  const crew = shift?.volunteers ?? planning.groupRiders;

  const chooseShift = (id: string) => {
    setShiftId(id);
    setRows(
      rowsFor(
        planning.shifts.find((s) => s.id === id),
        defaults,
      ),
    );
  };
  const change = (key: number, patch: Partial<VehicleRow>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const somethingWaits = planning.buildings.some((b) => b.waiting > 0);
  const allValid =
    somethingWaits && rows.length > 0 && rows.every((r) => validCapacity(r.capacity) !== null) && gateId;
  const submit = () => {
    if (!allValid) return;
    onPlan({
      gateId,
      ...(shiftId ? { shiftId } : {}),
      vehicles: rows.map((r) => ({
        kind: r.kind,
        capacity: validCapacity(r.capacity)!,
        ...(r.riderId ? { riderId: r.riderId } : {}),
      })),
    });
  };

  return (
    <section className="fleet-form" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('deliveryRuns.setup')}</h2>
      <label className="plan-field">
        <span>{t('deliveryRuns.shift')}</span>
        <select value={shiftId} onChange={(e) => chooseShift(e.target.value)}>
          {planning.shifts.map((s) => (
            <option key={s.id} value={s.id}>
              {t('deliveryRuns.shiftOption', { ...shiftTimes(s, timeZone), count: s.volunteers.length })}
            </option>
          ))}
          <option value="">{t('deliveryRuns.noShift')}</option>
        </select>
      </label>
      {planning.shifts.length === 0 && <p className="page-note">{t('deliveryRuns.noShiftToday')}</p>}
      {planning.gates.length > 1 && (
        <div className="plan-field">
          <span id={`${ids}-gate`}>{t('deliveryRuns.gate')}</span>
          <Segmented
            aria-labelledby={`${ids}-gate`}
            className="gate-choice"
            block
            value={gateId}
            onChange={(value) => setGateId(String(value))}
            options={planning.gates.map((g) => ({ value: g.id, label: g.name }))}
          />
        </div>
      )}
      <h3 className="fleet-heading">{t('deliveryRuns.vehicles')}</h3>
      <ol className="vehicle-rows">
        {rows.map((row, i) => {
          const invalid = validCapacity(row.capacity) === null;
          return (
            <li key={row.key} className="vehicle-row" aria-label={t('deliveryRuns.vehicleNo', { n: i + 1 })}>
              <label className="plan-field vehicle-kind">
                <span>{t('deliveryRuns.vehicleKind')}</span>
                <select
                  value={row.kind}
                  onChange={(e) => {
                    const kind = e.target.value as VehicleKind;
                    change(row.key, { kind, capacity: String(defaults.get(kind)) });
                  }}
                >
                  {VEHICLES.map((kind) => (
                    <option key={kind} value={kind}>
                      {vehicleLabel(kind, locale)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="plan-field vehicle-capacity">
                <span>{t('deliveryRuns.capacity')}</span>
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={VEHICLE_CAPACITY_MAX}
                  value={row.capacity}
                  aria-invalid={invalid}
                  onChange={(e) => change(row.key, { capacity: e.target.value })}
                />
              </label>
              <label className="plan-field vehicle-rider">
                <span>{t('deliveryRuns.rider')}</span>
                <select value={row.riderId} onChange={(e) => change(row.key, { riderId: e.target.value })}>
                  <option value="">{t('deliveryRuns.noRider')}</option>
                  {crew.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name}
                    </option>
                  ))}
                </select>
              </label>
              <Button
                className="vehicle-remove"
                size="large"
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('deliveryRuns.removeVehicle', { n: i + 1 })}
                disabled={rows.length === 1}
                onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
              />
            </li>
          );
        })}
      </ol>
      <Button
        size="large"
        className="big-button"
        icon={<PlusOutlined aria-hidden />}
        onClick={() =>
          setRows((all) => [
            ...all,
            { key: nextKey++, kind: 'tricycle', capacity: String(defaults.get('tricycle')), riderId: '' },
          ])
        }
      >
        {t('deliveryRuns.addVehicle')}
      </Button>
      <Button
        type="primary"
        size="large"
        className="big-button"
        loading={busy}
        disabled={!allValid}
        onClick={submit}
      >
        {planning.draft ? t('deliveryRuns.replan') : t('deliveryRuns.plan')}
      </Button>
      <p className="page-note">{t('deliveryRuns.hint')}</p>
    </section>
  );
}
