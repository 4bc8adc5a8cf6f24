import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCommunityOverview } from '../../../shared/api/communities.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';

interface Props {
  registry: TCommunityOverview['registry'];
  /** Residents see the figures but have no lists to open. */
  linked: boolean;
}

export function RegistryCounts({ registry, linked }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const stats = [
    { id: 'buildings', label: t('home.buildings'), value: registry.buildings, to: '/buildings' },
    { id: 'households', label: t('home.households'), value: registry.households, to: '/households' },
    { id: 'residents', label: t('home.residents'), value: registry.residents, to: '/residents' },
    {
      id: 'vulnerable',
      label: t('home.vulnerableResidents'),
      value: registry.vulnerableResidents,
      to: '/vulnerable',
    },
  ];
  return (
    <section className="panel" aria-labelledby="registry-title">
      <h2 id="registry-title">{t('home.registryTitle')}</h2>
      <dl className="tile-grid">
        {stats.map((stat) => (
          <div
            key={stat.id}
            className={linked ? 'tile tile-linked' : 'tile'}
            data-testid={`registry-${stat.id}`}
          >
            <dt className="tile-label">
              {/* The link covers the whole tile (CSS), a big target; its name is the label. */}
              {linked ? (
                <Link to={stat.to} className="stretched-link">
                  {stat.label}
                </Link>
              ) : (
                stat.label
              )}
            </dt>
            <dd className="tile-value">{formatCount(stat.value, locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
