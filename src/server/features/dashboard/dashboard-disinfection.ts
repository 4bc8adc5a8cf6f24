import { and, eq, or } from 'drizzle-orm';
import { localDaysSpan } from '../../../domain/disinfection/schedule.ts';
import { addDays } from '../../../domain/shifts/zoned-time.ts';
import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { disinfectionTasks } from '../../db/schema/index.ts';
import { listTasks, tasksDueBetween } from '../disinfection/disinfection.repository.ts';
import { CARRY_DAYS, presentTask } from '../disinfection/disinfection-tasks.service.ts';

/**
 * Today's disinfection list as listDisinfectionTasks answers it (the day's rounds, and the last week's
 * still not done), counted as the home page's tile counts it: skipped rounds left out, done and
 * overdue ones counted; the overdue areas named once each, the longest overdue first.
 */
export async function disinfectionFigures(
  db: Db,
  communityId: string,
  timeZone: string,
  today: string,
  now: Date,
): Promise<TDashboard['disinfection']> {
  const span = localDaysSpan(today, timeZone);
  const carried = and(
    eq(disinfectionTasks.status, 'due'),
    tasksDueBetween(localDaysSpan(addDays(today, -CARRY_DAYS), timeZone).from, span.from),
  );
  const rows = await listTasks(db, communityId, or(tasksDueBetween(span.from, span.to), carried));
  const tasks = rows.map((row) => presentTask(communityId, row, now)).filter((t) => t.status !== 'skipped');
  const overdue = tasks.filter((t) => t.overdue);
  const areas = new Map<string, string>();
  for (const t of overdue) if (!areas.has(t.areaId)) areas.set(t.areaId, t.areaName);
  return {
    dueToday: tasks.length,
    doneToday: tasks.filter((t) => t.status === 'done').length,
    overdue: overdue.length,
    overdueAreas: [...areas].map(([id, name]) => ({ id, name })),
  };
}
