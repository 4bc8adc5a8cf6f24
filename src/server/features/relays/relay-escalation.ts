// Escalation of relays nobody confirmed (楼组长未确认转达): past a task's escalate_at, the publicity group
// (宣传组) hears of it, once per thing to pass on with the list of buildings, and the residents of those
// buildings who have accounts are told directly, as the story's volunteers went door to door instead.
import { RELAY_TASKS_CHANGED, type RelaySource } from '../../../shared/api/relay-tasks.ts';
import { noticeKinds } from '../../../shared/i18n/notice-messages.ts';
import { audit } from '../../platform/audit.ts';
import { registerBackgroundTask } from '../../platform/background.ts';
import type { AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { notify } from '../../platform/notices.ts';
import { byBuildingCode, relaySubject } from './relays.presenter.ts';
import * as repo from './relays.repository.ts';
import { PUBLICITY_GROUP_KEY } from './relays-access.ts';

type Task = repo.RelayTaskRow;

/**
 * The notice residents get in place of their relay contact: `relay.direct.<source>` when there is one
 * (a relay's wording, "please tell your building", does not suit the building itself), else the
 * task's own kind. Either way with the task's params, so they learn exactly what was to be passed on.
 */
function directKind(task: Task) {
  const direct = `relay.direct.${task.sourceType}`;
  return noticeKinds().includes(direct) ? direct : task.kind;
}

/** Where a resident acts on it: their own testing code or parcels, else where the task points. */
function directLink(task: Task) {
  if (task.sourceType === 'testing_call') return '/my/testing-code';
  if (task.sourceType === 'parcels') return '/my/parcels';
  return task.link;
}

/**
 * A testing call is urgent (its relay notice was critical); an announcement is as critical as it was
 * published; parcels never. The critical ones ignore quiet hours here too.
 */
async function isCritical(tx: repo.Executor, key: repo.SourceKey) {
  if (key.sourceType === 'testing_call') return true;
  if (key.sourceType === 'announcement')
    return repo.announcementIsCritical(tx, key.communityId, key.sourceId);
  return false;
}

/** One source's due tasks, claimed and told in one transaction: the claim exists only with its notices. */
export async function escalateSource(deps: AppDeps, key: repo.SourceKey) {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const tasks = (await repo.claimDueTasks(tx, key, now)).sort((a, b) =>
      byBuildingCode.compare(a.buildingCode, b.buildingCode),
    );
    if (tasks.length === 0) return 0;
    const { communityId } = key;
    const source = key.sourceType as RelaySource;
    const first = tasks[0]!;
    const critical = await isCritical(tx, key);
    const subject = relaySubject(first);
    const buildingCodes = tasks.map((t) => t.buildingCode).join(', ');

    const publicity = await repo.groupAccounts(tx, communityId, PUBLICITY_GROUP_KEY);
    await notify(
      tx,
      {
        communityId,
        accountIds: publicity,
        kind: `relay.escalated.${source}`,
        params: {
          subject,
          buildings: buildingCodes,
          count: tasks.length,
          minutes: Math.round((first.escalateAt.getTime() - first.createdAt.getTime()) / 60_000),
        },
        link: `/relays?status=escalated&source=${source}`,
        critical,
      },
      now,
    );

    const residents = await repo.residentAccountsByBuilding(
      tx,
      communityId,
      tasks.map((t) => t.buildingId),
    );
    let residentsTold = 0;
    for (const task of tasks) {
      // the relay contact already has this very task; the rest of the building hears it now
      const relay = [task.relayAccountId, task.currentRelayAccountId];
      const told = (residents.get(task.buildingId) ?? []).filter((id) => !relay.includes(id));
      residentsTold += told.length;
      await notify(
        tx,
        {
          communityId,
          accountIds: told,
          kind: directKind(task),
          params: task.params as Record<string, string | number>,
          link: directLink(task),
          critical,
        },
        now,
      );
    }
    await audit(tx, {
      communityId,
      account: null,
      role: 'system',
      action: `relay.escalate.${source}`,
      targetType: 'relay_source',
      targetId: null,
      params: {
        subject,
        buildings: buildingCodes,
        count: tasks.length,
        publicity: publicity.length,
        residents: residentsTold,
      },
    });
    await publishLive(tx, {
      communityId,
      type: RELAY_TASKS_CHANGED,
      data: { source, status: 'escalated', count: tasks.length },
      coalesceKey: 'relay',
    });
    return tasks.length;
  });
}

/** The background task: every source with tasks past their time, each in its own transaction. */
export async function escalateRelayTasks(deps: AppDeps) {
  let escalated = 0;
  for (const key of await repo.dueSources(deps.db, deps.clock.now())) {
    escalated += await escalateSource(deps, key);
  }
  return escalated;
}

registerBackgroundTask({ name: 'relay-escalation', intervalMs: 60_000, run: escalateRelayTasks });
