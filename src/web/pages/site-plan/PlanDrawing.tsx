import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBuilding, TSitePlan } from '../../../shared/api/registry.ts';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel } from '../../lib/registry-format.ts';
import { BUILDING_H, BUILDING_W, LABEL_M, MIN_LABEL_PX, NAME_M, type Point } from './geometry.ts';

type Zone = TSitePlan['zones'][number];

interface Props {
  plan: TSitePlan;
  buildings: TBuilding[];
  moved: ReadonlyMap<string, Point>;
  showLabels: boolean;
  /** Screen pixels per metre, to leave out zone and gate names too small to read. */
  labelPx: number;
  editing: boolean;
  onOpen: (building: TBuilding) => void;
  onNudge: (building: TBuilding, delta: Point) => void;
  /** another feature's colour for a building (e.g. disinfection coverage) instead of its zone's */
  buildingFill?: (building: TBuilding) => string | undefined;
  /** another feature's name for a building's link, said by screen readers and shown on hover */
  buildingName?: (building: TBuilding) => string | undefined;
}

/** The zone as a tinted area around its buildings, so the two zones read apart even without colour. */
function zoneArea(zone: Zone, buildings: TBuilding[], at: (b: TBuilding) => Point) {
  const mine = buildings.filter((b) => b.zoneId === zone.id).map(at);
  if (mine.length === 0) return null;
  const margin = 8;
  const x0 = Math.min(...mine.map((p) => p.x)) - BUILDING_W / 2 - margin;
  const y0 = Math.min(...mine.map((p) => p.y)) - BUILDING_H / 2 - margin;
  const x1 = Math.max(...mine.map((p) => p.x)) + BUILDING_W / 2 + margin;
  const y1 = Math.max(...mine.map((p) => p.y)) + BUILDING_H / 2 + margin;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

const ARROW_STEP = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as const;

/** The drawing only; it re-renders when data or mode change, not on every frame of a pan. */
export const PlanDrawing = memo(function PlanDrawing(props: Props) {
  const {
    plan,
    buildings,
    moved,
    showLabels,
    labelPx,
    editing,
    onOpen,
    onNudge,
    buildingFill,
    buildingName,
  } = props;
  const showNames = labelPx * NAME_M >= MIN_LABEL_PX;
  const { t } = useTranslation();
  const locale = currentLocale();
  const zones = new Map(plan.zones.map((z) => [z.id, z]));
  const at = (b: TBuilding) => moved.get(b.id) ?? { x: b.x, y: b.y };

  return (
    <>
      {plan.zones.map((zone) => {
        const area = zoneArea(zone, buildings, at);
        if (!area) return null;
        return (
          <g key={zone.id} className="plan-zone" aria-hidden>
            <rect
              x={area.x}
              y={area.y}
              width={area.w}
              height={area.h}
              rx={6}
              fill={zone.color}
              stroke={zone.color}
            />
            {showNames && (
              <text x={area.x + 4} y={area.y - 3} fontSize={NAME_M}>
                {zone.name}
              </text>
            )}
          </g>
        );
      })}
      {plan.gates.map((gate) => (
        <g key={gate.id} className="plan-gate" aria-hidden>
          <path
            d={`M ${gate.x} ${gate.y - 9} L ${gate.x + 9} ${gate.y} L ${gate.x} ${gate.y + 9} L ${gate.x - 9} ${gate.y} Z`}
          />
          {showNames && (
            <text x={gate.x} y={gate.y + 9 + NAME_M + 2} fontSize={NAME_M} textAnchor="middle">
              {gate.name}
            </text>
          )}
        </g>
      ))}
      {buildings.map((b) => {
        const p = at(b);
        const zone = b.zoneId ? zones.get(b.zoneId) : undefined;
        const fill = buildingFill?.(b) ?? zone?.color ?? '#8c8c8c';
        const name =
          buildingName?.(b) ??
          t('sitePlan.buildingLink', {
            building: buildingLabel(b.code, locale),
            zone: zone?.name ?? t('registry.noZone'),
            households: b.households,
            vulnerable: b.vulnerable,
          });
        return (
          <a
            key={b.id}
            href={`/buildings/${b.id}`}
            data-building-id={b.id}
            aria-label={name}
            className={moved.has(b.id) ? 'plan-building is-moved' : 'plan-building'}
            onClick={(event) => {
              event.preventDefault();
              if (!editing) onOpen(b);
            }}
            onKeyDown={(event) => {
              const step = ARROW_STEP[event.key as keyof typeof ARROW_STEP];
              if (!editing || !step) return;
              event.preventDefault();
              const size = event.shiftKey ? 5 : 1;
              onNudge(b, { x: step[0] * size, y: step[1] * size });
            }}
          >
            <title>{name}</title>
            <rect
              x={p.x - BUILDING_W / 2}
              y={p.y - BUILDING_H / 2}
              width={BUILDING_W}
              height={BUILDING_H}
              rx={1.5}
              fill={fill}
              stroke={fill}
            />
            {showLabels && (
              <text x={p.x} y={p.y} fontSize={LABEL_M} textAnchor="middle" dominantBaseline="central">
                {b.code}
              </text>
            )}
          </a>
        );
      })}
    </>
  );
});
