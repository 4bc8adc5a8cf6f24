import { eq } from 'drizzle-orm';
import { coverageState } from '../../../domain/disinfection/coverage.ts';
import { localDay, localDaysSpan } from '../../../domain/disinfection/schedule.ts';
import type {
  TDisinfectionAreaKind,
  TDisinfectionCoverage,
  TDisinfectionCoverageArea,
  TDisinfectionSchedule,
} from '../../../shared/api/disinfection.ts';
import { disinfectionAreas } from '../../db/schema/index.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { communityTimeZone, listAreas } from './disinfection.repository.ts';
import { authorizeDisinfection } from './disinfection-access.ts';
import { coverageFigures, lastDoers } from './disinfection-coverage.repository.ts';

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/**
 * Every area in use as it stands now: last round done, next round due, overdue rounds, and its place
 * on the site plan (its building's or gate's position, else its own x/y), for the coverage map.
 */
export async function getDisinfectionCoverage(deps: AppDeps, actor: Actor): Promise<TDisinfectionCoverage> {
  const standing = await authorizeDisinfection(deps, actor, 'disinfection.view');
  const communityId = standing.communityId;
  const timeZone = await communityTimeZone(deps.db, communityId);
  const now = deps.clock.now();
  const date = localDay(now, timeZone);
  const [areas, figures] = await Promise.all([
    listAreas(deps.db, communityId, eq(disinfectionAreas.active, true)),
    coverageFigures(deps.db, communityId, now, localDaysSpan(date, timeZone)),
  ]);
  const byArea = new Map(figures.map((f) => [f.areaId, f]));
  const doers = await lastDoers(
    deps.db,
    communityId,
    figures.filter((f) => f.lastDoneAt).map((f) => f.areaId),
  );
  const totals = { overdue: 0, done: 0, due: 0, idle: 0 };
  const present = areas.map((area): TDisinfectionCoverageArea => {
    const f = byArea.get(area.id);
    const day = {
      overdue: f?.overdue ?? 0,
      doneToday: f?.doneToday ?? 0,
      dueNow: f?.dueNow ?? 0,
      dueLater: f?.dueLater ?? 0,
    };
    const state = coverageState(day);
    totals[state] += 1;
    return {
      areaId: area.id,
      name: area.name,
      kind: area.kind as TDisinfectionAreaKind,
      schedule: area.schedule as TDisinfectionSchedule,
      buildingId: area.buildingId,
      buildingCode: area.buildingCode,
      gateId: area.gateId,
      gateName: area.gateName,
      position: area.planX === null || area.planY === null ? null : { x: area.planX, y: area.planY },
      lastDoneAt: iso(f?.lastDoneAt ?? null),
      lastDoneBy: doers.get(area.id) ?? null,
      nextDueAt: iso(f?.nextDueAt ?? null),
      overdue: day.overdue > 0,
      overdueSince: iso(f?.overdueSince ?? null),
      doneToday: day.doneToday,
      state,
    };
  });
  return { date, timeZone, now: now.toISOString(), areas: present, totals };
}
