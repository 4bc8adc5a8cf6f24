import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TBuilding, TSitePlan } from '../../../shared/api/registry.ts';
import { RelayContact } from '../../components/registry/RelayContact.tsx';
import { ZoneBadge } from '../../components/registry/ZoneBadge.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { buildingLabel } from '../../lib/registry-format.ts';

interface Props {
  buildings: TBuilding[];
  zones: Map<string, TSitePlan['zones'][number]>;
}

/** Phone: one card per building; the whole card opens the building. */
export function BuildingCards({ buildings, zones }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ul className="card-list">
      {buildings.map((b) => (
        <li key={b.id} className="list-card">
          <div className="list-card-head">
            <Link to={`/buildings/${b.id}`} className="list-card-title stretched-link">
              {buildingLabel(b.code, locale)}
            </Link>
            <ZoneBadge zone={b.zoneId ? zones.get(b.zoneId) : undefined} />
          </div>
          <dl className="inline-stats">
            <div>
              <dt>{t('registry.households')}</dt>
              <dd>{formatCount(b.households, locale)}</dd>
            </div>
            <div>
              <dt>{t('registry.residents')}</dt>
              <dd>{formatCount(b.residents, locale)}</dd>
            </div>
            <div className={b.vulnerable > 0 ? 'stat-attention' : undefined}>
              <dt>{t('registry.vulnerable')}</dt>
              <dd>{formatCount(b.vulnerable, locale)}</dd>
            </div>
          </dl>
          <div className="list-card-row">
            <span className="field-label">{t('registry.relay')}</span>
            <RelayContact relay={b.relay} />
          </div>
        </li>
      ))}
    </ul>
  );
}
