import { Button, Progress } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRoundCoverage } from '../../../shared/api/testing-rounds.ts';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel } from '../../lib/registry-format.ts';

const FIRST_SHOWN = 11;

const percentOf = (tested: number, expected: number) =>
  expected === 0 ? 100 : Math.floor((tested / expected) * 100);

/** Tested / expected for the compound and each building; tapping a building filters the list below. */
export function BuildingCoverage({
  coverage,
  buildingId,
  onPick,
}: {
  coverage: TRoundCoverage;
  buildingId: string | undefined;
  onPick: (buildingId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { overall } = coverage;
  // 125 buildings make a long wall on a phone: the first few, the picked one, and the rest on request
  const [showAll, setShowAll] = useState(false);
  const shown = showAll
    ? coverage.buildings
    : coverage.buildings.filter((b, i) => i < FIRST_SHOWN || b.buildingId === buildingId);
  return (
    <section className="panel" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">{t('testingRounds.coverage')}</h2>
      <div className="testing-overall" data-testid="coverage-overall">
        <span className="testing-overall-figure">{t('testingRounds.testedOfExpected', overall)}</span>
        <Progress
          percent={percentOf(overall.tested, overall.expected)}
          aria-label={t('testingRounds.overall')}
          strokeWidth={14}
        />
      </div>
      <div className="testing-building-grid">
        <Button
          size="large"
          type={buildingId === undefined ? 'primary' : 'default'}
          aria-pressed={buildingId === undefined}
          onClick={() => onPick(undefined)}
        >
          {t('testingRounds.allBuildings')}
        </Button>
        {shown.map((b) => {
          const done = b.tested >= b.expected;
          return (
            <button
              type="button"
              key={b.buildingId}
              className={`testing-building${buildingId === b.buildingId ? ' is-picked' : ''}${done ? ' is-done' : ''}`}
              aria-pressed={buildingId === b.buildingId}
              onClick={() => onPick(buildingId === b.buildingId ? undefined : b.buildingId)}
            >
              <span className="testing-building-name">{buildingLabel(b.buildingCode, locale)}</span>
              <span className="testing-building-figure">{t('testingRounds.testedOfExpected', b)}</span>
              <span className="testing-bar" aria-hidden>
                <span style={{ width: `${percentOf(b.tested, b.expected)}%` }} />
              </span>
            </button>
          );
        })}
      </div>
      {shown.length < coverage.buildings.length && (
        <Button size="large" block className="testing-more" onClick={() => setShowAll(true)}>
          {t('testingRounds.allBuildingsShow', { count: coverage.buildings.length })}
        </Button>
      )}
    </section>
  );
}
