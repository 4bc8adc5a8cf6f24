import { MinusOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBuilding, TSitePlan } from '../../../shared/api/registry.ts';
import { baseView, LABEL_M, MIN_LABEL_PX, type Point, roundHalf } from './geometry.ts';
import { PlanDrawing } from './PlanDrawing.tsx';
import { usePlanGestures } from './usePlanGestures.ts';

interface Props {
  plan: TSitePlan;
  buildings: TBuilding[];
  editing: boolean;
  moved: ReadonlyMap<string, Point>;
  onMove: (id: string, to: Point) => void;
  onOpen: (building: TBuilding) => void;
  /** colours and names of buildings from another feature (see PlanDrawing) */
  buildingFill?: (building: TBuilding) => string | undefined;
  buildingName?: (building: TBuilding) => string | undefined;
  /** more SVG drawn over the plan, in metres (e.g. disinfection points at gates and rubbish rooms) */
  overlay?: ReactNode;
}

/** The interactive map: the SVG, its gestures and the zoom buttons. */
export function SitePlanCanvas(props: Props) {
  const { plan, buildings, editing, moved, onMove, onOpen, buildingFill, buildingName, overlay } = props;
  const { t } = useTranslation();
  const svgRef = useRef<SVGSVGElement>(null);
  const base = useMemo(() => baseView(plan.bounds), [plan.bounds]);
  const dragOrigin = useRef<Point>({ x: 0, y: 0 });
  const byId = useMemo(() => new Map(buildings.map((b) => [b.id, b])), [buildings]);
  const position = useCallback(
    (id: string): Point => {
      const b = byId.get(id);
      return moved.get(id) ?? { x: b?.x ?? 0, y: b?.y ?? 0 };
    },
    [byId, moved],
  );

  const onBuildingDrag = useCallback(
    (id: string, delta: Point, phase: 'start' | 'move') => {
      if (phase === 'start') dragOrigin.current = position(id);
      else
        onMove(id, {
          x: roundHalf(dragOrigin.current.x + delta.x),
          y: roundHalf(dragOrigin.current.y + delta.y),
        });
    },
    [position, onMove],
  );
  const gestures = usePlanGestures({ svgRef, base, editing, onBuildingDrag });
  const { view } = gestures;

  // Numbers too small to read are hidden until the plan is zoomed in far enough.
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const observer = new ResizeObserver(() => setSize({ width: svg.clientWidth, height: svg.clientHeight }));
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);
  const pxPerMetre = Math.min(size.width / view.w, size.height / view.h);
  const showLabels = pxPerMetre * LABEL_M >= MIN_LABEL_PX;

  // Through a ref so the memoised drawing is not redrawn on every frame of a pan.
  const wasDrag = useRef(gestures.wasDrag);
  wasDrag.current = gestures.wasDrag;
  const open = useCallback((b: TBuilding) => !wasDrag.current() && onOpen(b), [onOpen]);
  const nudge = useCallback(
    (b: TBuilding, delta: Point) => {
      const p = position(b.id);
      onMove(b.id, { x: roundHalf(p.x + delta.x), y: roundHalf(p.y + delta.y) });
    },
    [position, onMove],
  );

  return (
    <div className={editing ? 'plan-frame is-editing' : 'plan-frame'}>
      <div className="plan-toolbar">
        <div className="plan-zoom">
          <Button
            icon={<PlusOutlined aria-hidden />}
            aria-label={t('sitePlan.zoomIn')}
            onClick={() => gestures.zoomBy(1.5)}
          />
          <Button
            icon={<MinusOutlined aria-hidden />}
            aria-label={t('sitePlan.zoomOut')}
            onClick={() => gestures.zoomBy(1 / 1.5)}
          />
          <Button
            icon={<UndoOutlined aria-hidden />}
            aria-label={t('sitePlan.resetView')}
            onClick={gestures.reset}
          />
        </div>
        <p className="plan-hint">{showLabels ? t('sitePlan.panHint') : t('sitePlan.zoomHint')}</p>
      </div>
      <svg
        ref={svgRef}
        className="plan-svg"
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        aria-labelledby="site-plan-title"
        {...gestures.handlers}
      >
        <title>{t('sitePlan.title')}</title>
        <PlanDrawing
          plan={plan}
          buildings={buildings}
          moved={moved}
          showLabels={showLabels}
          labelPx={pxPerMetre}
          editing={editing}
          onOpen={open}
          onNudge={nudge}
          buildingFill={buildingFill}
          buildingName={buildingName}
        />
        {overlay}
      </svg>
    </div>
  );
}
