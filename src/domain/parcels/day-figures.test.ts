import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { perVolunteerHour, type ShiftHoursInput, volunteerHours } from './day-figures.ts';

const shiftArb: fc.Arbitrary<ShiftHoursInput> = fc.record({
  lengthMinutes: fc.integer({ min: 30, max: 12 * 60 }),
  signedUp: fc.integer({ min: 0, max: 30 }),
  attendanceTaken: fc.boolean(),
  workedMinutes: fc.integer({ min: 0, max: 30 * 12 * 60 }),
});
const shiftsArb = fc.array(shiftArb, { maxLength: 12 });

describe('volunteer-hours of a parcel day', () => {
  it('counts worked minutes where attendance was taken, and sign-ups × length elsewhere', () => {
    fc.assert(
      fc.property(shiftsArb, (shifts) => {
        const expected = shifts.reduce(
          (sum, s) => sum + (s.attendanceTaken ? s.workedMinutes : s.signedUp * s.lengthMinutes),
          0,
        );
        expect(volunteerHours(shifts).hours).toBeCloseTo(expected / 60, 2);
      }),
    );
  });

  it('names the basis: all shifts attended, none, some, or no shift at all', () => {
    fc.assert(
      fc.property(shiftsArb, (shifts) => {
        const { basis, hours } = volunteerHours(shifts);
        const attended = shifts.filter((s) => s.attendanceTaken).length;
        if (shifts.length === 0) expect([basis, hours]).toEqual(['none', 0]);
        else if (attended === shifts.length) expect(basis).toBe('attendance');
        else if (attended === 0) expect(basis).toBe('signed_up');
        else expect(basis).toBe('mixed');
      }),
    );
  });

  it('does not depend on the order of the shifts, and a further shift never lowers the hours', () => {
    fc.assert(
      fc.property(shiftsArb, shiftArb, (shifts, extra) => {
        const hours = volunteerHours(shifts);
        expect(volunteerHours([...shifts].reverse())).toEqual(hours);
        expect(volunteerHours([...shifts, extra]).hours).toBeGreaterThanOrEqual(hours.hours);
      }),
    );
  });

  it('gives 4.5 hours for a checked 150 minutes beside two sign-ups for an hour', () => {
    const hours = volunteerHours([
      { lengthMinutes: 120, signedUp: 2, attendanceTaken: true, workedMinutes: 150 },
      { lengthMinutes: 60, signedUp: 2, attendanceTaken: false, workedMinutes: 0 },
    ]);
    expect(hours).toEqual({ hours: 4.5, basis: 'mixed' });
  });
});

describe('parcels delivered per volunteer-hour', () => {
  it('is null without hours, otherwise delivered ÷ hours to a tenth, growing with deliveries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 2000, noNaN: true })),
        (delivered, hours) => {
          const rate = perVolunteerHour(delivered, hours);
          if (hours === 0) {
            expect(rate).toBeNull();
            return;
          }
          expect(rate).not.toBeNull();
          expect(Math.abs(rate! - delivered / hours)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(perVolunteerHour(delivered + 1, hours)!).toBeGreaterThanOrEqual(rate!);
        },
      ),
    );
    expect(perVolunteerHour(4, 4.5)).toBe(0.9);
  });
});
