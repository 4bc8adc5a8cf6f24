import { type MedicineStatus, nextStatuses, normalizeSourceKey } from '../../../domain/medicine/index.ts';
import { leadsMedicine, type MedicineStanding } from './medicine-access.ts';

/** What a volunteer may do with a request assigned to them: buy it, deliver it, say it cannot be had. */
const VOLUNTEER_MOVES: readonly MedicineStatus[] = ['purchasing', 'delivered', 'unavailable', 'confirmed'];

/**
 * The statuses this person may move this request to now: the domain's next steps, narrowed by who
 * they are. Leaders and coordinators: all. A volunteer of the group: the steps of a request assigned
 * to them. The household: confirm a delivery, or call the request off before anyone is on it.
 */
export function movesAllowedFor(
  standing: MedicineStanding,
  request: {
    status: string;
    assignedTo: string | null;
    householdId: string;
    substitution: string | null;
    substitutionConfirmedAt: Date | null;
  },
): MedicineStatus[] {
  // A substitution (another brand, fewer days) is the household's to accept: only they confirm then.
  const substitutionPending = request.substitution !== null && request.substitutionConfirmedAt === null;
  const next = nextStatuses(request.status as MedicineStatus).filter(
    (s) => s !== 'confirmed' || !substitutionPending || standing.householdIds.includes(request.householdId),
  );
  if (leadsMedicine(standing)) return next;
  const allowed = new Set<MedicineStatus>();
  if (standing.group === 'member' && request.assignedTo === standing.accountId)
    for (const s of next) if (VOLUNTEER_MOVES.includes(s)) allowed.add(s);
  if (standing.householdIds.includes(request.householdId)) {
    if (next.includes('confirmed')) allowed.add('confirmed');
    if (next.includes('cancelled') && (request.status === 'requested' || request.status === 'triaged'))
      allowed.add('cancelled');
  }
  return next.filter((s) => allowed.has(s));
}

/** The key that groups requests into trips ("瑞金院" and "瑞金 医院" are one hospital): the domain's. */
export function sourceKeyOf(source: string | null | undefined): string | null {
  const key = source ? normalizeSourceKey(source) : '';
  return key === '' ? null : key;
}
