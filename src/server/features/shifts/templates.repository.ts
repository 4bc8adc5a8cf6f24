import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { ShiftInstance, TemplateRole } from '../../../domain/shifts/generate.ts';
import type { Db } from '../../db/client.ts';
import { shiftRoles, shifts, shiftTemplates, volunteerGroups } from '../../db/schema/index.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'execute'>;
export type TemplateValues = Omit<typeof shiftTemplates.$inferInsert, 'id' | 'createdAt' | 'archivedAt'>;

const withGroup = {
  template: shiftTemplates,
  groupName: volunteerGroups.name,
  groupKey: volunteerGroups.key,
};
const groupJoin = and(
  eq(volunteerGroups.communityId, shiftTemplates.communityId),
  eq(volunteerGroups.id, shiftTemplates.groupId),
);

export async function insertTemplate(db: Executor, values: TemplateValues) {
  const [row] = await db.insert(shiftTemplates).values(values).returning({ id: shiftTemplates.id });
  return row!.id;
}

/** The templates still in use, by group then time of day. */
export async function listTemplates(db: Executor, communityId: string, groupId?: string) {
  const where: SQL[] = [eq(shiftTemplates.communityId, communityId), isNull(shiftTemplates.archivedAt)];
  if (groupId) where.push(eq(shiftTemplates.groupId, groupId));
  return db
    .select(withGroup)
    .from(shiftTemplates)
    .innerJoin(volunteerGroups, groupJoin)
    .where(and(...where))
    .orderBy(asc(volunteerGroups.sort), asc(shiftTemplates.startTime), asc(shiftTemplates.createdAt));
}

export async function findTemplate(db: Executor, communityId: string, templateId: string) {
  const [row] = await db
    .select(withGroup)
    .from(shiftTemplates)
    .innerJoin(volunteerGroups, groupJoin)
    .where(and(eq(shiftTemplates.communityId, communityId), eq(shiftTemplates.id, templateId)));
  return row;
}
export type TemplateRow = NonNullable<Awaited<ReturnType<typeof findTemplate>>>;

export async function archiveTemplate(db: Executor, communityId: string, templateId: string, at: Date) {
  const rows = await db
    .update(shiftTemplates)
    .set({ archivedAt: at })
    .where(
      and(
        eq(shiftTemplates.communityId, communityId),
        eq(shiftTemplates.id, templateId),
        isNull(shiftTemplates.archivedAt),
      ),
    )
    .returning({ id: shiftTemplates.id });
  return rows.length > 0;
}

export { communityTimeZone } from '../../platform/community-constants.ts';

/**
 * Writes a template's shifts and their roles. A shift the template already made for that start is
 * left alone: the unique index shifts_template_start_key turns the second insert into nothing.
 */
export async function insertTemplateShifts(
  db: Executor,
  row: { communityId: string; templateId: string; groupId: string; title: string | null; createdBy: string },
  instances: readonly ShiftInstance[],
) {
  if (instances.length === 0) return [];
  const { communityId } = row;
  const created = await db
    .insert(shifts)
    .values(
      instances.map((s) => ({
        communityId,
        groupId: row.groupId,
        templateId: row.templateId,
        title: row.title,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        signupOpensAt: s.signupOpensAt,
        signupClosesAt: s.signupClosesAt,
        cancelCutoffMinutes: s.cancelCutoffMinutes,
        mode: s.mode,
        createdBy: row.createdBy,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: shifts.id, startsAt: shifts.startsAt });
  const rolesOf = new Map(instances.map((s) => [s.startsAt.getTime(), s.roles]));
  const roleRows = created.flatMap((c) =>
    (rolesOf.get(c.startsAt.getTime()) ?? []).map((r: TemplateRole, sort) => ({
      communityId,
      shiftId: c.id,
      role: r.role,
      capacity: r.capacity,
      sort,
    })),
  );
  if (roleRows.length > 0) await db.insert(shiftRoles).values(roleRows);
  return created.map((c) => c.id);
}
