import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  DISINFECTION_CHANGED,
  type TDisinfectionArea,
  type TDisinfectionAreaKind,
  type TDisinfectionSchedule,
  type ZDisinfectionAreaInput,
  type ZUpdateDisinfectionArea,
} from '../../../shared/api/disinfection.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { disinfectionAreas } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import {
  type AreaRow,
  buildingCode,
  communityTimeZone,
  deleteOpenTasksAfter,
  type Executor,
  findArea,
  gateName,
  insertTasks,
  listAreas,
  skipOpenTasks,
} from './disinfection.repository.ts';
import { authorizeDisinfection, type DisinfectionStanding } from './disinfection-access.ts';
import { scheduledTasks } from './disinfection-generation.ts';

type AreaInput = z.output<typeof ZDisinfectionAreaInput>;
type AreaUpdate = z.output<typeof ZUpdateDisinfectionArea>;

export function presentArea(row: AreaRow): TDisinfectionArea {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as TDisinfectionAreaKind,
    buildingId: row.buildingId,
    buildingCode: row.buildingCode,
    gateId: row.gateId,
    gateName: row.gateName,
    x: row.x,
    y: row.y,
    schedule: row.schedule as TDisinfectionSchedule,
    times: row.times,
    weekday: row.weekday,
    graceMinutes: row.graceMinutes,
    active: row.active,
  };
}

/**
 * The area as it will be stored, or a 400 naming what is wrong; nothing is written before this.
 * One place at most (building, gate, or both x and y); weekly needs its weekday; daily and weekly
 * need a time. Times are kept sorted and once each; an after-testing area keeps none.
 */
async function checkedArea(deps: AppDeps, communityId: string, input: AreaInput) {
  const hasXY = input.x != null || input.y != null;
  const places = [input.buildingId != null, input.gateId != null, hasXY].filter(Boolean).length;
  if (places > 1 || (hasXY && (input.x == null || input.y == null)))
    throw new AppError('DISINFECTION_ONE_PLACE');
  if (input.buildingId && !(await buildingCode(deps.db, communityId, input.buildingId)))
    throw new AppError('UNKNOWN_BUILDING');
  if (input.gateId && !(await gateName(deps.db, communityId, input.gateId)))
    throw new AppError('DISINFECTION_UNKNOWN_GATE');
  if (input.schedule === 'weekly' && input.weekday == null)
    throw new AppError('DISINFECTION_WEEKDAY_REQUIRED');
  const times = input.schedule === 'after_testing' ? [] : [...new Set(input.times)].sort();
  if (input.schedule !== 'after_testing' && times.length === 0)
    throw new AppError('DISINFECTION_TIMES_REQUIRED');
  return {
    name: input.name,
    kind: input.kind,
    buildingId: input.buildingId ?? null,
    gateId: input.gateId ?? null,
    x: input.x ?? null,
    y: input.y ?? null,
    schedule: input.schedule,
    times,
    weekday: input.schedule === 'weekly' ? (input.weekday ?? null) : null,
    graceMinutes: input.graceMinutes,
  };
}

/** A name already taken is a 409 with the name, whether found first or raced. */
async function namedUniquely<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('DISINFECTION_AREA_NAME_TAKEN', { name });
    throw err;
  }
}

async function areaInTx(tx: Executor, standing: DisinfectionStanding, areaId: string) {
  const row = await findArea(tx, standing.communityId, areaId);
  if (!row) throw notFound('disinfectionArea');
  return row;
}

export async function listDisinfectionAreas(deps: AppDeps, actor: Actor, all: boolean) {
  const standing = await authorizeDisinfection(deps, actor, 'disinfection.view');
  const rows = await listAreas(
    deps.db,
    standing.communityId,
    all ? undefined : eq(disinfectionAreas.active, true),
  );
  return { areas: rows.map(presentArea) };
}

/** A new area, with its tasks for today and tomorrow made at once (the volunteers see it now). */
export async function createDisinfectionArea(deps: AppDeps, actor: Actor, input: AreaInput) {
  const standing = await authorizeDisinfection(deps, actor, 'disinfection.area.manage');
  const communityId = standing.communityId;
  const values = await checkedArea(deps, communityId, input);
  const timeZone = await communityTimeZone(deps.db, communityId);
  const now = deps.clock.now();
  const row = await namedUniquely(input.name, () =>
    deps.db.transaction(async (tx) => {
      const [made] = await tx
        .insert(disinfectionAreas)
        .values({ communityId, ...values, createdAt: now, createdBy: actor.account.id })
        .returning({ id: disinfectionAreas.id, createdAt: disinfectionAreas.createdAt });
      await insertTasks(tx, scheduledTasks({ ...values, ...made! }, communityId, timeZone, now));
      await audit(tx, {
        communityId,
        account: actor.account,
        role: standing.role,
        action: 'disinfection.area.create',
        targetType: 'disinfection_area',
        targetId: made!.id,
        params: { name: values.name, schedule: scheduleWords(values) },
      });
      await publishLive(tx, { communityId, type: DISINFECTION_CHANGED, data: { areaId: made!.id } });
      return areaInTx(tx, standing, made!.id);
    }),
  );
  return presentArea(row);
}

/**
 * Changes an area. Taken out of use: its open rounds are called off (skipped). Otherwise its rounds
 * not yet due are made again from the new schedule; rounds already due, done or overdue stay.
 */
export async function updateDisinfectionArea(deps: AppDeps, actor: Actor, areaId: string, input: AreaUpdate) {
  const standing = await authorizeDisinfection(deps, actor, 'disinfection.area.manage');
  const communityId = standing.communityId;
  if (!(await findArea(deps.db, communityId, areaId))) throw notFound('disinfectionArea');
  const values = await checkedArea(deps, communityId, input);
  const timeZone = await communityTimeZone(deps.db, communityId);
  const now = deps.clock.now();
  const row = await namedUniquely(input.name, () =>
    deps.db.transaction(async (tx) => {
      const before = await areaInTx(tx, standing, areaId);
      await tx
        .update(disinfectionAreas)
        .set({ ...values, active: input.active })
        .where(and(eq(disinfectionAreas.communityId, communityId), eq(disinfectionAreas.id, areaId)));
      const base = {
        communityId,
        account: actor.account,
        role: standing.role,
        targetType: 'disinfection_area',
        targetId: areaId,
      };
      if (!input.active) {
        const skipped = await skipOpenTasks(tx, communityId, areaId);
        await audit(tx, {
          ...base,
          action: 'disinfection.area.deactivate',
          params: { name: values.name, skipped: skipped.length },
        });
      } else {
        const replaced = await deleteOpenTasksAfter(tx, communityId, areaId, now);
        await insertTasks(
          tx,
          scheduledTasks({ ...values, id: areaId, createdAt: before.createdAt }, communityId, timeZone, now),
        );
        await audit(tx, {
          ...base,
          action: 'disinfection.area.update',
          params: { name: values.name, schedule: scheduleWords(values), replaced: replaced.length },
        });
      }
      await publishLive(tx, { communityId, type: DISINFECTION_CHANGED, data: { areaId } });
      return areaInTx(tx, standing, areaId);
    }),
  );
  return presentArea(row);
}

/** The schedule in the audit log's words, e.g. "daily 09:00, 15:00" (the log shows it as written). */
function scheduleWords(area: { schedule: string; times: string[]; weekday: number | null }) {
  if (area.schedule === 'after_testing') return 'after_testing';
  const times = area.times.join(', ');
  return area.schedule === 'weekly' ? `weekly ${area.weekday} ${times}` : `daily ${times}`;
}
