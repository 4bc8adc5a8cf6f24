import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateShifts, type ShiftTemplateSpec, signupLeadMinutes } from './generate.ts';
import { addDays, daysBetween, isoWeekday, offsetAt, wallClockAt, wallTimeToInstant } from './zoned-time.ts';

const DAY = 86_400_000;

const parcels: ShiftTemplateSpec = {
  startTime: '08:00',
  endTime: '12:00',
  roles: [
    { role: '分拣', capacity: 1 },
    { role: '骑车配送', capacity: 2 },
  ],
  opensDaysBefore: 1,
  opensAt: '20:00',
  closesMinutesBefore: 60,
  cancelCutoffMinutes: 120,
  mode: 'first_come',
};

const iso = (d: Date) => d.toISOString();

describe('generating shifts from a template', () => {
  it('makes the story’s parcel shift each day, opening the evening before, on Shanghai time', () => {
    const made = generateShifts(parcels, { from: '2022-04-20', to: '2022-04-22' }, 'Asia/Shanghai');
    expect(made.map((s) => [s.day, iso(s.startsAt), iso(s.endsAt)])).toEqual([
      ['2022-04-20', '2022-04-20T00:00:00.000Z', '2022-04-20T04:00:00.000Z'],
      ['2022-04-21', '2022-04-21T00:00:00.000Z', '2022-04-21T04:00:00.000Z'],
      ['2022-04-22', '2022-04-22T00:00:00.000Z', '2022-04-22T04:00:00.000Z'],
    ]);
    expect(iso(made[0]!.signupOpensAt)).toBe('2022-04-19T12:00:00.000Z');
    expect(iso(made[0]!.signupClosesAt)).toBe('2022-04-19T23:00:00.000Z');
    expect(made[0]!.roles).toEqual(parcels.roles);
  });

  it('ends a night shift the next morning, and keeps to named weekdays', () => {
    const night = { ...parcels, startTime: '21:00', endTime: '06:00' };
    // 2022-04-18 is a Monday
    const made = generateShifts(night, { from: '2022-04-18', to: '2022-04-24', weekdays: [6, 7] }, 'UTC');
    expect(made.map((s) => [s.day, iso(s.startsAt), iso(s.endsAt)])).toEqual([
      ['2022-04-23', '2022-04-23T21:00:00.000Z', '2022-04-24T06:00:00.000Z'],
      ['2022-04-24', '2022-04-24T21:00:00.000Z', '2022-04-25T06:00:00.000Z'],
    ]);
  });

  it('follows daylight saving: a time skipped by the clock moves on by the jump, a repeated one is the first', () => {
    const ny = 'America/New_York';
    // 2026-03-08 02:00 → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST
    expect(iso(wallTimeToInstant('2026-03-08', '02:30', ny))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(wallTimeToInstant('2026-03-08', '08:00', ny))).toBe('2026-03-08T12:00:00.000Z');
    expect(iso(wallTimeToInstant('2026-11-01', '01:30', ny))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(wallTimeToInstant('2026-11-01', '08:00', ny))).toBe('2026-11-01T13:00:00.000Z');
    const [spring] = generateShifts(
      { ...parcels, startTime: '01:30', endTime: '02:15' },
      { from: '2026-03-08', to: '2026-03-08' },
      ny,
    );
    // 01:30 EST to "02:15", which is 03:15 EDT: 45 minutes on the clock face, 45 in fact
    expect(spring!.endsAt.getTime() - spring!.startsAt.getTime()).toBe(45 * 60_000);
  });
});

const zones = Intl.supportedValuesOf('timeZone');
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays('1992-01-01', n));
const template = fc
  .record({
    startTime: time,
    endTime: time,
    opensDaysBefore: fc.integer({ min: 0, max: 7 }),
    opensAt: time,
    closesMinutesBefore: fc.integer({ min: 0, max: 24 * 60 }),
    cancelCutoffMinutes: fc.integer({ min: 0, max: 600 }),
    mode: fc.constantFrom('first_come' as const, 'draw' as const),
    roles: fc.constant([{ role: 'volunteer', capacity: 3 }]),
  })
  .filter((t) => signupLeadMinutes(t) > 0);
const range = fc.record({
  from: day,
  length: fc.integer({ min: 0, max: 62 }),
  weekdays: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), {
    nil: undefined,
  }),
});

describe('generated shifts, for any zone, template and range', () => {
  it('start on each wanted day of the range at the local start time, end after they start, and open before they close', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), template, range, (zone, t, r) => {
        const to = addDays(r.from, r.length);
        const made = generateShifts(t, { from: r.from, to, weekdays: r.weekdays }, zone);
        const wanted = daysBetween(r.from, to).filter(
          (d) => !r.weekdays || r.weekdays.includes(isoWeekday(d)),
        );
        expect(made.map((s) => s.day)).toEqual(wanted);
        for (const s of made) {
          const local = wallClockAt(s.startsAt, zone);
          if (local.day !== s.day || local.time !== t.startTime) {
            // Only a time the clock skips may move, and then by exactly the jump.
            const at = s.startsAt.getTime();
            const jump = offsetAt(at + DAY, zone) - offsetAt(at - DAY, zone);
            const shown = Date.parse(`${local.day}T${local.time}:00Z`);
            expect(jump).toBeGreaterThan(0);
            expect(shown - Date.parse(`${s.day}T${t.startTime}:00Z`)).toBe(jump);
          }
          expect(s.endsAt.getTime()).toBeGreaterThan(s.startsAt.getTime());
          expect(s.signupClosesAt.getTime()).toBeLessThanOrEqual(s.startsAt.getTime());
          expect(s.signupOpensAt.getTime()).toBeLessThan(s.signupClosesAt.getTime());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('are the same every time (which is what stops a second copy of a shift)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), template, range, (zone, t, r) => {
        const spec = { from: r.from, to: addDays(r.from, r.length), weekdays: r.weekdays };
        expect(generateShifts(t, spec, zone)).toEqual(generateShifts(t, spec, zone));
      }),
      { numRuns: 50 },
    );
  });

  it('land exactly on the start time where the clock never changes (China since 1992)', () => {
    fc.assert(
      fc.property(template, day, (t, d) => {
        const [s] = generateShifts(t, { from: d, to: d }, 'Asia/Shanghai');
        expect(wallClockAt(s!.startsAt, 'Asia/Shanghai')).toEqual({ day: d, time: t.startTime });
        expect(s!.startsAt.getTime()).toBe(Date.parse(`${d}T${t.startTime}:00+08:00`));
      }),
    );
  });
});
