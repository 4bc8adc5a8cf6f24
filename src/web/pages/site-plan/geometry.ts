/** A building drawn as a block of this size (metres) centred on its x, y; the registry has no footprints. */
export const BUILDING_W = 20;
export const BUILDING_H = 12;
/** Building numbers are drawn this tall (metres); below MIN_LABEL_PX on screen they are hidden, not squinted at. */
export const LABEL_M = 8;
export const MIN_LABEL_PX = 11;
/** Zone and gate names: larger, since there is room for them around the buildings. */
export const NAME_M = 12;
/** Margin around the plan's bounds so the gates on its edges are not clipped. */
export const PAD = 30;

export interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

export const baseView = (bounds: { width: number; height: number }): View => ({
  x: -PAD,
  y: -PAD,
  w: bounds.width + 2 * PAD,
  h: bounds.height + 2 * PAD,
});

/** Screen pixels to plan metres, through the transform the SVG has right now. */
export function toPlan(svg: SVGSVGElement, clientX: number, clientY: number, ctm?: DOMMatrix): Point {
  const matrix = ctm ?? svg.getScreenCTM();
  if (!matrix) return { x: 0, y: 0 };
  const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
  return { x: p.x, y: p.y };
}

/**
 * The view scaled by `factor` so that plan point `anchor` ends up where `target` is now (both
 * in the coordinates of `from`). Pan is factor 1; pinch and wheel zoom keep the fingers' spot fixed.
 */
export function zoomView(from: View, factor: number, anchor: Point, target: Point, base: View): View {
  const min = base.w / 12;
  const max = base.w * 1.5;
  const w = Math.min(max, Math.max(min, from.w / factor));
  const f = from.w / w;
  const h = from.h / f;
  return { x: anchor.x - (target.x - from.x) / f, y: anchor.y - (target.y - from.y) / f, w, h };
}

export const centre = (v: View): Point => ({ x: v.x + v.w / 2, y: v.y + v.h / 2 });

/** Positions are kept to the half metre: finer than a drag can mean, coarse enough to read. */
export const roundHalf = (n: number) => Math.round(n * 2) / 2;
