import { wallClockAt, wallTimeToInstant } from '../../../domain/shifts/zoned-time.ts';
import {
  RELAY_TASKS_CHANGED,
  type TRelayTask,
  type TRelayTaskList,
  type TRelayTaskQuery,
} from '../../../shared/api/relay-tasks.ts';
import type { Locale } from '../../../shared/roles.ts';
import { notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { listOrder, presentTask, relayFigures, relayStatus, relaySubject } from './relays.presenter.ts';
import * as repo from './relays.repository.ts';
import { authorizeRelays, canSeeTask } from './relays-access.ts';

/** Unconfirmed tasks older than this are stale (the call is over, the parcels long collected). */
export const UNCONFIRMED_LISTED_HOURS = 48;
const MAX_LISTED = 300;

/**
 * listRelayTasks: a relay contact sees the tasks of their building(s); coordinators, staff and the
 * publicity group see every building, with filters and per-building figures. Listed: the tasks not
 * confirmed yet from the last two days, then those confirmed today (the community's day).
 */
export async function listRelayTasks(
  deps: AppDeps,
  actor: Actor,
  query: TRelayTaskQuery,
  locale: Locale,
): Promise<TRelayTaskList> {
  const standing = await authorizeRelays(deps, actor, 'relay.tasks.view');
  const communityId = actor.communityId!;
  const now = deps.clock.now();
  const settings = await repo.relaySettings(deps.db, communityId);
  const day = wallClockAt(now, settings.timeZone).day;
  const rows = await repo.tasksInWindow(deps.db, communityId, {
    since: new Date(now.getTime() - UNCONFIRMED_LISTED_HOURS * 3_600_000),
    dayStart: wallTimeToInstant(day, '00:00', settings.timeZone),
    source: query.source,
    buildingIds: standing.manages ? undefined : standing.buildingIds,
  });
  const { totals, buildings } = relayFigures(rows);
  const listed = rows
    .filter(
      (task) =>
        (!query.status || relayStatus(task) === query.status) &&
        (!query.buildingId || task.buildingId === query.buildingId),
    )
    .sort(listOrder)
    .slice(0, MAX_LISTED);
  return {
    view: standing.manages ? 'manager' : 'relay',
    day,
    escalateMinutes: settings.minutes,
    totals,
    buildings,
    tasks: listed.map((task) => presentTask(task, standing, locale)),
  };
}

/**
 * confirmRelay: "passed on" (已转达), by the building's relay contact, or by a coordinator, staff or
 * the publicity group on their behalf (the audit names who). A task of another building, or of
 * another community, is 404. Confirming again changes nothing and answers the same; so does a
 * confirmation racing another (the conditional update lets one through).
 */
export async function confirmRelay(
  deps: AppDeps,
  actor: Actor,
  taskId: string,
  locale: Locale,
): Promise<TRelayTask> {
  const standing = await authorizeRelays(deps, actor, 'relay.tasks.confirm');
  const communityId = actor.communityId!;
  const task = await repo.findTask(deps.db, communityId, taskId);
  if (!task || !canSeeTask(standing, task)) throw notFound('relayTask');
  if (!task.confirmedAt) {
    await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      if (!(await repo.confirmTask(tx, task, actor.account.id, now))) return;
      await audit(tx, {
        communityId,
        account: actor.account,
        role: standing.role,
        action: `relay.confirm.${task.sourceType}`,
        targetType: 'relay_task',
        targetId: task.id,
        params: { building: task.buildingCode, subject: relaySubject(task) },
      });
      await publishLive(tx, {
        communityId,
        type: RELAY_TASKS_CHANGED,
        data: { taskId: task.id, buildingId: task.buildingId, status: 'confirmed' },
        coalesceKey: 'relay',
      });
    });
  }
  const confirmed = (await repo.findTask(deps.db, communityId, taskId))!;
  return presentTask(confirmed, standing, locale);
}
