import { useTranslation } from 'react-i18next';
import type { TCommunityOverview } from '../../../shared/api/communities.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount, groupName } from '../../lib/format.ts';

export function GroupCounts({ groups }: { groups: TCommunityOverview['groups'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section className="panel" aria-labelledby="groups-title">
      <h2 id="groups-title">{t('home.groupsTitle')}</h2>
      <dl className="tile-grid">
        {groups.map((group) => (
          <div key={group.key} className="tile" data-testid={`group-${group.key}`}>
            <dt className="tile-label">{groupName(group, locale)}</dt>
            <dd className="tile-value">{formatCount(group.volunteers, locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
