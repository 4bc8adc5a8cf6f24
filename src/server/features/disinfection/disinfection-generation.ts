import { eq } from 'drizzle-orm';
import {
  type DisinfectionScheduleKind,
  dueTimes,
  localDay,
  localDaysSpan,
} from '../../../domain/disinfection/schedule.ts';
import { addDays } from '../../../domain/shifts/zoned-time.ts';
import { DISINFECTION_CHANGED } from '../../../shared/api/disinfection.ts';
import { disinfectionAreas } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { registerBackgroundTask } from '../../platform/background.ts';
import type { AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import {
  communitiesWithAreas,
  type Executor,
  endedRoundsWithoutTask,
  insertTasks,
  listAreas,
} from './disinfection.repository.ts';

/** Tasks are kept made for this many local days from today: today and tomorrow. */
export const GENERATED_DAYS = 2;

export interface TaskInsert {
  communityId: string;
  areaId: string;
  dueAt: Date;
  roundId?: string | null;
  createdAt: Date;
}

interface ScheduledArea {
  id: string;
  schedule: string;
  times: string[];
  weekday: number | null;
  graceMinutes: number;
  createdAt: Date;
}

/**
 * The tasks an area's schedule asks for today and tomorrow (community time). A task is never made
 * already overdue: not before the area existed, nor more than its grace ago. So a new area, or a
 * time added to a schedule in the afternoon, starts with the rounds still to come; and a server that
 * was down for less than the grace still makes the rounds it missed.
 */
export function scheduledTasks(
  area: ScheduledArea,
  communityId: string,
  timeZone: string,
  now: Date,
): TaskInsert[] {
  const span = localDaysSpan(localDay(now, timeZone), timeZone, GENERATED_DAYS);
  const from = new Date(
    Math.max(span.from.getTime(), area.createdAt.getTime(), now.getTime() - area.graceMinutes * 60_000),
  );
  const schedule = {
    schedule: area.schedule as DisinfectionScheduleKind,
    times: area.times,
    weekday: area.weekday,
  };
  return dueTimes(schedule, timeZone, from, span.to).map((dueAt) => ({
    communityId,
    areaId: area.id,
    dueAt,
    createdAt: now,
  }));
}

/**
 * One community's pass, in the caller's transaction: the scheduled areas' tasks for today and
 * tomorrow, and a task for each after-testing area per testing round ended since. Safe to run in
 * several processes at once and as often as wanted: a task already there (area, due time) is kept.
 */
export async function generateCommunityTasks(tx: Executor, communityId: string, timeZone: string, now: Date) {
  const areas = await listAreas(tx, communityId, eq(disinfectionAreas.active, true));
  const rows = areas.flatMap((area) => scheduledTasks(area, communityId, timeZone, now));
  // Rounds that ended before yesterday are history: an area switched back on is not given them.
  const since = localDaysSpan(addDays(localDay(now, timeZone), -1), timeZone).from;
  for (const ended of await endedRoundsWithoutTask(tx, communityId, since, now)) {
    rows.push({
      communityId,
      areaId: ended.areaId,
      dueAt: ended.endedAt!,
      roundId: ended.roundId,
      createdAt: now,
    });
  }
  const made = await insertTasks(tx, rows);
  const count = made.length;
  if (count > 0) {
    await audit(tx, {
      communityId,
      account: null,
      role: 'system',
      action: 'disinfection.generate',
      targetType: 'community',
      targetId: communityId,
      params: { count, areas: new Set(made.map((r) => r.areaId)).size },
    });
    await publishLive(tx, {
      communityId,
      type: DISINFECTION_CHANGED,
      data: { areaId: null },
      coalesceKey: 'disinfection',
    });
  }
  return count;
}

/** The background task: every community with areas in use, each in its own transaction. */
export async function generateDisinfectionTasks(deps: AppDeps) {
  let made = 0;
  for (const c of await communitiesWithAreas(deps.db)) {
    made += await deps.db.transaction((tx) =>
      generateCommunityTasks(tx, c.communityId, c.timeZone, deps.clock.now()),
    );
  }
  return made;
}

registerBackgroundTask({
  name: 'disinfection-tasks',
  intervalMs: 5 * 60_000,
  run: generateDisinfectionTasks,
});
