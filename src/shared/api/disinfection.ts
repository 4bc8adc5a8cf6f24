import { z } from 'zod';
import { ZCommunityParams, ZUuid, zText } from './common.ts';
import { ZLocalDate, ZLocalTime } from './shift-templates.ts';

/** Disinfection rounds (消杀): areas with a schedule, the tasks made from it, logs and coverage. */

export const DISINFECTION_AREA_KINDS = [
  'lobby',
  'lift',
  'gate',
  'rubbish',
  'testing_square',
  'other',
] as const;
export const ZDisinfectionAreaKind = z.enum(DISINFECTION_AREA_KINDS);
export type TDisinfectionAreaKind = z.infer<typeof ZDisinfectionAreaKind>;

export const DISINFECTION_SCHEDULES = ['daily', 'weekly', 'after_testing'] as const;
export const ZDisinfectionSchedule = z.enum(DISINFECTION_SCHEDULES);
export type TDisinfectionSchedule = z.infer<typeof ZDisinfectionSchedule>;

export const DISINFECTION_TASK_STATUSES = ['due', 'done', 'skipped'] as const;
export const ZDisinfectionTaskStatus = z.enum(DISINFECTION_TASK_STATUSES);

/** A round logged or an area changed ({ areaId, taskId? }): task lists and the coverage view refetch. */
export const DISINFECTION_CHANGED = 'disinfection.changed';

/** At most this many rounds a day per area: more is a typo, not a schedule. */
export const MAX_DISINFECTION_TIMES = 12;
export const DISINFECTION_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

export const ZDisinfectionAreaParams = ZCommunityParams.extend({ areaId: ZUuid });
export const ZDisinfectionTaskParams = ZCommunityParams.extend({ taskId: ZUuid });

/**
 * An area to create, or (with `active`) its new state. Its place on the site plan: a building (its
 * lobby, its lifts), a gate, or its own x/y in metres (a rubbish point), or none at all. Times are the
 * community's wall clock; `weekday` (1 = Monday) only for weekly areas; `after_testing` ignores times.
 */
export const ZDisinfectionAreaInput = z.object({
  name: zText(40),
  kind: ZDisinfectionAreaKind,
  buildingId: ZUuid.nullable().optional(),
  gateId: ZUuid.nullable().optional(),
  x: z.number().min(-10_000).max(10_000).nullable().optional(),
  y: z.number().min(-10_000).max(10_000).nullable().optional(),
  schedule: ZDisinfectionSchedule.default('daily'),
  times: z.array(ZLocalTime).max(MAX_DISINFECTION_TIMES).default(['09:00']),
  weekday: z.number().int().min(1).max(7).nullable().optional(),
  /** a round not done this many minutes after its time is overdue */
  graceMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(120),
});
export type TDisinfectionAreaInput = z.input<typeof ZDisinfectionAreaInput>;

export const ZUpdateDisinfectionArea = ZDisinfectionAreaInput.extend({
  /** false takes the area out of the rounds: no new tasks, and its open ones are skipped */
  active: z.boolean().default(true),
});
export type TUpdateDisinfectionArea = z.input<typeof ZUpdateDisinfectionArea>;

export const ZDisinfectionArea = z.object({
  id: ZUuid,
  name: z.string(),
  kind: ZDisinfectionAreaKind,
  buildingId: ZUuid.nullable(),
  buildingCode: z.string().nullable(),
  gateId: ZUuid.nullable(),
  gateName: z.string().nullable(),
  x: z.number().nullable(),
  y: z.number().nullable(),
  schedule: ZDisinfectionSchedule,
  times: z.array(z.string()),
  weekday: z.number().int().nullable(),
  graceMinutes: z.number().int(),
  active: z.boolean(),
});
export type TDisinfectionArea = z.infer<typeof ZDisinfectionArea>;
export const ZDisinfectionAreaList = z.object({ areas: z.array(ZDisinfectionArea) });
export const ZDisinfectionAreaQuery = z.object({
  /** inactive areas too (for managing them) */
  all: z.enum(['0', '1']).optional(),
});

export const ZDisinfectionTaskQuery = z.object({
  /** the community's calendar day; today when left out */
  date: ZLocalDate.optional(),
  /** due: not done yet (overdue ones too); overdue: past their grace */
  status: z.enum(['due', 'overdue', 'done', 'skipped']).optional(),
});

export const ZDisinfectionTask = z.object({
  id: ZUuid,
  areaId: ZUuid,
  areaName: z.string(),
  areaKind: ZDisinfectionAreaKind,
  buildingCode: z.string().nullable(),
  gateName: z.string().nullable(),
  dueAt: z.string(),
  /** after this instant an open task is overdue */
  overdueAt: z.string(),
  status: ZDisinfectionTaskStatus,
  overdue: z.boolean(),
  /** the testing round that caused it (after-testing areas) */
  roundId: ZUuid.nullable(),
  doneAt: z.string().nullable(),
  doneBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  note: z.string().nullable(),
  /** where the logged photo is served, when there is one */
  photoPath: z.string().nullable(),
});
export type TDisinfectionTask = z.infer<typeof ZDisinfectionTask>;
export const ZDisinfectionTaskList = z.object({
  date: z.string(),
  timeZone: z.string(),
  now: z.string(),
  tasks: z.array(ZDisinfectionTask),
});
export type TDisinfectionTaskList = z.infer<typeof ZDisinfectionTaskList>;

export const ZLogDisinfection = z.object({ note: zText(500).optional() });
export type TLogDisinfection = z.infer<typeof ZLogDisinfection>;

export const ZCoverageState = z.enum(['overdue', 'done', 'due', 'idle']);
export type TCoverageState = z.infer<typeof ZCoverageState>;

const STATE_RANK: Record<TCoverageState, number> = { overdue: 3, due: 2, done: 1, idle: 0 };
/**
 * One colour for several areas in one place (a building's lobby and its lifts): the one that needs
 * attention most, so a done lobby never hides an overdue lift.
 */
export const worstCoverageState = (states: readonly TCoverageState[]): TCoverageState =>
  states.reduce<TCoverageState>((worst, s) => (STATE_RANK[s] > STATE_RANK[worst] ? s : worst), 'idle');
export const ZDisinfectionCoverageArea = z.object({
  areaId: ZUuid,
  name: z.string(),
  kind: ZDisinfectionAreaKind,
  schedule: ZDisinfectionSchedule,
  buildingId: ZUuid.nullable(),
  buildingCode: z.string().nullable(),
  gateId: ZUuid.nullable(),
  gateName: z.string().nullable(),
  /** on the site plan, in metres: the building's or gate's position, else the area's own */
  position: z.object({ x: z.number(), y: z.number() }).nullable(),
  lastDoneAt: z.string().nullable(),
  lastDoneBy: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** the earliest overdue round's time */
  overdueSince: z.string().nullable(),
  doneToday: z.number().int(),
  state: ZCoverageState,
});
export type TDisinfectionCoverageArea = z.infer<typeof ZDisinfectionCoverageArea>;
export const ZDisinfectionCoverage = z.object({
  date: z.string(),
  timeZone: z.string(),
  now: z.string(),
  areas: z.array(ZDisinfectionCoverageArea),
  totals: z.object({
    overdue: z.number().int(),
    done: z.number().int(),
    due: z.number().int(),
    idle: z.number().int(),
  }),
});
export type TDisinfectionCoverage = z.infer<typeof ZDisinfectionCoverage>;

export const ZDisinfectionPhoto = z.object({
  taskId: ZUuid,
  mimeType: z.string(),
  bytes: z.number().int(),
  path: z.string(),
});

export const disinfectionPhotoPath = (communityId: string, taskId: string) =>
  `/api/communities/${communityId}/disinfection/tasks/${taskId}/photo`;
