import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { buildings, households, medicineRequests, residents } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { registerBackgroundTask } from '../../platform/background.ts';
import type { AppDeps } from '../../platform/context.ts';
import { notify } from '../../platform/notices.ts';
import { medicineGroupAccounts, medicineSettings } from './medicine-requests.repository.ts';

/** How long before a chronic medicine runs out the medicine group is reminded (issue 7: "before then"). */
export const FOLLOW_UP_LEAD_DAYS = 3;

/**
 * Reminds the medicine group once per delivered chronic medicine whose supply runs out within three
 * days. Each reminder is claimed by a conditional UPDATE of follow_up_reminded_at in the transaction
 * of its notice, so two server processes never remind twice, and a late run still reminds.
 */
export async function remindChronicMedicineFollowUps(deps: AppDeps) {
  const now = deps.clock.now();
  const horizon = new Date(now.getTime() + FOLLOW_UP_LEAD_DAYS * 86_400_000);
  const due = and(
    eq(medicineRequests.chronic, true),
    inArray(medicineRequests.status, ['delivered', 'confirmed']),
    isNotNull(medicineRequests.nextRunsOutAt),
    lte(medicineRequests.nextRunsOutAt, horizon),
    isNull(medicineRequests.followUpRemindedAt),
  );
  const candidates = await deps.db
    .select({
      communityId: medicineRequests.communityId,
      id: medicineRequests.id,
      drugName: medicineRequests.drugName,
      nextRunsOutAt: medicineRequests.nextRunsOutAt,
      name: residents.name,
      buildingCode: buildings.code,
      room: households.room,
    })
    .from(medicineRequests)
    .innerJoin(
      residents,
      and(
        eq(residents.communityId, medicineRequests.communityId),
        eq(residents.id, medicineRequests.residentId),
      ),
    )
    .innerJoin(
      households,
      and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
    )
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
    )
    .where(due)
    .limit(500);
  let reminded = 0;
  for (const c of candidates) {
    const { timeZone } = await medicineSettings(deps.db, c.communityId);
    reminded += await deps.db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(medicineRequests)
        .set({ followUpRemindedAt: now })
        .where(and(eq(medicineRequests.communityId, c.communityId), eq(medicineRequests.id, c.id), due))
        .returning({ id: medicineRequests.id });
      if (!claimed) return 0;
      const told = await medicineGroupAccounts(tx, c.communityId, false);
      const place = { building: c.buildingCode, room: c.room };
      await notify(
        tx,
        {
          communityId: c.communityId,
          accountIds: told,
          kind: 'medicine.follow_up',
          params: {
            ...place,
            name: c.name,
            drug: c.drugName,
            runsOutAt: c.nextRunsOutAt!.toISOString(),
            timeZone,
          },
          link: '/medicine/care',
        },
        now,
      );
      await audit(tx, {
        communityId: c.communityId,
        account: null,
        role: 'system',
        action: 'medicine.follow_up_reminder',
        targetType: 'medicine_request',
        targetId: c.id,
        params: { ...place, told: told.length },
      });
      return 1;
    });
  }
  return reminded;
}

registerBackgroundTask({
  name: 'medicine.follow-up-reminders',
  intervalMs: 10 * 60_000,
  run: remindChronicMedicineFollowUps,
});
