import { pickupGroupOf } from '../../../domain/parcels/pickup-codes.ts';
import { waybillTail } from '../../../shared/api/parcel-rides.ts';
import { notify } from '../../platform/notices.ts';
import { type Executor, householdAccounts } from './ride.repository.ts';

/** The parcels one pickup code is for: a household's, a room's, or a lone parcel's. */
export interface PickupGroup<P> {
  key: string;
  householdId: string | null;
  room: string | null;
  code: string | null;
  parcels: P[];
}

const byRoom = new Intl.Collator('zh-CN', { numeric: true });

/** Parcels grouped as their pickup codes go, in room order (rooms unknown last). */
export function groupForPickup<
  P extends { id: string; householdId: string | null; room: string | null; pickupCode: string | null },
>(rows: readonly P[]): PickupGroup<P>[] {
  const groups = new Map<string, PickupGroup<P>>();
  for (const row of rows) {
    const key = pickupGroupOf(row);
    const group = groups.get(key) ?? {
      key,
      householdId: row.householdId,
      room: row.room,
      code: row.pickupCode,
      parcels: [],
    };
    group.code ??= row.pickupCode;
    group.parcels.push(row);
    groups.set(key, group);
  }
  return [...groups.values()].sort((x, y) =>
    x.room === null ? 1 : y.room === null ? -1 : byRoom.compare(x.room, y.room),
  );
}

const tails = (parcels: readonly { waybill: string | null }[]) =>
  parcels.flatMap((p) => (p.waybill ? [waybillTail(p.waybill)!] : [])).join(', ') || '—';

/** "1203: 4821, 502: 1234": the rooms a relay contact tells by word of mouth, with their codes. */
const roomsAndCodes = (groups: readonly PickupGroup<unknown>[]) =>
  groups.map((g) => `${g.room ?? '—'}: ${g.code}`).join(', ');

const firstDelivered = (parcels: readonly { deliveredAt: Date | null }[]) =>
  new Date(
    Math.min(...parcels.map((p) => p.deliveredAt?.getTime() ?? Number.POSITIVE_INFINITY)),
  ).toISOString();

export interface ParcelNoticeContext {
  communityId: string;
  building: { id: string; code: string; relayAccountId: string | null };
  timeZone: string;
  now: Date;
}

/**
 * Tells every household of the groups about its parcels and code (all accounts of its residents),
 * and the building's relay contact about the rest: on delivery one notice for the building, listing
 * the rooms nobody there can be told directly; on a reminder only those rooms, and only if any.
 */
export async function tellAboutParcels(
  tx: Executor,
  context: ParcelNoticeContext,
  groups: readonly PickupGroup<{ waybill: string | null; deliveredAt: Date | null }>[],
  occasion: { kind: 'delivered' } | { kind: 'reminder'; minutes: number },
) {
  const { communityId, building, timeZone, now } = context;
  if (groups.length === 0) return { householdsNotified: 0, relayNotified: false };
  const accounts = await householdAccounts(
    tx,
    communityId,
    groups.flatMap((g) => (g.householdId ? [g.householdId] : [])),
  );
  const unreached: PickupGroup<unknown>[] = [];
  let householdsNotified = 0;
  for (const group of groups) {
    const accountIds = group.householdId ? (accounts.get(group.householdId) ?? []) : [];
    if (accountIds.length === 0) {
      unreached.push(group);
      continue;
    }
    householdsNotified += 1;
    await notify(
      tx,
      {
        communityId,
        accountIds,
        kind: occasion.kind === 'delivered' ? 'parcels.delivered' : 'parcels.reminder',
        params: {
          building: building.code,
          room: group.room ?? '',
          count: group.parcels.length,
          waybills: tails(group.parcels),
          code: group.code ?? '',
          timeZone,
          ...(occasion.kind === 'reminder' ? { deliveredAt: firstDelivered(group.parcels) } : {}),
        },
        link: '/my/parcels',
      },
      now,
    );
  }
  const relayKind =
    occasion.kind === 'delivered'
      ? unreached.length > 0
        ? 'parcels.delivered_relay'
        : 'parcels.delivered_relay_all'
      : unreached.length > 0
        ? 'parcels.reminder_relay'
        : null;
  const relayNotified = building.relayAccountId !== null && relayKind !== null;
  if (relayNotified) {
    await notify(
      tx,
      {
        communityId,
        accountIds: [building.relayAccountId!],
        kind: relayKind!,
        params: {
          building: building.code,
          count: groups.reduce((sum, g) => sum + g.parcels.length, 0),
          households: groups.length,
          rooms: roomsAndCodes(unreached),
          minutes: occasion.kind === 'reminder' ? occasion.minutes : 0,
        },
        link: `/parcels/pickup?building=${building.id}`,
      },
      now,
    );
  }
  return { householdsNotified, relayNotified };
}
