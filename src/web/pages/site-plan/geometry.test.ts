import { describe, expect, it } from 'vitest';
import { baseView, roundHalf, zoomView } from './geometry.ts';

const base = baseView({ width: 570, height: 300 });

describe('zoomView', () => {
  it('keeps the anchored point under the fingers while zooming', () => {
    const anchor = { x: 100, y: 50 };
    const zoomed = zoomView(base, 2, anchor, anchor, base);
    expect(zoomed.w).toBeCloseTo(base.w / 2);
    // The anchor sits at the same fraction of the view before and after.
    expect((anchor.x - zoomed.x) / zoomed.w).toBeCloseTo((anchor.x - base.x) / base.w);
    expect((anchor.y - zoomed.y) / zoomed.h).toBeCloseTo((anchor.y - base.y) / base.h);
  });

  it('pans by the distance the finger moved, in plan metres', () => {
    const panned = zoomView(base, 1, { x: 100, y: 100 }, { x: 130, y: 90 }, base);
    expect(panned).toMatchObject({ x: base.x - 30, y: base.y + 10, w: base.w, h: base.h });
  });

  it('stops zooming at the limits', () => {
    expect(zoomView(base, 1000, { x: 0, y: 0 }, { x: 0, y: 0 }, base).w).toBeCloseTo(base.w / 12);
    expect(zoomView(base, 0.001, { x: 0, y: 0 }, { x: 0, y: 0 }, base).w).toBeCloseTo(base.w * 1.5);
  });
});

it('rounds positions to the half metre', () => {
  expect(roundHalf(12.26)).toBe(12.5);
  expect(roundHalf(-3.74)).toBe(-3.5);
});
