import type { TDashboard } from '../../../shared/api/dashboard.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A quiet compound at 2026-04-09 10:00 Shanghai: nothing waiting, nothing overdue, no round. */
export function quietDashboard(): TDashboard {
  return {
    communityId: id(1),
    name: '歌林春天',
    timeZone: 'Asia/Shanghai',
    at: '2026-04-09T02:00:00.000Z',
    people: {
      staff: 8,
      coordinators: 1,
      volunteers: { approved: 280, pending: 0 },
      onShiftNow: 0,
      groups: [{ groupId: id(2), key: 'parcels', name: '快递组', members: 80, onShiftNow: 0 }],
    },
    parcels: { receivedToday: 0, deliveredToday: 0, pickedUpToday: 0, waiting: 0, oldestWaitingSince: null },
    testing: { current: null, last: null },
    medicine: { open: { critical: 0, high: 0, normal: 0 }, overdue: 0, top: [] },
    groupBuys: { open: [], inDistribution: [] },
    disinfection: { dueToday: 0, doneToday: 0, overdue: 0, overdueAreas: [] },
    relays: { unconfirmed: 0, escalated: 0, buildings: [] },
  };
}
