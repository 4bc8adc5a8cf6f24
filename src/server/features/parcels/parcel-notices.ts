import { pickupGroupOf } from '../../../domain/parcels/pickup-codes.ts';
import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import { waybillTail } from '../../../shared/api/parcel-rides.ts';
import { notify } from '../../platform/notices.ts';
import { queueRelayTasks } from '../../platform/relay-tasks.ts';
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

/** A delivery of a run's stop, or a reminder pass: each is one occasion for the relay contact. */
export type ParcelOccasion =
  | { kind: 'delivered'; runId: string; seq: number }
  | { kind: 'reminder'; minutes: number };

/**
 * The relay task's source key: the building's day (the community's clock) and the occasion, so each
 * delivery and each later reminder is a task of its own, and telling the same occasion twice is not.
 */
export function parcelRelaySource(occasion: ParcelOccasion, now: Date, timeZone: string) {
  const { day, time } = wallClockAt(now, timeZone);
  return occasion.kind === 'delivered'
    ? `${day}/delivered/${occasion.runId}/${occasion.seq}`
    : `${day}/reminder/${time}:${String(now.getUTCSeconds()).padStart(2, '0')}`;
}

/**
 * Tells every household of the groups about its parcels and code (all accounts of its residents),
 * and the building's relay contact about the rest: the rooms nobody there can be told directly
 * become a relay task (楼组长转达), which brings the contact its notice, asks for "passed on", and
 * escalates if nobody confirms. A delivery that reached every household is only reported to the
 * contact (nothing to pass on); a reminder with every household reached tells the contact nothing.
 */
export async function tellAboutParcels(
  tx: Executor,
  context: ParcelNoticeContext,
  groups: readonly PickupGroup<{ waybill: string | null; deliveredAt: Date | null }>[],
  occasion: ParcelOccasion,
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
  const params = {
    building: building.code,
    count: groups.reduce((sum, g) => sum + g.parcels.length, 0),
    households: groups.length,
    rooms: roomsAndCodes(unreached),
    minutes: occasion.kind === 'reminder' ? occasion.minutes : 0,
  };
  const link = `/parcels/pickup?building=${building.id}`;
  if (unreached.length === 0) {
    if (occasion.kind === 'reminder' || building.relayAccountId === null)
      return { householdsNotified, relayNotified: false };
    await notify(
      tx,
      {
        communityId,
        accountIds: [building.relayAccountId],
        kind: 'parcels.delivered_relay_all',
        params,
        link,
      },
      now,
    );
    return { householdsNotified, relayNotified: true };
  }
  const relayed = await queueRelayTasks(
    tx,
    {
      communityId,
      sourceType: 'parcels',
      sourceId: parcelRelaySource(occasion, now, timeZone),
      buildingIds: [building.id],
      kind: occasion.kind === 'delivered' ? 'parcels.delivered_relay' : 'parcels.reminder_relay',
      params,
      link,
    },
    now,
  );
  return { householdsNotified, relayNotified: relayed.some((task) => task.relayAccountId !== null) };
}
