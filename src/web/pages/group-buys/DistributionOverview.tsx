import { useTranslation } from 'react-i18next';
import type { TDistributionList } from '../../../shared/api/group-buys.ts';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel, compareCodes } from '../../lib/registry-format.ts';

/**
 * The whole distribution at a glance, above the long per-building sheets: how many buildings have
 * their goods, and every building as a link to its sheet (delivered ones ticked).
 */
export function DistributionOverview({ list }: { list: TDistributionList }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const buildings = [...list.buildings].sort((a, b) => compareCodes(a.buildingCode, b.buildingCode));
  const done = buildings.filter((b) => b.distributedAt).length;
  const units = buildings.reduce((sum, b) => sum + b.units, 0);
  return (
    <section className="panel gb-overview no-print" aria-labelledby="gb-overview-title">
      <h2 id="gb-overview-title">
        {t('groupBuys.distribution.overview', { done, buildings: buildings.length, units })}
      </h2>
      <ul className="gb-overview-list">
        {buildings.map((b) => (
          <li key={b.buildingId}>
            <a
              href={`#gb-building-${b.buildingId}`}
              className={b.distributedAt ? 'gb-overview-done' : undefined}
              aria-label={t(
                b.distributedAt ? 'groupBuys.distribution.jumpDone' : 'groupBuys.distribution.jump',
                { building: buildingLabel(b.buildingCode, locale), count: b.units },
              )}
            >
              {b.distributedAt ? '✓ ' : ''}
              {buildingLabel(b.buildingCode, locale)} · {b.units}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
