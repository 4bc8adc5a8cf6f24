import { useTranslation } from 'react-i18next';
import type { TSitePlan } from '../../../shared/api/registry.ts';

type Zone = TSitePlan['zones'][number];

/** The zone's colour as a swatch beside its name: the name carries the meaning, the colour matches the plan. */
export function ZoneBadge({ zone }: { zone: Zone | undefined }) {
  const { t } = useTranslation();
  return (
    <span className="zone-badge">
      <span className="zone-swatch" style={{ background: zone?.color ?? '#bfbfbf' }} aria-hidden />
      {zone?.name ?? t('registry.noZone')}
    </span>
  );
}

export function zoneMap(plan: TSitePlan | undefined): Map<string, Zone> {
  return new Map((plan?.zones ?? []).map((zone) => [zone.id, zone]));
}
