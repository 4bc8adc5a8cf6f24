import { type MedicineStatus, nextStatuses } from '../../../domain/medicine/index.ts';
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
  request: { status: string; assignedTo: string | null; householdId: string },
): MedicineStatus[] {
  const next = nextStatuses(request.status as MedicineStatus);
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

/** "Dr. Wang's  Pharmacy" and "dr.wang's pharmacy" are one place: the key that groups requests into trips. */
export function sourceKeyOf(source: string | null | undefined): string | null {
  if (!source) return null;
  const key = source
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  return key === '' ? null : key;
}
