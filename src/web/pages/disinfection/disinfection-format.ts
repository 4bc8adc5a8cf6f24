import {
  type TCoverageState,
  type TDisinfectionCoverageArea,
  type TDisinfectionTask,
  worstCoverageState,
} from '../../../shared/api/disinfection.ts';

/** The map's colours: red overdue, green done today, grey to do or idle (text stays dark on each). */
export const STATE_COLOURS: Record<TCoverageState, string> = {
  overdue: '#f5222d',
  done: '#52c41a',
  due: '#8c8c8c',
  idle: '#bfbfbf',
};

/** "09:30" on the community's clock. */
export function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** The community's calendar day of an instant, 'YYYY-MM-DD'. */
export function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** "09:30" on the list's own day; "11-28 15:30" for a round carried over from an earlier day. */
export function timeOnDay(iso: string, timeZone: string, day: string): string {
  const date = localDate(iso, timeZone);
  return date === day ? localTime(iso, timeZone) : `${date.slice(5)} ${localTime(iso, timeZone)}`;
}

/** What a volunteer does first: overdue rounds (the oldest first), then the rest by their time. */
export function openFirst(tasks: readonly TDisinfectionTask[]): TDisinfectionTask[] {
  return tasks
    .filter((t) => t.status === 'due')
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt));
}

/** Rounds logged, the latest first. */
export function doneLatestFirst(tasks: readonly TDisinfectionTask[]): TDisinfectionTask[] {
  return tasks
    .filter((t) => t.status === 'done')
    .sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? ''));
}

/**
 * Whether an area answers a search: "12" finds building 12's areas (not 112's), text finds names.
 * Full-width digits typed on a Chinese keyboard count as digits.
 */
export function matchesSearch(
  task: Pick<TDisinfectionTask, 'areaName' | 'buildingCode'>,
  query: string,
): boolean {
  const q = query.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!q) return true;
  const building = /^(\d+)(号楼|号|栋)?$/.exec(q);
  if (building) return task.buildingCode === building[1];
  return task.areaName.includes(q);
}

/** Per building on the plan: its areas and the colour of the one that needs attention most. */
export function buildingStates(areas: readonly TDisinfectionCoverageArea[]) {
  const byBuilding = new Map<string, { state: TCoverageState; areas: TDisinfectionCoverageArea[] }>();
  for (const area of areas) {
    if (!area.buildingId) continue;
    const entry = byBuilding.get(area.buildingId) ?? { state: 'idle' as TCoverageState, areas: [] };
    entry.areas.push(area);
    entry.state = worstCoverageState(entry.areas.map((a) => a.state));
    byBuilding.set(area.buildingId, entry);
  }
  return byBuilding;
}
