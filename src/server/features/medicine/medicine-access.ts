import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/app-error.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { householdIdsOfAccount } from '../registry/households.repository.ts';
import { groupMembership } from '../volunteers/group-membership.ts';
import { type MedicineAction, medicineActions } from './medicine.policy.ts';

type Executor = Pick<Db, 'select' | 'selectDistinct'>;

export const MEDICINE_GROUP_KEY = 'medicine';

/** Where a person stands towards medicine requests in one community. */
export interface MedicineStanding {
  /** the role the policy table let them in under */
  role: PolicyRole;
  accountId: string;
  communityId: string;
  /** coordinators and committee staff: every request, every action a leader has */
  oversees: boolean;
  /** their place in the medicine group (a leader of another group is 'none' here) */
  group: 'none' | 'member' | 'leader';
  /** households whose resident row carries this account (usually one) */
  householdIds: string[];
}

/** Sees every request of the community: the medicine group and those who oversee. */
export const seesAllRequests = (s: MedicineStanding) => s.oversees || s.group !== 'none';
/** Leads the medicine work: triage overrides, assignment, any status move. */
export const leadsMedicine = (s: MedicineStanding) => s.oversees || s.group === 'leader';
/** May see this request's medical details: the group, overseers, or the request's own household. */
export const canSeeRequest = (s: MedicineStanding, request: { householdId: string }) =>
  seesAllRequests(s) || s.householdIds.includes(request.householdId);

export const medicineGroupMembership = (db: Executor, communityId: string, accountId: string) =>
  groupMembership(db, communityId, accountId, MEDICINE_GROUP_KEY);

/** What each action asks beyond the policy table. */
const NEEDS: Record<MedicineAction, (s: MedicineStanding) => boolean> = {
  'medicine.request.create': (s) => seesAllRequests(s) || s.householdIds.length > 0,
  'medicine.request.view': (s) => seesAllRequests(s) || s.householdIds.length > 0,
  'medicine.request.triage': leadsMedicine,
  'medicine.request.status': (s) => seesAllRequests(s) || s.householdIds.length > 0,
  'medicine.assign': leadsMedicine,
  'medicine.trips': seesAllRequests,
  'medicine.attachment.upload': (s) => seesAllRequests(s) || s.householdIds.length > 0,
  'medicine.attachment.view': (s) => seesAllRequests(s) || s.householdIds.length > 0,
  'medicine.care': seesAllRequests,
};

/**
 * The policy table, then the person's standing: the `leader` and `volunteer` roles count only in
 * the medicine group, `resident` (or anyone whose account is a resident's) only for a household in the registry. FORBIDDEN otherwise.
 * Per-request checks (canSeeRequest) are the caller's: unseen requests answer 404.
 */
export async function authorizeMedicineWork(
  deps: AppDeps,
  actor: Actor,
  action: MedicineAction,
): Promise<MedicineStanding> {
  const role = authorize(actor, medicineActions[action]);
  const communityId = actor.communityId!;
  const oversees = actor.roles.includes('coordinator') || actor.roles.includes('staff');
  const inGroupRoles = actor.roles.includes('leader') || actor.roles.includes('volunteer');
  const [group, householdIds] = await Promise.all([
    inGroupRoles && !oversees
      ? medicineGroupMembership(deps.db, communityId, actor.account.id)
      : Promise.resolve('none' as const),
    // A volunteer or staff member who lives here asks for their own household like any resident.
    householdIdsOfAccount(deps.db, communityId, actor.account.id),
  ]);
  const standing: MedicineStanding = {
    role,
    accountId: actor.account.id,
    communityId,
    oversees,
    group,
    householdIds,
  };
  if (!NEEDS[action](standing)) throw new AppError('FORBIDDEN');
  return standing;
}
