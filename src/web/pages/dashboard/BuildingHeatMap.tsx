import { Segmented, Skeleton } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TTrends } from '../../../shared/api/dashboard.ts';
import type { TBuilding } from '../../../shared/api/registry.ts';
import { useBuildings, useSitePlan } from '../../api/registry.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel } from '../../lib/registry-format.ts';
import { SitePlanCanvas } from '../site-plan/SitePlanCanvas.tsx';
import { heatScale, NONE_COLOUR } from './heat-scale.ts';
import '../../styles/site-plan.css';

const MEASURES = ['waitingParcels', 'untested', 'openMedicine'] as const;
type Measure = (typeof MEASURES)[number];
const NO_MOVES = new Map();
const noMove = () => {};
const TOP = 5;

/**
 * The site plan (the registry's own drawing) with each building coloured by one figure now: parcels
 * not yet there, residents not sampled in the current or last round, or open medicine requests.
 * Each building's link says its figure; a legend and the buildings with the most say it in words.
 */
export function BuildingHeatMap({
  communityId,
  buildings,
}: {
  communityId: string;
  buildings: TTrends['buildings'];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const plan = useSitePlan(communityId);
  const registry = useBuildings(communityId);
  const [measure, setMeasure] = useState<Measure>('waitingParcels');
  const values = useMemo(
    () => new Map(buildings.map((b) => [b.buildingId, b[measure]])),
    [buildings, measure],
  );
  const scale = useMemo(() => heatScale([...values.values()]), [values]);
  const unit = useCallback(
    (value: number | string) => t(`dashboard.heat.unit.${measure}`, { value }),
    [t, measure],
  );
  const buildingFill = useCallback((b: TBuilding) => scale.colourOf(values.get(b.id) ?? 0), [scale, values]);
  const buildingName = useCallback(
    (b: TBuilding) =>
      t('dashboard.heat.buildingName', {
        building: buildingLabel(b.code, locale),
        measure: t(`dashboard.heat.measures.${measure}`),
        value: unit(values.get(b.id) ?? 0),
      }),
    [t, locale, measure, unit, values],
  );
  const onOpen = useCallback((b: TBuilding) => navigate(`/buildings/${b.id}`), [navigate]);
  const top = [...buildings]
    .filter((b) => b[measure] > 0)
    .sort((x, y) => y[measure] - x[measure])
    .slice(0, TOP);

  const error = plan.error ?? registry.error;
  return (
    <section className="panel dash-heat" aria-labelledby="site-plan-title" data-testid="dash-heat">
      {/* the plan's drawing names itself after this heading (SitePlanCanvas: aria-labelledby) */}
      <h2 id="site-plan-title">{t('dashboard.heat.title')}</h2>
      <p className="dash-line dash-quiet">{t('dashboard.heat.intro')}</p>
      <Segmented
        size="large"
        block
        value={measure}
        onChange={(v) => setMeasure(v as Measure)}
        aria-label={t('dashboard.heat.measure')}
        options={MEASURES.map((m) => ({ value: m, label: t(`dashboard.heat.measures.${m}`) }))}
      />
      {error ? (
        <LoadError
          error={error}
          onRetry={() => {
            void plan.refetch();
            void registry.refetch();
          }}
        />
      ) : !plan.data || !registry.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <SitePlanCanvas
          plan={plan.data}
          buildings={registry.data}
          editing={false}
          moved={NO_MOVES}
          onMove={noMove}
          onOpen={onOpen}
          buildingFill={buildingFill}
          buildingName={buildingName}
        />
      )}
      <div className="dash-heat-legend">
        <h3 className="dash-subtitle">{t('dashboard.heat.legend')}</h3>
        <ul data-testid="dash-heat-legend">
          <li>
            <span className="dash-swatch" style={{ background: NONE_COLOUR }} aria-hidden />
            {t('dashboard.heat.none')}
          </li>
          {scale.bands.map((band) => (
            <li key={band.from}>
              <span className="dash-swatch" style={{ background: band.colour }} aria-hidden />
              {unit(band.from === band.to ? band.from : `${band.from}–${band.to}`)}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="dash-subtitle">{t('dashboard.heat.top')}</h3>
        {top.length === 0 ? (
          <p className="dash-line dash-quiet">{t('dashboard.heat.allZero')}</p>
        ) : (
          <ol className="dash-list dash-heat-top" data-testid="dash-heat-top">
            {top.map((b) => (
              <li key={b.buildingId}>
                <span>{buildingLabel(b.code, locale)}</span>
                <strong>{unit(b[measure])}</strong>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
