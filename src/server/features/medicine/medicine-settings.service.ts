import { eq } from 'drizzle-orm';
import {
  MEDICINE_DEADLINE_MAX_HOURS,
  MEDICINE_DEADLINE_MIN_HOURS,
  type TMedicineSettings,
  type TSavedMedicineSettings,
  type TSetMedicineSettings,
} from '../../../shared/api/medicine-settings.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { communities } from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize, definePolicy, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { medicineGroupMembership } from './medicine-access.ts';
import { medicineSettings } from './medicine-requests.repository.ts';

/**
 * Who sees and who sets the deadline of each urgency. Coordinators and committee staff oversee the
 * medicine work (as in medicine.policy.ts); `volunteer` and `leader` count only inside the medicine
 * group: its members see the deadlines they work to, its leaders set them.
 */
const settingsActions = definePolicy({
  'medicine.settings.view': ['coordinator', 'staff', 'leader', 'volunteer'],
  'medicine.settings.change': ['coordinator', 'staff', 'leader'],
});
type SettingsAction = keyof typeof settingsActions;

async function authorizeSettings(deps: AppDeps, actor: Actor, action: SettingsAction): Promise<PolicyRole> {
  const role = authorize(actor, settingsActions[action]);
  if (role === 'coordinator' || role === 'staff') return role;
  const group = await medicineGroupMembership(deps.db, actor.communityId!, actor.account.id);
  const allowed = action === 'medicine.settings.view' ? group !== 'none' : group === 'leader';
  if (!allowed) throw new AppError('FORBIDDEN');
  return role;
}

const FIELDS = ['criticalHours', 'highHours', 'normalHours'] as const;
const at = (field: string): ErrorDetail => ({ path: `body.${field}`, message: '' });

/** Whole hours within a week, and never a shorter deadline for a less urgent request. */
function validate(body: TSetMedicineSettings): TMedicineSettings {
  const outOfRange = FIELDS.filter((f) => {
    const h = body[f];
    return !Number.isInteger(h) || h < MEDICINE_DEADLINE_MIN_HOURS || h > MEDICINE_DEADLINE_MAX_HOURS;
  });
  if (outOfRange.length > 0) {
    throw new AppError(
      'MEDICINE_DEADLINE_HOURS_INVALID',
      { min: MEDICINE_DEADLINE_MIN_HOURS, max: MEDICINE_DEADLINE_MAX_HOURS },
      outOfRange.map(at),
    );
  }
  const { criticalHours, highHours, normalHours } = body;
  if (criticalHours > highHours || highHours > normalHours) {
    // Point at the field that breaks the order: the less urgent one set shorter than the one above it.
    const wrong = [
      ...(criticalHours > highHours ? ['highHours'] : []),
      ...(highHours > normalHours ? ['normalHours'] : []),
    ];
    throw new AppError(
      'MEDICINE_DEADLINE_ORDER',
      { critical: criticalHours, high: highHours, normal: normalHours },
      wrong.map(at),
    );
  }
  return { criticalHours, highHours, normalHours };
}

/** getMedicineSettings: the medicine group, coordinators and staff see the deadlines they work to. */
export async function getMedicineSettings(deps: AppDeps, actor: Actor): Promise<TMedicineSettings> {
  await authorizeSettings(deps, actor, 'medicine.settings.view');
  // The same reading the requests' deadlines are computed from, defaults included.
  const { hours } = await medicineSettings(deps.db, actor.communityId!);
  return { criticalHours: hours.critical, highHours: hours.high, normalHours: hours.normal };
}

/**
 * setMedicineSettings: the medicine group's leaders, coordinators and staff. Requests already asked keep
 * the deadline they were given (a deadline promised to a household does not move under it); requests
 * asked, or re-triaged, from now on get the new hours.
 */
export async function setMedicineSettings(
  deps: AppDeps,
  actor: Actor,
  body: TSetMedicineSettings,
): Promise<TSavedMedicineSettings> {
  const role = await authorizeSettings(deps, actor, 'medicine.settings.change');
  const next = validate(body);
  const communityId = actor.communityId!;
  await deps.db.transaction(async (tx) => {
    const { hours: previous } = await medicineSettings(tx, communityId);
    await tx
      .update(communities)
      .set({
        medicineCriticalHours: next.criticalHours,
        medicineHighHours: next.highHours,
        medicineNormalHours: next.normalHours,
      })
      .where(eq(communities.id, communityId));
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'medicine.settings',
      targetType: 'community',
      targetId: communityId,
      params: {
        critical: next.criticalHours,
        high: next.highHours,
        normal: next.normalHours,
        previous: `${previous.critical}/${previous.high}/${previous.normal} h`,
      },
    });
  });
  return { ...(await getMedicineSettings(deps, actor)), appliesTo: 'new_requests' };
}
