import { Alert, Button, InputNumber, Radio } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_VEHICLE_CAPACITY, type VehicleKind } from '../../../shared/api/delivery-runs.ts';
import { VEHICLES } from '../../../shared/volunteers.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useGroupBuyRuns, usePlanGroupBuyRuns } from '../../api/group-buys.ts';
import { useBuildings, useSitePlan } from '../../api/registry.ts';
import { currentLocale } from '../../i18n/index.ts';
import { vehicleLabel } from '../../lib/volunteer-format.ts';
import { PlanView } from '../parcels/PlanView.tsx';

/**
 * Delivery runs for a campaign delivered to the buildings: the parcel planner with units as load,
 * from a gate, on the vehicles at hand; the runs drawn on the site plan like the parcels' runs.
 */
export function GroupBuyRunsPanel({ communityId, groupBuyId }: { communityId: string; groupBuyId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const runs = useGroupBuyRuns(communityId, groupBuyId, true);
  const plan = usePlanGroupBuyRuns(communityId, groupBuyId);
  const sitePlan = useSitePlan(communityId);
  const buildings = useBuildings(communityId);
  const [gateId, setGateId] = useState<string | null>(null);
  const [kind, setKind] = useState<VehicleKind>('tricycle');
  const [count, setCount] = useState<number | null>(2);
  const [capacity, setCapacity] = useState<number | null>(DEFAULT_VEHICLE_CAPACITY.tricycle);
  // Someone who may not plan (the server says 403) does not see the panel at all.
  if (runs.error instanceof ApiError && runs.error.status === 403) return null;
  // Drawn once the gates and the runs are known, so the plan button does not flicker from disabled.
  if (runs.isPending || sitePlan.isPending) return null;
  const gates = sitePlan.data?.gates ?? [];
  const gate = gates.find((g) => g.id === (gateId ?? gates[0]?.id));
  const data = plan.data ?? runs.data;
  return (
    <section className="panel gb-runs no-print" aria-labelledby={`${id}-title`} data-testid="gb-runs">
      <h2 id={`${id}-title`}>{t('groupBuys.runs.title')}</h2>
      <p className="gb-hint">{t('groupBuys.runs.hint')}</p>
      {gates.length > 1 && (
        <fieldset className="gb-fieldset">
          <legend>{t('groupBuys.runs.gate')}</legend>
          <Radio.Group
            size="large"
            value={gate?.id}
            onChange={(e) => setGateId(e.target.value)}
            options={gates.map((g) => ({ value: g.id, label: g.name }))}
          />
        </fieldset>
      )}
      <fieldset className="gb-fieldset">
        <legend>{t('groupBuys.runs.vehicle')}</legend>
        <Radio.Group
          size="large"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value);
            setCapacity(DEFAULT_VEHICLE_CAPACITY[e.target.value as VehicleKind]);
          }}
          options={VEHICLES.map((v) => ({ value: v, label: vehicleLabel(v, locale) }))}
        />
      </fieldset>
      <div className="gb-form-row">
        <div className="gb-field">
          <label htmlFor={`${id}-count`}>{t('groupBuys.runs.count')}</label>
          <InputNumber
            id={`${id}-count`}
            size="large"
            min={1}
            max={20}
            precision={0}
            value={count}
            onChange={setCount}
          />
        </div>
        <div className="gb-field">
          <label htmlFor={`${id}-capacity`}>{t('groupBuys.runs.capacity')}</label>
          <InputNumber
            id={`${id}-capacity`}
            size="large"
            min={1}
            max={500}
            precision={0}
            value={capacity}
            onChange={setCapacity}
          />
        </div>
      </div>
      <Button
        size="large"
        type="primary"
        disabled={!gate || !count || !capacity}
        loading={plan.isPending}
        onClick={() =>
          gate &&
          count &&
          capacity &&
          plan.mutate({
            gateId: gate.id,
            vehicles: Array.from({ length: count }, () => ({ kind, capacity })),
          })
        }
      >
        {t('groupBuys.runs.plan')}
      </Button>
      {(plan.error ?? runs.error) && (
        <Alert type="error" showIcon role="alert" title={errorMessage(plan.error ?? runs.error)} />
      )}
      {data && data.runs.length > 0 && gate && buildings.data && (
        <PlanView
          runs={data.runs}
          buildings={buildings.data.map((b) => ({ id: b.id, code: b.code, x: b.x, y: b.y }))}
          gate={gate}
          editable={false}
        />
      )}
      {data && data.runs.length === 0 && <p className="gb-hint">{t('groupBuys.runs.none')}</p>}
    </section>
  );
}
