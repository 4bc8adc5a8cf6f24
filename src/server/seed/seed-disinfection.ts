import { randomUUID } from 'node:crypto';
import {
  type DisinfectionScheduleKind,
  dueTimes,
  localDay,
  localDaysSpan,
} from '../../domain/disinfection/schedule.ts';
import { createRandom } from '../../domain/random.ts';
import { addDays } from '../../domain/shifts/zoned-time.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';

const MINUTE = 60_000;
const GRACE_MINUTES = 120;

type AreaRow = typeof t.disinfectionAreas.$inferInsert & { id: string; times: string[] };
type TaskRow = typeof t.disinfectionTasks.$inferInsert;

// Rubbish rooms sit in the gaps between the rows of buildings; the testing square between the zones.
const RUBBISH_POINTS = [
  { name: '西区垃圾房（北）', x: 43, y: 90 },
  { name: '西区垃圾房（南）', x: 199, y: 210 },
  { name: '东区垃圾房（北）', x: 303, y: 90 },
  { name: '东区垃圾房（南）', x: 459, y: 210 },
];
/** Left open past their grace, for the coverage view to show in red. */
const LEFT_OVERDUE = ['37号楼电梯', '东区垃圾房（南）'];

/**
 * The disinfection group's rounds (消杀) in the demo: every building's lobby and lifts twice a day,
 * the gates three times, the rubbish rooms twice, and the testing square after each testing round.
 * Yesterday's rounds were all done but two, still overdue; today's that are due were done by the
 * group (v221 … v250), a few even early; today's later rounds and tomorrow's are open.
 */
export async function seedDemoDisinfection(
  db: Db,
  row: {
    communityId: string;
    now: Date;
    timeZone: string;
    buildings: readonly { id: string; code: string }[];
    gates: readonly { id: string; name: string }[];
    /** the disinfection group's accounts, its leader first */
    crew: readonly string[];
  },
) {
  const { communityId, now, timeZone } = row;
  const random = createRandom(20220420);
  const createdAt = new Date(now.getTime() - 14 * 24 * 60 * MINUTE);
  const area = (
    fields: Omit<AreaRow, 'communityId' | 'id' | 'createdAt' | 'createdBy' | 'graceMinutes'>,
  ) => ({
    communityId,
    id: randomUUID(),
    createdAt,
    createdBy: row.crew[0] ?? null,
    graceMinutes: GRACE_MINUTES,
    ...fields,
  });
  const areas: AreaRow[] = [
    ...row.buildings.flatMap((b) => [
      area({
        name: `${b.code}号楼大堂`,
        kind: 'lobby',
        buildingId: b.id,
        schedule: 'daily',
        times: ['09:00', '15:00'],
      }),
      area({
        name: `${b.code}号楼电梯`,
        kind: 'lift',
        buildingId: b.id,
        schedule: 'daily',
        times: ['09:30', '15:30'],
      }),
    ]),
    ...row.gates.map((g) =>
      area({
        name: g.name,
        kind: 'gate',
        gateId: g.id,
        schedule: 'daily',
        times: ['07:00', '12:00', '18:00'],
      }),
    ),
    ...RUBBISH_POINTS.map((p) =>
      area({ name: p.name, kind: 'rubbish', x: p.x, y: p.y, schedule: 'daily', times: ['10:00', '19:00'] }),
    ),
    area({
      name: '核酸采样点',
      kind: 'testing_square',
      x: 264,
      y: 150,
      schedule: 'after_testing',
      times: [],
    }),
  ];
  for (let i = 0; i < areas.length; i += 500)
    await db.insert(t.disinfectionAreas).values(areas.slice(i, i + 500));

  const today = localDay(now, timeZone);
  const span = localDaysSpan(addDays(today, -1), timeZone, 3);
  const todayStart = localDaysSpan(today, timeZone).from;
  const doer = () => row.crew[random.int(0, row.crew.length - 1)] ?? null;
  const tasks: TaskRow[] = [];
  // A few schedules serve hundreds of areas: each one's times are worked out once.
  const dueOf = new Map<string, Date[]>();
  for (const a of areas) {
    const key = `${a.schedule} ${a.times.join()}`;
    if (!dueOf.has(key)) {
      const schedule = { schedule: a.schedule as DisinfectionScheduleKind, times: a.times, weekday: null };
      dueOf.set(key, dueTimes(schedule, timeZone, span.from, span.to));
    }
    const due = dueOf.get(key)!;
    const overdue = LEFT_OVERDUE.includes(a.name) ? due.filter((d) => d < todayStart).at(-1) : undefined;
    for (const dueAt of due) {
      const task: TaskRow = {
        communityId,
        areaId: a.id,
        dueAt,
        createdAt: new Date(dueAt.getTime() - 24 * 60 * MINUTE),
      };
      const passed = dueAt.getTime() + GRACE_MINUTES * MINUTE < now.getTime();
      const dueNow = dueAt <= now && !passed;
      if (dueAt !== overdue && (passed || (dueNow && random.chance(0.6)))) {
        const doneAt = new Date(
          Math.min(dueAt.getTime() + random.int(-20, 60) * MINUTE, now.getTime() - MINUTE),
        );
        Object.assign(task, { status: 'done', doneAt, doneBy: doer() });
      }
      tasks.push(task);
    }
  }
  // Early in the morning nothing of today is due yet: a few volunteers started the first lobbies early.
  const doneToday = tasks.filter((x) => x.doneAt && x.doneAt >= todayStart);
  if (doneToday.length === 0) {
    const early = tasks
      .filter((x) => x.dueAt >= todayStart && localDay(x.dueAt, timeZone) === today)
      .sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime())
      .slice(0, 12);
    for (const x of early) {
      const doneAt = new Date(Math.max(todayStart.getTime(), now.getTime() - random.int(5, 40) * MINUTE));
      Object.assign(x, { status: 'done', doneAt, doneBy: doer() });
    }
  }
  for (let i = 0; i < tasks.length; i += 1000)
    await db.insert(t.disinfectionTasks).values(tasks.slice(i, i + 1000));
  return { areas: areas.length, tasks: tasks.length };
}
