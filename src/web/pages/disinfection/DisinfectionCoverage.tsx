import { Button, Skeleton } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCoverageState, TDisinfectionCoverageArea } from '../../../shared/api/disinfection.ts';
import type { TBuilding } from '../../../shared/api/registry.ts';
import { useDisinfectionCoverage } from '../../api/disinfection.ts';
import { useBuildings, useSitePlan } from '../../api/registry.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel } from '../../lib/registry-format.ts';
import { SitePlanCanvas } from '../site-plan/SitePlanCanvas.tsx';
import { CoverageAreaList } from './CoverageAreaList.tsx';
import { buildingStates, STATE_COLOURS } from './disinfection-format.ts';
import '../../styles/site-plan.css';

const STATES: TCoverageState[] = ['overdue', 'done', 'due', 'idle'];
const NO_MOVES = new Map();
const noMove = () => {};

/**
 * The coverage view: the site plan with each building coloured by its areas (overdue red, done today
 * green, to do grey), the gates' and other places' areas as dots, the overdue areas listed, and the
 * areas of a building tapped on the plan. Live: a round logged anywhere recolours it.
 */
export function DisinfectionCoverage({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const coverage = useDisinfectionCoverage(communityId);
  const plan = useSitePlan(communityId);
  const buildings = useBuildings(communityId);
  const [selected, setSelected] = useState<string | null>(null);
  const byBuilding = useMemo(() => buildingStates(coverage.data?.areas ?? []), [coverage.data]);
  const stateName = useCallback((s: TCoverageState) => t(`disinfection.coverage.state.${s}`), [t]);

  const buildingFill = useCallback(
    (b: TBuilding) => STATE_COLOURS[byBuilding.get(b.id)?.state ?? 'idle'],
    [byBuilding],
  );
  const buildingName = useCallback(
    (b: TBuilding) => {
      const entry = byBuilding.get(b.id);
      return t('disinfection.coverage.buildingName', {
        building: buildingLabel(b.code, locale),
        state: stateName(entry?.state ?? 'idle'),
        areas: entry?.areas.map((a) => `${a.name} ${stateName(a.state)}`).join('，') ?? '',
      });
    },
    [byBuilding, t, locale, stateName],
  );

  const error = coverage.error ?? plan.error ?? buildings.error;
  if (error)
    return (
      <LoadError
        error={error}
        onRetry={() => {
          void coverage.refetch();
          void plan.refetch();
          void buildings.refetch();
        }}
      />
    );
  if (!coverage.data || !plan.data || !buildings.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const areas = coverage.data.areas;
  // Areas not at a building (gates, rubbish rooms, the testing square) are dots at their place.
  const points = areas.filter((a) => !a.buildingId && a.position);
  const selectedAreas: TDisinfectionCoverageArea[] = selected ? (byBuilding.get(selected)?.areas ?? []) : [];
  const selectedBuilding = buildings.data.find((b) => b.id === selected);
  const overdue = areas.filter((a) => a.state === 'overdue');

  return (
    <section className="dis-coverage" aria-labelledby="dis-coverage-title" data-testid="dis-coverage">
      <h2 id="dis-coverage-title" className="visually-hidden">
        {t('disinfection.coverage.heading')}
      </h2>
      <ul className="dis-totals" aria-label={t('disinfection.coverage.totalsLabel')}>
        {STATES.map((s) => (
          <li key={s} data-testid={`dis-total-${s}`}>
            <span className="dis-swatch" style={{ background: STATE_COLOURS[s] }} aria-hidden />
            {t('disinfection.coverage.total', { state: stateName(s), count: coverage.data.totals[s] })}
          </li>
        ))}
      </ul>
      <div className="dis-coverage-plan">
        <SitePlanCanvas
          plan={plan.data}
          buildings={buildings.data}
          editing={false}
          moved={NO_MOVES}
          onMove={noMove}
          onOpen={(b) => setSelected(b.id)}
          buildingFill={buildingFill}
          buildingName={buildingName}
          overlay={points.map((a) => (
            <g key={a.areaId} className="dis-point" aria-hidden data-state={a.state}>
              <circle cx={a.position!.x} cy={a.position!.y} r={7} fill={STATE_COLOURS[a.state]} />
              <title>
                {t('disinfection.coverage.pointName', { area: a.name, state: stateName(a.state) })}
              </title>
            </g>
          ))}
        />
      </div>
      <p className="dis-legend">{t('disinfection.coverage.legend')}</p>
      {selectedBuilding && (
        <section
          className="panel dis-selected"
          aria-labelledby="dis-selected-title"
          data-testid="dis-selected"
        >
          <div className="dis-selected-head">
            <h3 id="dis-selected-title">
              {t('disinfection.coverage.selected', { place: buildingLabel(selectedBuilding.code, locale) })}
            </h3>
            <Button onClick={() => setSelected(null)}>{t('disinfection.coverage.close')}</Button>
          </div>
          <CoverageAreaList areas={selectedAreas} timeZone={timeZone} />
        </section>
      )}
      <section className="panel" aria-labelledby="dis-overdue-title" data-testid="dis-overdue">
        <h3 id="dis-overdue-title">{t('disinfection.coverage.overdueList')}</h3>
        {overdue.length === 0 ? (
          <p className="muted">{t('disinfection.coverage.noneOverdue')}</p>
        ) : (
          <CoverageAreaList areas={overdue} timeZone={timeZone} />
        )}
      </section>
    </section>
  );
}
