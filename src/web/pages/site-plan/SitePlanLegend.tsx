import { useTranslation } from 'react-i18next';
import type { TSitePlan } from '../../../shared/api/registry.ts';

export function SitePlanLegend({ plan }: { plan: TSitePlan }) {
  const { t } = useTranslation();
  const gateName = (id: string | null) => plan.gates.find((g) => g.id === id)?.name;
  return (
    <section className="panel plan-legend" aria-labelledby="plan-legend-title">
      <h2 id="plan-legend-title">{t('sitePlan.legend')}</h2>
      <ul>
        {plan.zones.map((zone) => (
          <li key={zone.id}>
            <span className="legend-building" style={{ background: zone.color }} aria-hidden />
            <span>
              <strong>{zone.name}</strong> {t('sitePlan.zoneBuildings', { count: zone.buildings })}
              {gateName(zone.gateId) && <> · {t('sitePlan.zoneGate', { gate: gateName(zone.gateId) })}</>}
            </span>
          </li>
        ))}
        <li>
          <span className="legend-gate" aria-hidden />
          <span>{t('sitePlan.gate')}</span>
        </li>
      </ul>
    </section>
  );
}
