import { type PointerEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { centre, type Point, toPlan, type View, zoomView } from './geometry.ts';

type Gesture =
  | { kind: 'pan'; startView: View; ctm: DOMMatrix; anchor: Point }
  | { kind: 'pinch'; startView: View; ctm: DOMMatrix; anchor: Point; startDistance: number }
  | { kind: 'building'; id: string; ctm: DOMMatrix; startPlan: Point };

/** The centre of two fingers and their spread, or null with fewer than two on the screen. */
function midpointOf(pointers: Map<number, Point>) {
  const [a, b] = [...pointers.values()];
  if (!a || !b) return null;
  return { mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, distance: Math.hypot(a.x - b.x, a.y - b.y) };
}

// A finger moves a little during any tap; only more than this is a drag, and a drag is not a tap.
const DRAG_THRESHOLD_PX = 6;

interface Options {
  svgRef: RefObject<SVGSVGElement | null>;
  base: View;
  /** In edit mode a drag that starts on a building moves the building, not the map. */
  editing: boolean;
  onBuildingDrag: (id: string, delta: Point, phase: 'start' | 'move') => void;
}

/** Pan with one finger or the mouse, pinch or wheel to zoom, and drag buildings while editing. */
export function usePlanGestures({ svgRef, base, editing, onBuildingDrag }: Options) {
  const [view, setView] = useState(base);
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<Gesture | null>(null);
  const downAt = useRef<Point>({ x: 0, y: 0 });
  const dragged = useRef(false);

  const begin = useCallback(
    (target: Element | null, current: View) => {
      const svg = svgRef.current;
      const ctm = svg?.getScreenCTM();
      if (!svg || !ctm) return;
      const pair = midpointOf(pointers.current);
      if (pair) {
        const anchor = toPlan(svg, pair.mid.x, pair.mid.y, ctm);
        gesture.current = {
          kind: 'pinch',
          startView: current,
          ctm,
          anchor,
          startDistance: pair.distance || 1,
        };
        return;
      }
      const [only] = [...pointers.current.values()];
      if (!only) return;
      const anchor = toPlan(svg, only.x, only.y, ctm);
      const buildingId = editing
        ? target?.closest('[data-building-id]')?.getAttribute('data-building-id')
        : null;
      if (buildingId) {
        gesture.current = { kind: 'building', id: buildingId, ctm, startPlan: anchor };
        onBuildingDrag(buildingId, { x: 0, y: 0 }, 'start');
      } else {
        gesture.current = { kind: 'pan', startView: current, ctm, anchor };
      }
    },
    [svgRef, editing, onBuildingDrag],
  );

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    if (pointers.current.size === 0) dragged.current = false;
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    downAt.current = { x: event.clientX, y: event.clientY };
    begin(event.target as Element, view);
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    if (!svg || !pointers.current.has(event.pointerId)) return;
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const moved = Math.hypot(event.clientX - downAt.current.x, event.clientY - downAt.current.y);
    if (!dragged.current && moved > DRAG_THRESHOLD_PX) {
      dragged.current = true;
      // Captured only now, so that a plain tap still reaches the building's link as a click.
      svg.setPointerCapture(event.pointerId);
    }
    const g = gesture.current;
    if (!g || !dragged.current) return;
    if (g.kind === 'building') {
      const p = toPlan(svg, event.clientX, event.clientY, g.ctm);
      onBuildingDrag(g.id, { x: p.x - g.startPlan.x, y: p.y - g.startPlan.y }, 'move');
    } else if (g.kind === 'pan') {
      const p = toPlan(svg, event.clientX, event.clientY, g.ctm);
      setView(zoomView(g.startView, 1, g.anchor, p, base));
    } else {
      const pair = midpointOf(pointers.current);
      if (!pair) return;
      const p = toPlan(svg, pair.mid.x, pair.mid.y, g.ctm);
      setView(zoomView(g.startView, pair.distance / g.startDistance, g.anchor, p, base));
    }
  };

  const onPointerEnd = (event: PointerEvent<SVGSVGElement>) => {
    if (!pointers.current.delete(event.pointerId)) return;
    // Lifting one finger of a pinch carries on as a pan with the other.
    if (pointers.current.size > 0) begin(null, view);
    else gesture.current = null;
  };

  // React's wheel listener is passive, so it cannot stop the page from scrolling instead of zooming.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const p = toPlan(svg, event.clientX, event.clientY);
      setView((v) => zoomView(v, Math.exp(-event.deltaY * 0.002), p, p, base));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [svgRef, base]);

  const zoomBy = (factor: number) =>
    setView((v) => {
      const c = centre(v);
      return zoomView(v, factor, c, c, base);
    });

  return {
    view,
    zoomBy,
    reset: () => setView(base),
    /** True right after a drag, so the click that ends it does not also open a building. */
    wasDrag: () => dragged.current,
    handlers: { onPointerDown, onPointerMove, onPointerUp: onPointerEnd, onPointerCancel: onPointerEnd },
  };
}
