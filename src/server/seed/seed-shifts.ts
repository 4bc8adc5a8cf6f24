import { randomUUID } from 'node:crypto';
import { generateShifts, type ShiftTemplateSpec } from '../../domain/shifts/generate.ts';
import { addDays, wallClockAt } from '../../domain/shifts/zoned-time.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';

/** The parcel crew of the story: three shifts a day, one sorts and two ride the tricycle. */
const PARCEL_SHIFTS: [string, string][] = [
  ['08:00', '12:00'],
  ['12:00', '17:00'],
  ['17:00', '21:00'],
];
const PARCEL_ROLES = [
  { role: '分拣', capacity: 1 },
  { role: '骑车配送', capacity: 2 },
];
/** Today and the next days: enough for open shifts to sign up for, little enough to seed at once. */
const DEMO_DAYS = 4;

/**
 * The parcels group's templates, and their shifts from today on (by the community's clock) that have
 * not started yet, so the demo has sign-ups open (from 20:00 the evening before) and coming up.
 */
export async function seedParcelShifts(
  db: Db,
  row: {
    communityId: string;
    groupId: string;
    timeZone: string;
    now: Date;
    /** the parcels group's volunteers: today's shifts are already filled from them */
    crew: readonly { volunteerId: string; vehicles: readonly string[] }[];
    /** rides every one of today's shifts, so the demo has a rider to sign in as (v002) */
    knownRider?: string;
  },
) {
  const { communityId, groupId, timeZone, now, crew, knownRider } = row;
  const riders = crew.filter((c) => c.vehicles.length > 0 && c.volunteerId !== knownRider);
  const sorters = crew.filter((c) => c.vehicles.length === 0);
  const signupRows: (typeof t.shiftSignups.$inferInsert)[] = [];
  const today = wallClockAt(now, timeZone).day;
  const templates = PARCEL_SHIFTS.map(([startTime, endTime]) => ({
    id: randomUUID(),
    spec: {
      startTime,
      endTime,
      roles: PARCEL_ROLES,
      opensDaysBefore: 1,
      opensAt: '20:00',
      closesMinutesBefore: 60,
      cancelCutoffMinutes: 120,
      mode: 'first_come',
    } satisfies ShiftTemplateSpec,
  }));
  await db
    .insert(t.shiftTemplates)
    .values(templates.map(({ id, spec }) => ({ communityId, id, groupId, ...spec })));
  const shiftRows: (typeof t.shifts.$inferInsert)[] = [];
  const roleRows: (typeof t.shiftRoles.$inferInsert)[] = [];
  for (const { id: templateId, spec } of templates) {
    const range = { from: today, to: addDays(today, DEMO_DAYS - 1) };
    for (const s of generateShifts(spec, range, timeZone).filter((x) => x.startsAt > now)) {
      const shiftId = randomUUID();
      const { day, roles, ...times } = s;
      shiftRows.push({ communityId, id: shiftId, groupId, templateId, ...times });
      // Today's shifts sold out the evening before (秒杀): one sorter and two riders with vehicles.
      const crewToday = day === today ? todaysCrew(shiftRows.length) : [];
      roleRows.push(
        ...roles.map((r, sort) => ({
          communityId,
          shiftId,
          ...r,
          sort,
          taken: crewToday.filter((c) => c.role === r.role).length,
        })),
      );
      signupRows.push(
        ...crewToday.map((c) => ({
          communityId,
          shiftId,
          role: c.role,
          volunteerId: c.volunteerId,
          status: 'confirmed',
          createdAt: new Date(times.signupOpensAt.getTime() + 1000),
        })),
      );
    }
  }
  if (shiftRows.length === 0) return;
  await db.insert(t.shifts).values(shiftRows);
  await db.insert(t.shiftRoles).values(roleRows);
  if (signupRows.length > 0) await db.insert(t.shiftSignups).values(signupRows);

  function todaysCrew(n: number) {
    if (riders.length < 2 || sorters.length < 1) return [];
    return [
      { role: PARCEL_ROLES[0]!.role, volunteerId: sorters[n % sorters.length]!.volunteerId },
      {
        role: PARCEL_ROLES[1]!.role,
        volunteerId: knownRider ?? riders[(2 * n) % riders.length]!.volunteerId,
      },
      { role: PARCEL_ROLES[1]!.role, volunteerId: riders[(2 * n + 1) % riders.length]!.volunteerId },
    ];
  }
}
