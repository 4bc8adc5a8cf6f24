import { Select } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.ts';
import {
  attention,
  attentionColour,
  figureValue,
  MAP_FIGURES,
  type MapFigure,
  projectPoints,
  type StreetRow,
} from './street-format.ts';
import { useDrillDown } from './useDrillDown.ts';

const PAD = 56;
/** The smallest dot still leaves a 44 px target: the hit circle around each dot is this big. */
const HIT_RADIUS = 24;

/**
 * The compounds on a plain map (no tiles: a street office may have no internet), each a dot sized and
 * coloured by the chosen figure; a dot opens that compound. Compounds without a position are listed.
 */
export function StreetMap({ rows }: { rows: StreetRow[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const drill = useDrillDown();
  const selectId = useId();
  const [figure, setFigure] = useState<MapFigure>('parcelsWaiting');
  // Drawn at the size it is shown, so names stay 16 px on a phone and on a wide screen alike.
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(360);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) =>
      setWidth(Math.max(280, Math.round(entry!.contentRect.width))),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const FRAME = { width, height: Math.round(Math.min(480, Math.max(300, width * 0.65))), pad: PAD };
  const placed = rows.filter(
    (r): r is StreetRow & { latitude: number; longitude: number } =>
      r.latitude !== null && r.longitude !== null,
  );
  const unplaced = rows.filter((r) => r.latitude === null || r.longitude === null);
  const xy = projectPoints(placed, FRAME);
  const max = Math.max(0, ...placed.map((r) => Number(figureValue(r, figure) ?? 0)));
  const label = t(`street.${figure}`);
  const shown = (row: StreetRow) => {
    const value = figureValue(row, figure);
    if (value === null) return t('street.noRound');
    return figure === 'testingCoverage'
      ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value)
      : String(value);
  };
  return (
    <section className="panel street-map" aria-labelledby="street-map-heading">
      <div className="street-map-head">
        <h2 id="street-map-heading">{t('street.map.title')}</h2>
        <label htmlFor={selectId}>{t('street.map.figure')}</label>
        <Select<MapFigure>
          id={selectId}
          size="large"
          value={figure}
          onChange={setFigure}
          options={MAP_FIGURES.map((f) => ({ value: f, label: t(`street.${f}`) }))}
          popupMatchSelectWidth={false}
        />
      </div>
      <div ref={box}>
        {placed.length === 0 ? (
          <p>{t('street.map.nonePlaced')}</p>
        ) : (
          <svg className="street-map-svg" viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}>
            <title>{t('street.map.label', { figure: label })}</title>
            <text x={FRAME.width - 20} y={28} className="street-map-north" aria-hidden>
              ↑ {t('street.map.north')}
            </text>
            {placed.map((row, i) => {
              const share = attention(
                figure,
                figureValue(row, figure),
                figure === 'testingCoverage' ? 1 : max,
              );
              const radius = 8 + 18 * Math.sqrt(share);
              const at = xy[i]!;
              const open = () => drill(row.communityId, '/dashboard');
              return (
                // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it acts as one
                <g
                  key={row.communityId}
                  role="button"
                  tabIndex={0}
                  className="street-map-point"
                  aria-label={t('street.map.point', { name: row.name, figure: label, value: shown(row) })}
                  onClick={open}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      open();
                    }
                  }}
                >
                  <circle cx={at.x} cy={at.y} r={Math.max(HIT_RADIUS, radius)} className="street-map-hit" />
                  <circle
                    cx={at.x}
                    cy={at.y}
                    r={radius}
                    fill={attentionColour(share)}
                    className="street-map-dot"
                  />
                  <text x={at.x} y={at.y + radius + 18} textAnchor="middle" className="street-map-name">
                    {row.name} {shown(row)}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </div>
      <p className="street-map-unplaced">
        {unplaced.length === 0 ? (
          t('street.map.noneUnplaced')
        ) : (
          <>
            {t('street.map.unplaced')}{' '}
            {unplaced.map((row, i) => (
              <span key={row.communityId}>
                {i > 0 && (locale === 'zh-CN' ? '、' : ', ')}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => drill(row.communityId, '/dashboard')}
                >
                  {row.name}
                </button>
              </span>
            ))}
          </>
        )}
      </p>
    </section>
  );
}
