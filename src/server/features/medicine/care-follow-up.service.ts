import { and, desc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { TCareFollowUp, TRecordCareContactParsed } from '../../../shared/api/medicine-work.ts';
import {
  accounts,
  buildings,
  careContacts,
  households,
  medicineRequests,
  residents,
} from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { authorizeMedicineWork } from './medicine-access.ts';
import { medicineSettings, residentWithPlace } from './medicine-requests.repository.ts';

const FINISHED = ['confirmed', 'cancelled', 'unavailable'];
const DAY_MS = 86_400_000;

type Contact = NonNullable<TCareFollowUp['lastContact']>;
const later = (a: Contact | null, b: Contact | null) => (!a ? b : !b ? a : a.at >= b.at ? a : b);

/**
 * The care list: every vulnerable resident (any registry flag), and anyone whose delivered chronic
 * medicine runs out within `days`, with their last contact (a call or visit, a request, a
 * delivery), their open requests and the medicines running out. Running out soonest first, then
 * open needs, then those nobody has been in touch with for longest.
 */
export async function listCareFollowUps(deps: AppDeps, actor: Actor, query: { days: number }) {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.care');
  const { communityId } = standing;
  const now = deps.clock.now();
  const horizon = new Date(now.getTime() + query.days * DAY_MS);
  const db = deps.db;

  const runningOut = await db
    .select({
      residentId: medicineRequests.residentId,
      requestId: medicineRequests.id,
      drugName: medicineRequests.drugName,
      nextRunsOutAt: medicineRequests.nextRunsOutAt,
      remindedAt: medicineRequests.followUpRemindedAt,
    })
    .from(medicineRequests)
    .where(
      and(
        eq(medicineRequests.communityId, communityId),
        eq(medicineRequests.chronic, true),
        inArray(medicineRequests.status, ['delivered', 'confirmed']),
        isNotNull(medicineRequests.nextRunsOutAt),
        lte(medicineRequests.nextRunsOutAt, horizon),
      ),
    );
  const people = await db
    .select({
      residentId: residents.id,
      name: residents.name,
      buildingCode: buildings.code,
      room: households.room,
      flags: residents.flags,
    })
    .from(residents)
    .innerJoin(
      households,
      and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
    )
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
    )
    .where(
      and(
        eq(residents.communityId, communityId),
        or(
          sql`cardinality(${residents.flags}) > 0`,
          runningOut.length
            ? inArray(residents.id, [...new Set(runningOut.map((r) => r.residentId))])
            : sql`false`,
        ),
      ),
    );
  const ids = people.map((p) => p.residentId);
  const [contacts, requests] = ids.length
    ? await Promise.all([
        db
          .selectDistinctOn([careContacts.residentId], {
            residentId: careContacts.residentId,
            kind: careContacts.kind,
            at: careContacts.at,
            note: careContacts.note,
            byName: accounts.displayName,
          })
          .from(careContacts)
          .leftJoin(accounts, eq(accounts.id, careContacts.by))
          .where(and(eq(careContacts.communityId, communityId), inArray(careContacts.residentId, ids)))
          .orderBy(careContacts.residentId, desc(careContacts.at), desc(careContacts.id)),
        db
          .select({
            id: medicineRequests.id,
            residentId: medicineRequests.residentId,
            drugName: medicineRequests.drugName,
            status: medicineRequests.status,
            urgency: medicineRequests.urgency,
            deadlineAt: medicineRequests.deadlineAt,
            createdAt: medicineRequests.createdAt,
            deliveredAt: medicineRequests.deliveredAt,
          })
          .from(medicineRequests)
          .where(
            and(eq(medicineRequests.communityId, communityId), inArray(medicineRequests.residentId, ids)),
          ),
      ])
    : [[], []];

  const list = people.map((p): TCareFollowUp => {
    const own = requests.filter((r) => r.residentId === p.residentId);
    let last: Contact | null = null;
    const call = contacts.find((c) => c.residentId === p.residentId);
    if (call)
      last = {
        kind: call.kind as Contact['kind'],
        at: call.at.toISOString(),
        byName: call.byName,
        note: call.note,
      };
    for (const r of own) {
      last = later(last, { kind: 'request', at: r.createdAt.toISOString(), byName: null, note: null });
      if (r.deliveredAt)
        last = later(last, { kind: 'delivery', at: r.deliveredAt.toISOString(), byName: null, note: null });
    }
    return {
      resident: p as TCareFollowUp['resident'],
      lastContact: last,
      openRequests: own
        .filter((r) => !FINISHED.includes(r.status))
        .sort((a, b) => a.deadlineAt.getTime() - b.deadlineAt.getTime())
        .map((r) => ({
          id: r.id,
          drugName: r.drugName,
          status: r.status as TCareFollowUp['openRequests'][number]['status'],
          urgency: r.urgency as TCareFollowUp['openRequests'][number]['urgency'],
          deadlineAt: r.deadlineAt.toISOString(),
        })),
      runningOut: runningOut
        .filter((r) => r.residentId === p.residentId)
        .sort((a, b) => a.nextRunsOutAt!.getTime() - b.nextRunsOutAt!.getTime())
        .map((r) => ({
          requestId: r.requestId,
          drugName: r.drugName,
          nextRunsOutAt: r.nextRunsOutAt!.toISOString(),
          reminded: r.remindedAt !== null,
        })),
    };
  });
  const FAR = '9999';
  list.sort(
    (a, b) =>
      (a.runningOut[0]?.nextRunsOutAt ?? FAR).localeCompare(b.runningOut[0]?.nextRunsOutAt ?? FAR) ||
      Number(b.openRequests.length > 0) - Number(a.openRequests.length > 0) ||
      (a.lastContact?.at ?? '').localeCompare(b.lastContact?.at ?? '') ||
      a.resident.buildingCode.localeCompare(b.resident.buildingCode) ||
      a.resident.room.localeCompare(b.resident.room) ||
      a.resident.name.localeCompare(b.resident.name),
  );
  await audit(db, {
    communityId,
    account: actor.account,
    role: standing.role,
    action: 'medicine.care.view',
    targetType: 'care_list',
    params: { residents: list.length },
  });
  const { timeZone } = await medicineSettings(db, communityId);
  return { residents: list, days: query.days, timeZone };
}

/** Logs a call or a visit to a resident: it becomes their last contact on the care list. */
export async function recordCareContact(deps: AppDeps, actor: Actor, input: TRecordCareContactParsed) {
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.care');
  const { communityId } = standing;
  const resident = await residentWithPlace(deps.db, communityId, input.residentId);
  if (!resident) throw new AppError('MEDICINE_UNKNOWN_RESIDENT');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(careContacts)
      .values({
        communityId,
        residentId: input.residentId,
        kind: input.kind,
        note: input.note ?? null,
        at: now,
        by: actor.account.id,
      })
      .returning();
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'medicine.care.contact',
      targetType: 'resident',
      targetId: input.residentId,
      params: { name: resident.name, building: resident.buildingCode, room: resident.room, kind: input.kind },
    });
    return {
      id: row!.id,
      residentId: row!.residentId,
      kind: row!.kind as 'call' | 'visit',
      note: row!.note,
      at: row!.at.toISOString(),
    };
  });
}
