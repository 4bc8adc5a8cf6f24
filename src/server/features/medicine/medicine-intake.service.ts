import { parseBuildingCode, parseRoom } from '../../../domain/roster/address.ts';
import type { TMedicineResidentChoice } from '../../../shared/api/medicine.ts';
import { maskBirthYear, type VulnerabilityFlag } from '../../../shared/registry.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { authorizeMedicineWork, seesAllRequests } from './medicine-access.ts';
import { searchResidents } from './medicine-requests.repository.ts';

/**
 * listMedicineResidents: whom a volunteer may ask for, vulnerable residents first, found by building,
 * room or name. As the testing lanes do, it shows what the registry shows every member (building, room,
 * name, flags) and the birth year only to the decade: enough to pick the right person, never an ID
 * number or a phone. With each, the requests already open for them, so nobody asks twice.
 */
export async function listMedicineResidents(
  deps: AppDeps,
  actor: Actor,
  query: {
    building?: string | undefined;
    room?: string | undefined;
    q?: string | undefined;
    mine?: boolean | undefined;
  },
): Promise<{ residents: TMedicineResidentChoice[] }> {
  // Everyone may ask for their own household; only the group and those who oversee for anyone.
  const standing = await authorizeMedicineWork(deps, actor, 'medicine.request.create');
  const ownOnly = query.mine === true || !seesAllRequests(standing);
  if (ownOnly && standing.householdIds.length === 0) return { residents: [] };
  const rows = await searchResidents(
    deps.db,
    actor.communityId!,
    {
      buildingCode: query.building ? (parseBuildingCode(query.building) ?? query.building) : undefined,
      room: query.room ? (parseRoom(query.room) ?? query.room) : undefined,
      q: query.q || undefined,
      householdIds: ownOnly ? standing.householdIds : undefined,
    },
    30,
  );
  return {
    residents: rows.map((r) => ({
      residentId: r.residentId,
      householdId: r.householdId,
      name: r.name,
      buildingCode: r.buildingCode,
      room: r.room,
      flags: r.flags as VulnerabilityFlag[],
      birthYear: maskBirthYear(r.birthYear),
      openRequests: r.openRequests,
    })),
  };
}
