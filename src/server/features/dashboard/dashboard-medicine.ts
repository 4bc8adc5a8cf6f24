import type { TDashboard } from '../../../shared/api/dashboard.ts';
import type { TMedicineRequestRow } from '../../../shared/api/medicine.ts';
import type { Db } from '../../db/client.ts';
import { presentRow } from '../medicine/medicine-requests.presenter.ts';
import { listRequests, openRequestCounts } from '../medicine/medicine-requests.repository.ts';

const TOP = 5;
const URGENCY_RANK: Record<string, number> = { critical: 0, high: 1, normal: 2 };

/**
 * Late as the queue page marks a row: still to be brought (a delivered request only waits for the
 * household's confirmation) and past its deadline by the server's clock.
 */
const isLate = (row: TMedicineRequestRow) => row.status !== 'delivered' && row.deadlineState === 'overdue';

/**
 * The medicine queue's open view (medicine-requests: listMedicineRequests?status=open, the rows as
 * presented at `now`): its requests by urgency and the late ones, counted in full, and the five to look
 * at first: late ones, then the most urgent, then the nearest deadline (delivered ones, waiting for the
 * household only, last). The list comes by deadline, so its first rows hold every late one.
 */
export async function medicineFigures(
  db: Db,
  communityId: string,
  now: Date,
): Promise<TDashboard['medicine']> {
  const open = { critical: 0, high: 0, normal: 0 };
  let overdue = 0;
  for (const c of await openRequestCounts(db, communityId, now)) {
    if (c.urgency in open) open[c.urgency as keyof typeof open] += c.open;
    overdue += c.late;
  }
  const rows = (await listRequests(db, communityId, { status: 'open' })).map((r) => presentRow(r, now));
  const top = rows
    .map((row) => ({ row, late: isLate(row) }))
    .sort(
      (x, y) =>
        Number(y.late) - Number(x.late) ||
        Number(x.row.status === 'delivered') - Number(y.row.status === 'delivered') ||
        (URGENCY_RANK[x.row.urgency] ?? 3) - (URGENCY_RANK[y.row.urgency] ?? 3) ||
        x.row.deadlineAt.localeCompare(y.row.deadlineAt),
    )
    .slice(0, TOP)
    .map(({ row, late }) => ({
      id: row.id,
      urgency: row.urgency,
      status: row.status,
      dueAt: row.deadlineAt,
      overdue: late,
    }));
  return { open, overdue, top };
}
