import {
  generateShifts as planShifts,
  type ShiftMode,
  type TemplateRole,
} from '../../../domain/shifts/generate.ts';
import {
  type TCreateShiftTemplate,
  type TGeneratedShifts,
  type TGenerateShifts,
  type TShiftTemplate,
  ZCreateShiftTemplate,
  ZGenerateShifts,
} from '../../../shared/api/shift-templates.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { shiftActions } from './shifts.policy.ts';
import { authorizeGroup, shiftsByIds } from './shifts.service.ts';
import { templateActions } from './templates.policy.ts';
import * as repo from './templates.repository.ts';

function presentTemplate(row: repo.TemplateRow): TShiftTemplate {
  const t = row.template;
  return {
    id: t.id,
    groupId: t.groupId,
    groupName: row.groupName,
    groupKey: row.groupKey,
    title: t.title,
    startTime: t.startTime,
    endTime: t.endTime,
    roles: t.roles as TemplateRole[],
    opensDaysBefore: t.opensDaysBefore,
    opensAt: t.opensAt,
    closesMinutesBefore: t.closesMinutesBefore,
    cancelCutoffMinutes: t.cancelCutoffMinutes,
    mode: t.mode as ShiftMode,
    createdAt: t.createdAt.toISOString(),
  };
}

const templateTitle = (row: repo.TemplateRow) =>
  `${row.template.title ?? row.groupName} ${row.template.startTime}–${row.template.endTime}`;

/** A group's recurring shift; coordinators for any group, a leader for the groups they lead. */
export async function createShiftTemplate(deps: AppDeps, actor: Actor, input: TCreateShiftTemplate) {
  const data = ZCreateShiftTemplate.parse(input);
  const role = await authorizeGroup(deps, actor, data.groupId);
  const communityId = actor.communityId!;
  const id = await deps.db.transaction(async (tx) => {
    const templateId = await repo.insertTemplate(tx, {
      communityId,
      groupId: data.groupId,
      title: data.title ?? null,
      startTime: data.startTime,
      endTime: data.endTime,
      roles: data.roles,
      opensDaysBefore: data.opensDaysBefore,
      opensAt: data.opensAt,
      closesMinutesBefore: data.closesMinutesBefore,
      cancelCutoffMinutes: data.cancelCutoffMinutes,
      mode: data.mode,
      createdBy: actor.account.id,
    });
    const row = (await repo.findTemplate(tx, communityId, templateId))!;
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'shift_template.create',
      targetType: 'shift_template',
      targetId: templateId,
      params: { title: templateTitle(row), places: data.roles.reduce((n, r) => n + r.capacity, 0) },
    });
    return templateId;
  });
  return presentTemplate((await repo.findTemplate(deps.db, communityId, id))!);
}

export async function listShiftTemplates(deps: AppDeps, actor: Actor, query: { groupId?: string }) {
  authorize(actor, templateActions['shift_templates.view']);
  const rows = await repo.listTemplates(deps.db, actor.communityId!, query.groupId);
  return { items: rows.map(presentTemplate) };
}

/** A template in use, and the right to manage its group's shifts. */
async function managedTemplate(deps: AppDeps, actor: Actor, templateId: string) {
  authorize(actor, shiftActions['shifts.manage']);
  const row = await repo.findTemplate(deps.db, actor.communityId!, templateId);
  if (!row) throw notFound('template');
  const role = await authorizeGroup(deps, actor, row.template.groupId);
  if (row.template.archivedAt) throw new AppError('TEMPLATE_ARCHIVED');
  return { row, role };
}

/** Archived, not deleted: the shifts it made keep pointing at it, and generating again stays idempotent. */
export async function archiveShiftTemplate(deps: AppDeps, actor: Actor, templateId: string) {
  const { row, role } = await managedTemplate(deps, actor, templateId);
  const communityId = actor.communityId!;
  await deps.db.transaction(async (tx) => {
    if (!(await repo.archiveTemplate(tx, communityId, templateId, deps.clock.now()))) {
      throw new AppError('TEMPLATE_ARCHIVED');
    }
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'shift_template.archive',
      targetType: 'shift_template',
      targetId: templateId,
      params: { title: templateTitle(row) },
    });
  });
}

/**
 * The template's shifts for local days of the community, in one transaction. Shifts already made
 * for a day are skipped, so generating a week twice makes it once; shifts that would already have
 * started are not made at all.
 */
export async function generateShifts(
  deps: AppDeps,
  actor: Actor,
  templateId: string,
  input: TGenerateShifts,
): Promise<TGeneratedShifts> {
  const range = ZGenerateShifts.parse(input);
  const { row, role } = await managedTemplate(deps, actor, templateId);
  const communityId = actor.communityId!;
  const t = row.template;
  const timeZone = await repo.communityTimeZone(deps.db, communityId);
  const now = deps.clock.now();
  const planned = planShifts(
    {
      startTime: t.startTime,
      endTime: t.endTime,
      roles: t.roles as TemplateRole[],
      opensDaysBefore: t.opensDaysBefore,
      opensAt: t.opensAt,
      closesMinutesBefore: t.closesMinutesBefore,
      cancelCutoffMinutes: t.cancelCutoffMinutes,
      mode: t.mode as ShiftMode,
    },
    range,
    timeZone,
  );
  const upcoming = planned.filter((s) => s.startsAt > now);
  const created = await deps.db.transaction(async (tx) => {
    const ids = await repo.insertTemplateShifts(
      tx,
      { communityId, templateId, groupId: t.groupId, title: t.title, createdBy: actor.account.id },
      upcoming,
    );
    if (ids.length > 0) {
      await audit(tx, {
        communityId,
        account: actor.account,
        role,
        action: 'shift_template.generate',
        targetType: 'shift_template',
        targetId: templateId,
        params: { title: templateTitle(row), from: range.from, to: range.to, created: ids.length },
      });
    }
    return ids;
  });
  return {
    created: created.length,
    skipped: upcoming.length - created.length,
    past: planned.length - upcoming.length,
    shifts: created.length > 0 ? await shiftsByIds(deps, actor, created) : [],
  };
}
