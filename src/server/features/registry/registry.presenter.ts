import type { TBuilding, THousehold, TResident } from '../../../shared/api/registry.ts';
import { maskBirthYear, maskMobile, type VulnerabilityFlag } from '../../../shared/registry.ts';
import type { BuildingRow } from './buildings.repository.ts';
import type { ResidentRow } from './residents.repository.ts';

/** Personal numbers leave the server masked unless the caller may, and asked to, see them. */
export function presentResident(row: Omit<ResidentRow, 'total'>, reveal: boolean): TResident {
  return {
    id: row.id,
    householdId: row.householdId,
    buildingId: row.buildingId,
    buildingCode: row.buildingCode,
    room: row.room,
    name: row.name,
    sex: row.sex === 'M' || row.sex === 'F' ? row.sex : null,
    mobile: reveal ? row.mobile : maskMobile(row.mobile),
    birthYear: reveal
      ? row.birthYear === null
        ? null
        : String(row.birthYear)
      : maskBirthYear(row.birthYear),
    masked: !reveal,
    flags: row.flags as VulnerabilityFlag[],
    note: row.note,
    isRelay: row.isRelay,
  };
}

export function presentBuilding(row: BuildingRow): TBuilding {
  return {
    id: row.id,
    code: row.code,
    zoneId: row.zoneId,
    floors: row.floors,
    x: row.x,
    y: row.y,
    households: row.households,
    residents: row.residents,
    vulnerable: row.vulnerable,
    relay: row.relayId
      ? {
          residentId: row.relayId,
          name: row.relayName!,
          room: row.relayRoom ?? '',
          mobile: maskMobile(row.relayMobile),
        }
      : null,
  };
}

export function presentHousehold(
  row: Omit<THousehold, 'phone'> & { phone: string | null },
  reveal: boolean,
): THousehold {
  return {
    id: row.id,
    buildingId: row.buildingId,
    buildingCode: row.buildingCode,
    room: row.room,
    phone: reveal ? row.phone : maskMobile(row.phone),
    size: row.size,
    residents: row.residents,
    note: row.note,
  };
}
