import { useTranslation } from 'react-i18next';
import type { TCommunityOverview } from '../../../shared/api/communities.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';

export function RegistryCounts({ registry }: { registry: TCommunityOverview['registry'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const stats = [
    { id: 'buildings', label: t('home.buildings'), value: registry.buildings },
    { id: 'households', label: t('home.households'), value: registry.households },
    { id: 'residents', label: t('home.residents'), value: registry.residents },
    { id: 'vulnerable', label: t('home.vulnerableResidents'), value: registry.vulnerableResidents },
  ];
  return (
    <section className="panel" aria-labelledby="registry-title">
      <h2 id="registry-title">{t('home.registryTitle')}</h2>
      <dl className="tile-grid">
        {stats.map((stat) => (
          <div key={stat.id} className="tile" data-testid={`registry-${stat.id}`}>
            <dt className="tile-label">{stat.label}</dt>
            <dd className="tile-value">{formatCount(stat.value, locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
