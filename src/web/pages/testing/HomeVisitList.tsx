import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { THomeVisit } from '../../../shared/api/testing-rounds.ts';
import { FlagTags } from '../../components/registry/FlagTags.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { roomLabel } from '../../lib/registry-format.ts';
import { wallClock } from '../../lib/time.ts';

const FIRST_SHOWN = 20;

/** The door-to-door list: who is visited at home, why, and whether they have been sampled. */
export function HomeVisitList({ visits, timeZone }: { visits: THomeVisit[]; timeZone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // the list runs to hundreds in a big compound: those still to visit come first, the rest on request
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? visits : visits.slice(0, FIRST_SHOWN);
  return (
    <section className="panel" aria-labelledby="home-visits-heading">
      <h2 id="home-visits-heading">
        {t('testingRounds.homeVisits')} <span className="testing-count">{visits.length}</span>
      </h2>
      {visits.length === 0 ? (
        <p>{t('testingRounds.noHomeVisits')}</p>
      ) : (
        <ul className="testing-people" data-testid="home-visits">
          {shown.map((v) => {
            const time = v.sampledAt ? wallClock(v.sampledAt, timeZone).time : '';
            return (
              <li key={v.residentId} className={v.sampledAt ? 'is-done' : undefined}>
                <span className="testing-person">
                  <span className="testing-person-name">{v.name}</span>
                  <span className="testing-person-room">{roomLabel(v.buildingCode, v.room, locale)}</span>
                  <span className="testing-person-flags">
                    <span className={`testing-reason testing-reason-${v.reason}`}>
                      {t(`testingRounds.reason.${v.reason}`)}
                    </span>
                    <FlagTags flags={v.flags} />
                  </span>
                  <span className="testing-person-state">
                    {v.sampledAt
                      ? v.sampledPlace === 'home'
                        ? t('testingRounds.sampledHome', { time })
                        : t('testingRounds.sampledLane', { time })
                      : t('testingRounds.notSampled')}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {shown.length < visits.length && (
        <Button size="large" block onClick={() => setShowAll(true)}>
          {t('testingRounds.showAll', { count: visits.length })}
        </Button>
      )}
    </section>
  );
}
