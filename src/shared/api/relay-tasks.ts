import { z } from 'zod';
import { ZUuid } from './common.ts';

/** The live event of a relay task made, confirmed or escalated: the overview and the cards refetch. */
export const RELAY_TASKS_CHANGED = 'relay_tasks.changed';

/** What a relay contact (楼组长) is asked to pass on. */
export const RELAY_SOURCES = ['announcement', 'testing_call', 'parcels'] as const;
export type RelaySource = (typeof RELAY_SOURCES)[number];

/** open: waiting for the relay contact; escalated: past its time, unconfirmed; confirmed: passed on. */
export const RELAY_STATUSES = ['open', 'escalated', 'confirmed'] as const;
export type RelayStatus = (typeof RELAY_STATUSES)[number];

/** Minutes a relay contact may take before escalation: at least 5, at most a day. */
export const RELAY_ESCALATE_MIN_MINUTES = 5;
export const RELAY_ESCALATE_MAX_MINUTES = 1440;

export const ZRelayTaskQuery = z.object({
  status: z.enum(RELAY_STATUSES).optional(),
  buildingId: ZUuid.optional(),
  source: z.enum(RELAY_SOURCES).optional(),
});
export type TRelayTaskQuery = z.infer<typeof ZRelayTaskQuery>;

export const ZRelayTaskParams = z.object({ communityId: ZUuid, taskId: ZUuid });

export const ZRelayTask = z.object({
  id: ZUuid,
  buildingId: ZUuid,
  buildingCode: z.string(),
  source: z.enum(RELAY_SOURCES),
  sourceId: z.string(),
  /** what to tell the building, rendered in the caller's language */
  title: z.string(),
  body: z.string(),
  /** where the relay contact can act on it (e.g. the pickup desk of their building) */
  link: z.string().nullable(),
  status: z.enum(RELAY_STATUSES),
  /** the building's relay contact as the registry names them; null when the building has none */
  relayName: z.string().nullable(),
  /** a task of a building the caller is the relay contact of */
  mine: z.boolean(),
  createdAt: z.string(),
  escalateAt: z.string(),
  escalatedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** who confirmed; onBehalf when it was not the relay contact (a coordinator, staff, publicity) */
  confirmedBy: z.object({ name: z.string(), onBehalf: z.boolean() }).nullable(),
  canConfirm: z.boolean(),
});
export type TRelayTask = z.infer<typeof ZRelayTask>;

const ZFigures = z.object({
  open: z.number().int(),
  escalated: z.number().int(),
  confirmed: z.number().int(),
});
export type TRelayFigures = z.infer<typeof ZFigures>;

export const ZRelayBuildingFigures = ZFigures.extend({
  buildingId: ZUuid,
  buildingCode: z.string(),
  relayName: z.string().nullable(),
});
export type TRelayBuildingFigures = z.infer<typeof ZRelayBuildingFigures>;

export const ZRelayTaskList = z.object({
  /** relay: the caller's own buildings; manager: every building (coordinators, staff, publicity) */
  view: z.enum(['relay', 'manager']),
  /** the community's day (its time zone) whose confirmations are listed */
  day: z.string(),
  escalateMinutes: z.number().int(),
  /** over the listed window, before the status and building filters */
  totals: ZFigures,
  buildings: z.array(ZRelayBuildingFigures),
  /** unconfirmed first (the nearest escalation first), then today's confirmations, newest first */
  tasks: z.array(ZRelayTask),
});
export type TRelayTaskList = z.infer<typeof ZRelayTaskList>;

export const ZRelaySettings = z.object({ escalateMinutes: z.number().int() });
export type TRelaySettings = z.infer<typeof ZRelaySettings>;

export const ZSetRelaySettings = z.object({
  escalateMinutes: z.number().int().min(RELAY_ESCALATE_MIN_MINUTES).max(RELAY_ESCALATE_MAX_MINUTES),
});
export type TSetRelaySettings = z.infer<typeof ZSetRelaySettings>;
