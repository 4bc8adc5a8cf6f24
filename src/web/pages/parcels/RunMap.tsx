import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel } from '../../lib/registry-format.ts';
import '../../styles/run-map.css';

export interface RunMapProps {
  buildings: { id: string; code: string; x: number; y: number }[];
  gate: { x: number; y: number };
  runs: { id: string; colour?: string; stops: string[] /* building ids in order */ }[];
  /** e.g. the rider's next building: drawn filled and ringed */
  highlightBuildingId?: string;
}

/**
 * Colours of runs, in order: distinct from each other and dark enough on white (≥ 3:1) for a line
 * seen in daylight on a phone. Run n gets RUN_COLOURS[n mod length].
 */
export const RUN_COLOURS = [
  '#1668dc',
  '#d4380d',
  '#389e0d',
  '#9254de',
  '#c41d7f',
  '#ad6800',
  '#08979c',
  '#595959',
  '#cf1322',
  '#1d39c4',
];
export const runColour = (index: number) => RUN_COLOURS[index % RUN_COLOURS.length]!;

// Site-plan metres: a building is drawn as a 22 × 13 block (the registry has no footprints). Its
// number is drawn LABEL_PX tall on screen whatever the zoom, within what the block can hold. The
// drawing never goes below MIN_PX_PER_M, so a compound wider than the phone scrolls sideways instead
// of shrinking into unreadable dots.
const BUILDING_W = 22;
const BUILDING_H = 13;
const LABEL_PX = 12;
const LABEL_M = { min: 7, max: 12 };
const PAD_M = 24;
const MIN_SPAN_M = 160;
const MIN_PX_PER_M = 1;

type Point = { x: number; y: number };

/** The part of the plan worth showing: the gate and every stop (all buildings when no run has any). */
function viewOf(props: RunMapProps) {
  const byId = new Map(props.buildings.map((b) => [b.id, b]));
  const onRuns = props.runs.flatMap((r) => r.stops).flatMap((id) => byId.get(id) ?? []);
  const points: Point[] = [props.gate, ...(onRuns.length > 0 ? onRuns : props.buildings)];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // A short run still shows its neighbourhood, so the rider sees where the building is.
  if (x1 - x0 < MIN_SPAN_M) [x0, x1] = [(x0 + x1 - MIN_SPAN_M) / 2, (x0 + x1 + MIN_SPAN_M) / 2];
  if (y1 - y0 < MIN_SPAN_M / 2) [y0, y1] = [(y0 + y1 - MIN_SPAN_M / 2) / 2, (y0 + y1 + MIN_SPAN_M / 2) / 2];
  return { x: x0 - PAD_M, y: y0 - PAD_M, w: x1 - x0 + 2 * PAD_M, h: y1 - y0 + 2 * PAD_M };
}

/** Small arrowheads halfway along each leg, so the riding direction reads without a legend. */
function legArrows(points: Point[], colour: string, key: string) {
  return points.slice(1).map((to, i) => {
    const from = points[i]!;
    const length = Math.hypot(to.x - from.x, to.y - from.y);
    if (length < 24) return null;
    const angle = (Math.atan2(to.y - from.y, to.x - from.x) * 180) / Math.PI;
    const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    return (
      <path
        key={`${key}:${from.x},${from.y}>${to.x},${to.y}`}
        d="M -4 -3.5 L 4 0 L -4 3.5 Z"
        fill={colour}
        transform={`translate(${mid.x} ${mid.y}) rotate(${angle})`}
      />
    );
  });
}

/**
 * The site plan with each run's route from the gate through its buildings and back, in its own
 * colour. Self-contained (no site-plan query): the planning page and the rider's phone both use it.
 */
export function RunMap(props: RunMapProps) {
  const { buildings, gate, runs, highlightBuildingId } = props;
  const { t } = useTranslation();
  const locale = currentLocale();
  const titleId = useId();
  const descId = useId();
  const view = viewOf(props);
  const frame = useRef<HTMLElement>(null);
  const [frameWidth, setFrameWidth] = useState(0);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setFrameWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const pxPerM = Math.max(MIN_PX_PER_M, frameWidth / view.w);
  const label = Math.min(LABEL_M.max, Math.max(LABEL_M.min, LABEL_PX / pxPerM));
  // A plan wider than the screen opens with the gate in sight: that is where every run starts.
  const gateShown = useRef(false);
  useEffect(() => {
    const element = frame.current;
    if (!element || frameWidth === 0 || gateShown.current) return;
    gateShown.current = true;
    element.scrollLeft = (gate.x - view.x) * pxPerM - frameWidth / 2;
  }, [frameWidth, gate.x, view.x, pxPerM]);
  const byId = new Map(buildings.map((b) => [b.id, b]));
  const colourOf = new Map<string, string>();
  runs.forEach((run, i) => {
    for (const id of run.stops) colourOf.set(id, run.colour ?? runColour(i));
  });
  const routeText = runs
    .map((run, i) =>
      t('deliveryRuns.map.run', {
        n: i + 1,
        stops: run.stops.map((id) => buildingLabel(byId.get(id)?.code ?? '?', locale)).join(' → '),
      }),
    )
    .join('；');

  return (
    // Focusable so a keyboard can scroll a plan wider than the screen.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section ref={frame} className="run-map" tabIndex={0} aria-labelledby={titleId}>
      <svg
        className="run-map-svg"
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        style={{ minWidth: `${Math.round(view.w * MIN_PX_PER_M)}px` }}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{t('deliveryRuns.map.title')}</title>
        <desc id={descId}>
          {t('deliveryRuns.map.description', { count: runs.length })} {routeText}
        </desc>
        {runs.map((run, i) => {
          const colour = run.colour ?? runColour(i);
          const points = [gate, ...run.stops.flatMap((id) => byId.get(id) ?? []), gate];
          return (
            <g key={run.id} className="run-map-route">
              <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} stroke={colour} />
              {legArrows(points, colour, run.id)}
            </g>
          );
        })}
        {buildings.map((b) => {
          const colour = colourOf.get(b.id);
          const highlighted = b.id === highlightBuildingId;
          const classes = ['run-map-building', colour ? 'is-stop' : '', highlighted ? 'is-highlighted' : ''];
          return (
            <g key={b.id} className={classes.filter(Boolean).join(' ')} data-building={b.code}>
              {highlighted && <circle className="run-map-ring" cx={b.x} cy={b.y} r={BUILDING_W} />}
              <rect
                x={b.x - BUILDING_W / 2}
                y={b.y - BUILDING_H / 2}
                width={BUILDING_W}
                height={BUILDING_H}
                rx={2}
                stroke={colour ?? undefined}
              />
              <text x={b.x} y={b.y} fontSize={label} textAnchor="middle" dominantBaseline="central">
                {b.code}
              </text>
            </g>
          );
        })}
        <g className="run-map-gate">
          <path
            d={`M ${gate.x} ${gate.y - 10} L ${gate.x + 10} ${gate.y} L ${gate.x} ${gate.y + 10} L ${gate.x - 10} ${gate.y} Z`}
          />
          <text x={gate.x} y={gate.y + 10 + label + 2} fontSize={label} textAnchor="middle">
            {t('deliveryRuns.map.gate')}
          </text>
        </g>
      </svg>
    </section>
  );
}
