import type { TParcel } from '../../../shared/api/parcels.ts';
import type { ParcelRow } from './parcels.repository.ts';

export const presentParcel = (row: ParcelRow): TParcel => ({
  ...row,
  status: row.status as TParcel['status'],
  source: row.source as TParcel['source'],
  receivedAt: row.receivedAt.toISOString(),
});
