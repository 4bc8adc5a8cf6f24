import type {
  RelaySource,
  RelayStatus,
  TRelayBuildingFigures,
  TRelayFigures,
  TRelayTask,
} from '../../../shared/api/relay-tasks.ts';
import { renderNotice } from '../../../shared/i18n/notice-messages.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { RelayTaskRow } from './relays.repository.ts';

type TaskState = Pick<RelayTaskRow, 'confirmedAt' | 'escalatedAt'>;

export const relayStatus = (task: TaskState): RelayStatus =>
  task.confirmedAt ? 'confirmed' : task.escalatedAt ? 'escalated' : 'open';

const paramsOf = (task: Pick<RelayTaskRow, 'params'>) =>
  (task.params ?? {}) as Record<string, string | number>;

/**
 * What the task is about in a few words, for the audit log and the publicity group's notice: the
 * announcement's title, the testing round's title, or the parcels' day (the first part of the key).
 */
export function relaySubject(task: Pick<RelayTaskRow, 'sourceType' | 'sourceId' | 'params'>): string {
  const params = paramsOf(task);
  if (task.sourceType === 'announcement') return String(params.title ?? '');
  if (task.sourceType === 'testing_call') return String(params.round ?? '');
  return task.sourceId.split('/')[0] ?? task.sourceId;
}

/** Buildings as the compound numbers them: 2 before 12. */
export const byBuildingCode = new Intl.Collator('zh-CN', { numeric: true });

/** Where the caller stands: the buildings they relay for, and whether they oversee every building. */
export interface RelayViewer {
  manages: boolean;
  buildingIds: readonly string[];
}

export function presentTask(task: RelayTaskRow, viewer: RelayViewer, locale: Locale): TRelayTask {
  const { title, body } = renderNotice(locale, task.kind, paramsOf(task));
  const status = relayStatus(task);
  // Confirmed by someone other than the one asked (or the building's relay contact now): on their behalf.
  const relayAccounts = [task.relayAccountId, task.currentRelayAccountId];
  return {
    id: task.id,
    buildingId: task.buildingId,
    buildingCode: task.buildingCode,
    source: task.sourceType as RelaySource,
    sourceId: task.sourceId,
    title,
    body,
    link: task.link,
    status,
    relayName: task.relayName,
    mine: viewer.buildingIds.includes(task.buildingId),
    createdAt: task.createdAt.toISOString(),
    escalateAt: task.escalateAt.toISOString(),
    escalatedAt: task.escalatedAt?.toISOString() ?? null,
    confirmedAt: task.confirmedAt?.toISOString() ?? null,
    confirmedBy: task.confirmedAt
      ? {
          name: task.confirmedByName ?? '',
          onBehalf: !relayAccounts.includes(task.confirmedBy),
        }
      : null,
    canConfirm: status !== 'confirmed',
  };
}

/** Unconfirmed first, the nearest escalation first; then confirmations, the newest first. */
export function listOrder(a: RelayTaskRow, b: RelayTaskRow): number {
  if (!a.confirmedAt !== !b.confirmedAt) return a.confirmedAt ? 1 : -1;
  if (a.confirmedAt && b.confirmedAt) return b.confirmedAt.getTime() - a.confirmedAt.getTime();
  return (
    a.escalateAt.getTime() - b.escalateAt.getTime() || byBuildingCode.compare(a.buildingCode, b.buildingCode)
  );
}

const emptyFigures = (): TRelayFigures => ({ open: 0, escalated: 0, confirmed: 0 });

/** Open, escalated and confirmed counts, over all the tasks and per building (busiest first). */
export function relayFigures(tasks: readonly RelayTaskRow[]) {
  const totals = emptyFigures();
  const perBuilding = new Map<string, TRelayBuildingFigures>();
  for (const task of tasks) {
    const status = relayStatus(task);
    totals[status] += 1;
    const building = perBuilding.get(task.buildingId) ?? {
      buildingId: task.buildingId,
      buildingCode: task.buildingCode,
      relayName: task.relayName,
      ...emptyFigures(),
    };
    building[status] += 1;
    perBuilding.set(task.buildingId, building);
  }
  const buildings = [...perBuilding.values()].sort(
    (a, b) =>
      b.escalated - a.escalated || b.open - a.open || byBuildingCode.compare(a.buildingCode, b.buildingCode),
  );
  return { totals, buildings };
}
