import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCommunityOverview } from '../../../shared/api/communities.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';

/** The story's "2+6+280": committee cadres + social workers + volunteers, each number over its label. */
export function PeopleHeadline({ people }: { people: TCommunityOverview['people'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const figures = [
    { id: 'cadres', value: people.cadres, label: t('home.cadres') },
    { id: 'social-workers', value: people.socialWorkers, label: t('home.socialWorkers') },
    { id: 'volunteers', value: people.volunteers, label: t('home.volunteers') },
  ];
  return (
    <section className="panel headline" aria-labelledby="people-title">
      <h2 id="people-title">{t('home.peopleTitle')}</h2>
      <div className="headline-figures">
        {figures.map((figure, i) => (
          <Fragment key={figure.id}>
            {i > 0 && (
              <span className="headline-plus" aria-hidden>
                +
              </span>
            )}
            <div className="headline-figure" data-testid={`headline-${figure.id}`}>
              <span className="headline-value">{formatCount(figure.value, locale)}</span>
              <span className="headline-label">{figure.label}</span>
            </div>
          </Fragment>
        ))}
      </div>
      <p className={people.pendingVolunteers > 0 ? 'headline-pending has-pending' : 'headline-pending'}>
        <span>{t('home.pendingVolunteers')}</span>
        <strong data-testid="pending-volunteers">{formatCount(people.pendingVolunteers, locale)}</strong>
      </p>
    </section>
  );
}
