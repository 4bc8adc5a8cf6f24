import { and, eq, gte, or } from 'drizzle-orm';
import type { z } from 'zod';
import { isOverdue, localDay, localDaysSpan, mayLogNow } from '../../../domain/disinfection/schedule.ts';
import { addDays, wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import {
  DISINFECTION_CHANGED,
  disinfectionPhotoPath,
  type TDisinfectionAreaKind,
  type TDisinfectionTask,
  type TDisinfectionTaskList,
  type TLogDisinfection,
  type ZDisinfectionTaskQuery,
} from '../../../shared/api/disinfection.ts';
import { disinfectionTasks } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { ImageRejected, stripImageMetadata } from '../medicine/image-metadata.ts';
import {
  communityTimeZone,
  findPhoto,
  findTask,
  listTasks,
  markDone,
  overdueAt,
  savePhoto,
  type TaskRow,
  tasksDueBetween,
} from './disinfection.repository.ts';
import { authorizeDisinfection } from './disinfection-access.ts';

const MINUTE = 60_000;
/** Open rounds of this many days back still show on today's list (older ones are history). */
export const CARRY_DAYS = 7;

export function presentTask(communityId: string, row: TaskRow, now: Date): TDisinfectionTask {
  return {
    id: row.id,
    areaId: row.areaId,
    areaName: row.areaName,
    areaKind: row.areaKind as TDisinfectionAreaKind,
    buildingCode: row.buildingCode,
    gateName: row.gateName,
    dueAt: row.dueAt.toISOString(),
    overdueAt: new Date(row.dueAt.getTime() + row.graceMinutes * MINUTE).toISOString(),
    status: row.status as TDisinfectionTask['status'],
    overdue: isOverdue(row, now),
    roundId: row.roundId,
    doneAt: row.doneAt?.toISOString() ?? null,
    doneBy: row.doneById ? { id: row.doneById, name: row.doneByName ?? '' } : null,
    note: row.note,
    photoPath: row.hasPhoto ? disinfectionPhotoPath(communityId, row.id) : null,
  };
}

/** "04-09 09:00": a due or done time on the community's clock, for messages and the audit log. */
const localWords = (at: Date, timeZone: string) => {
  const wall = wallClockAt(at, timeZone);
  return `${wall.day.slice(5)} ${wall.time}`;
};

const STATUS_FILTER = {
  due: (_now: Date) => eq(disinfectionTasks.status, 'due'),
  overdue: (now: Date) => overdueAt(now),
  done: (_now: Date) => eq(disinfectionTasks.status, 'done'),
  skipped: (_now: Date) => eq(disinfectionTasks.status, 'skipped'),
} as const;

/**
 * The tasks due on one local day (today unless named), by due time, optionally of one status; today's
 * also carries the rounds of the last week still not done (overdue) or done today, so none is forgotten.
 */
export async function listDisinfectionTasks(
  deps: AppDeps,
  actor: Actor,
  query: z.output<typeof ZDisinfectionTaskQuery>,
): Promise<TDisinfectionTaskList> {
  const standing = await authorizeDisinfection(deps, actor, 'disinfection.view');
  const timeZone = await communityTimeZone(deps.db, standing.communityId);
  const now = deps.clock.now();
  const date = query.date ?? localDay(now, timeZone);
  const span = localDaysSpan(date, timeZone);
  // Today's list carries the rounds of the last days still not done (the first to do), and those of
  // them done today, so a volunteer finds the round they just logged among today's done ones.
  const carried =
    date === localDay(now, timeZone)
      ? and(
          tasksDueBetween(localDaysSpan(addDays(date, -CARRY_DAYS), timeZone).from, span.from),
          or(eq(disinfectionTasks.status, 'due'), gte(disinfectionTasks.doneAt, span.from)),
        )
      : undefined;
  const due = or(tasksDueBetween(span.from, span.to), carried);
  const rows = await listTasks(
    deps.db,
    standing.communityId,
    query.status ? and(due, STATUS_FILTER[query.status](now)) : due,
  );
  return {
    date,
    timeZone,
    now: now.toISOString(),
    tasks: rows.map((row) => presentTask(standing.communityId, row, now)),
  };
}

/**
 * Logs a round done, with an optional note. Once only: a second log is 409 naming who logged it and
 * when. A round may be logged early on its own day (09:00's round at 08:30), never on an earlier
 * day (tomorrow's round done today would leave the area without one tomorrow): 409.
 */
export async function logDisinfection(deps: AppDeps, actor: Actor, taskId: string, body: TLogDisinfection) {
  const standing = await authorizeDisinfection(deps, actor, 'disinfection.log');
  const communityId = standing.communityId;
  const task = await findTask(deps.db, communityId, taskId);
  if (!task) throw notFound('disinfectionTask');
  const timeZone = await communityTimeZone(deps.db, communityId);
  const now = deps.clock.now();
  const refuseClosed = (t: TaskRow) => {
    if (t.status === 'skipped') throw new AppError('DISINFECTION_TASK_SKIPPED', { area: t.areaName });
    throw new AppError('DISINFECTION_ALREADY_LOGGED', {
      area: t.areaName,
      name: t.doneByName ?? '',
      at: t.doneAt ? localWords(t.doneAt, timeZone) : '',
    });
  };
  if (task.status !== 'due') refuseClosed(task);
  if (!mayLogNow(task.dueAt, now, timeZone))
    throw new AppError('DISINFECTION_TOO_EARLY', {
      area: task.areaName,
      day: localDay(task.dueAt, timeZone),
    });
  const done = await deps.db.transaction(async (tx) => {
    const marked = await markDone(tx, communityId, taskId, {
      at: now,
      by: actor.account.id,
      note: body.note ?? null,
    });
    // Someone else logged it between our read and this update: their log stands.
    if (!marked) return null;
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'disinfection.log',
      targetType: 'disinfection_task',
      targetId: taskId,
      params: { area: task.areaName, due: localWords(task.dueAt, timeZone) },
    });
    await publishLive(tx, { communityId, type: DISINFECTION_CHANGED, data: { areaId: task.areaId, taskId } });
    return findTask(tx, communityId, taskId);
  });
  if (!done) refuseClosed((await findTask(deps.db, communityId, taskId))!);
  return presentTask(communityId, done!, now);
}

/**
 * The photo of a logged round, stored with its metadata (GPS above all) taken out, through the
 * medicine photos' checks: the bytes say what it is; a second photo replaces the first.
 */
export async function uploadDisinfectionPhoto(deps: AppDeps, actor: Actor, taskId: string, data: Uint8Array) {
  const standing = await authorizeDisinfection(deps, actor, 'disinfection.log');
  const communityId = standing.communityId;
  const task = await findTask(deps.db, communityId, taskId);
  if (!task) throw notFound('disinfectionTask');
  if (task.status !== 'done') throw new AppError('DISINFECTION_NOT_LOGGED', { area: task.areaName });
  if (data.length === 0) throw new AppError('MEDICINE_PHOTO_EMPTY');
  let image: ReturnType<typeof stripImageMetadata>;
  try {
    image = stripImageMetadata(data);
  } catch (err) {
    if (!(err instanceof ImageRejected)) throw err;
    throw new AppError(err.reason === 'not_image' ? 'MEDICINE_PHOTO_NOT_IMAGE' : 'MEDICINE_PHOTO_DAMAGED');
  }
  const timeZone = await communityTimeZone(deps.db, communityId);
  await deps.db.transaction(async (tx) => {
    await savePhoto(tx, {
      communityId,
      taskId,
      mimeType: image.mimeType,
      bytes: image.content.length,
      content: image.content,
    });
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'disinfection.photo',
      targetType: 'disinfection_task',
      targetId: taskId,
      params: { area: task.areaName, due: localWords(task.dueAt, timeZone) },
    });
    await publishLive(tx, { communityId, type: DISINFECTION_CHANGED, data: { areaId: task.areaId, taskId } });
  });
  return {
    taskId,
    mimeType: image.mimeType,
    bytes: image.content.length,
    path: disinfectionPhotoPath(communityId, taskId),
  };
}

export async function getDisinfectionPhoto(deps: AppDeps, actor: Actor, taskId: string) {
  const standing = await authorizeDisinfection(deps, actor, 'disinfection.view');
  const photo = await findPhoto(deps.db, standing.communityId, taskId);
  if (!photo) throw notFound('disinfectionPhoto');
  return photo;
}
