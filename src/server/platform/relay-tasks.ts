import { and, eq, inArray } from 'drizzle-orm';
import { RELAY_TASKS_CHANGED } from '../../shared/api/relay-tasks.ts';
import type { Db } from '../db/client.ts';
import { buildings, communities, relayTasks, residents } from '../db/schema/index.ts';
import { publishLive } from './live-events.ts';
import { notify } from './notices.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'execute'>;

export interface RelayRequest {
  communityId: string;
  /** what is to be passed on: an announcement, a testing call, parcels waiting */
  sourceType: 'announcement' | 'testing_call' | 'parcels';
  /** the announcement's or round's id; for parcels e.g. `${date}/${occasion}` */
  sourceId: string;
  buildingIds: readonly string[];
  /** notice template key and params the relay contact reads (shared/i18n/notice-messages.ts) */
  kind: string;
  params: Record<string, string | number>;
  link?: string | null;
  critical?: boolean;
}

/**
 * Asks each building's relay contact (楼组长) to tell their building, as one `relay_tasks` row per
 * building and source plus a notice to the contact, inside the transaction of the change. A building
 * without a relay contact still gets its task (unassigned), so escalation reaches its residents. Asking
 * again for the same source and building changes nothing. Returns the tasks made now. The relays
 * overview hears of new tasks live (features/relays).
 */
export async function queueRelayTasks(tx: Executor, request: RelayRequest, now: Date) {
  const buildingIds = [...new Set(request.buildingIds)];
  if (buildingIds.length === 0) return [];
  const { communityId } = request;
  const [community] = await tx
    .select({ minutes: communities.relayEscalateMinutes })
    .from(communities)
    .where(eq(communities.id, communityId));
  const contacts = await tx
    .select({ buildingId: buildings.id, accountId: residents.accountId })
    .from(buildings)
    .leftJoin(
      residents,
      and(eq(residents.communityId, buildings.communityId), eq(residents.id, buildings.relayResidentId)),
    )
    .where(and(eq(buildings.communityId, communityId), inArray(buildings.id, buildingIds)));
  if (contacts.length === 0) return [];
  const escalateAt = new Date(now.getTime() + (community?.minutes ?? 120) * 60_000);
  const made = await tx
    .insert(relayTasks)
    .values(
      contacts.map((c) => ({
        communityId,
        buildingId: c.buildingId,
        sourceType: request.sourceType,
        sourceId: request.sourceId,
        kind: request.kind,
        params: request.params,
        link: request.link ?? null,
        relayAccountId: c.accountId,
        createdAt: now,
        escalateAt,
      })),
    )
    .onConflictDoNothing()
    .returning({
      id: relayTasks.id,
      buildingId: relayTasks.buildingId,
      relayAccountId: relayTasks.relayAccountId,
    });
  if (made.length === 0) return made;
  const relayAccounts = made.flatMap((t) => (t.relayAccountId ? [t.relayAccountId] : []));
  await notify(
    tx,
    {
      communityId,
      accountIds: relayAccounts,
      kind: request.kind,
      params: request.params,
      link: '/relays',
      critical: request.critical ?? false,
    },
    now,
  );
  await publishLive(tx, {
    communityId,
    type: RELAY_TASKS_CHANGED,
    data: { source: request.sourceType, count: made.length },
    coalesceKey: 'relay',
  });
  return made;
}
