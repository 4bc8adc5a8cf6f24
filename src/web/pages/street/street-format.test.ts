import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attention, attentionColour, projectPoints, waitedSince } from './street-format.ts';

const frame = { width: 600, height: 400, pad: 30 };
const place = fc.record({
  latitude: fc.double({ min: 20, max: 45, noNaN: true }),
  longitude: fc.double({ min: 100, max: 125, noNaN: true }),
});

describe('the street map', () => {
  it('keeps every compound inside the frame, north up and east to the right', () => {
    fc.assert(
      fc.property(fc.array(place, { minLength: 1, maxLength: 50 }), (points) => {
        const xy = projectPoints(points, frame);
        for (const p of xy) {
          expect(p.x).toBeGreaterThanOrEqual(frame.pad - 1e-6);
          expect(p.x).toBeLessThanOrEqual(frame.width - frame.pad + 1e-6);
          expect(p.y).toBeGreaterThanOrEqual(frame.pad - 1e-6);
          expect(p.y).toBeLessThanOrEqual(frame.height - frame.pad + 1e-6);
        }
        for (let i = 0; i < points.length; i++) {
          for (let j = 0; j < points.length; j++) {
            if (points[i]!.longitude < points[j]!.longitude)
              expect(xy[i]!.x).toBeLessThanOrEqual(xy[j]!.x + 1e-9);
            if (points[i]!.latitude > points[j]!.latitude)
              expect(xy[i]!.y).toBeLessThanOrEqual(xy[j]!.y + 1e-9);
          }
        }
      }),
    );
  });

  it('puts a lone compound in the middle', () => {
    expect(projectPoints([{ latitude: 31.2, longitude: 121.4 }], frame)).toEqual([{ x: 300, y: 200 }]);
  });

  it('asks for attention by the figure: more waiting is worse, less coverage is worse', () => {
    expect(attention('parcelsWaiting', 50, 100)).toBe(0.5);
    expect(attention('parcelsWaiting', 0, 0)).toBe(0);
    expect(attention('testingCoverage', 0.9, 1)).toBeCloseTo(0.1);
    expect(attention('testingCoverage', null, 1)).toBe(0);
    expect(attentionColour(0)).toBe('rgb(56, 158, 13)');
    expect(attentionColour(1)).toBe('rgb(207, 19, 34)');
  });

  it('says a wait in minutes, hours or days', () => {
    const now = Date.parse('2026-04-11T13:00:00Z');
    expect(waitedSince('2026-04-11T12:30:00Z', now)).toEqual({ key: 'waitedMinutes', count: 30 });
    expect(waitedSince('2026-04-10T13:00:00Z', now)).toEqual({ key: 'waitedHours', count: 24 });
    expect(waitedSince('2026-04-08T13:00:00Z', now)).toEqual({ key: 'waitedDays', count: 3 });
    expect(waitedSince(null, now)).toBeNull();
  });
});
