// The demo's building relays (楼组长转达): this morning's testing call told building by building, most
// relay contacts confirming within minutes, two still to do, and building 1's overdue and escalated to
// the publicity group; and this morning's parcels for building 17, passed on.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { createRandom } from '../../domain/random.ts';
import { wallClockAt } from '../../domain/shifts/zoned-time.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';
import { escalateSource } from '../features/relays/relay-escalation.ts';
import type { AppDeps } from '../platform/context.ts';
import { queueRelayTasks } from '../platform/relay-tasks.ts';

const MINUTE = 60_000;
const SEED = 20_220_411;
/** The round the demo's announcements call the 17th is tomorrow's; this morning's was the 16th. */
const ROUND_TITLE = '第十六轮全员核酸';
/** Buildings 1–12 were called this morning; 8 and 12 (r0013, r0020) have not confirmed yet. */
const CALLED = 12;
const STILL_OPEN = ['8', '12'];

async function buildingsWithRelays(db: Db, communityId: string) {
  const rows = await db
    .select({
      id: t.buildings.id,
      code: t.buildings.code,
      gate: t.gates.name,
      relayAccountId: t.residents.accountId,
    })
    .from(t.buildings)
    .leftJoin(
      t.zones,
      and(eq(t.zones.communityId, t.buildings.communityId), eq(t.zones.id, t.buildings.zoneId)),
    )
    .leftJoin(t.gates, and(eq(t.gates.communityId, t.zones.communityId), eq(t.gates.id, t.zones.gateId)))
    .leftJoin(
      t.residents,
      and(
        eq(t.residents.communityId, t.buildings.communityId),
        eq(t.residents.id, t.buildings.relayResidentId),
      ),
    )
    .where(eq(t.buildings.communityId, communityId));
  return new Map(rows.map((r) => [r.code, r]));
}

const confirm = (db: Db, taskId: string, at: Date, accountId: string) =>
  db
    .update(t.relayTasks)
    .set({ confirmedAt: at, confirmedBy: accountId })
    .where(and(eq(t.relayTasks.id, taskId), isNull(t.relayTasks.confirmedAt)));

/** Households of a building nobody there can be told directly (no resident has an account). */
async function unreachedRooms(db: Db, communityId: string, buildingId: string) {
  const rows = await db
    .select({ room: t.households.room, accountId: t.residents.accountId })
    .from(t.households)
    .leftJoin(
      t.residents,
      and(
        eq(t.residents.communityId, t.households.communityId),
        eq(t.residents.householdId, t.households.id),
      ),
    )
    .where(and(eq(t.households.communityId, communityId), eq(t.households.buildingId, buildingId)));
  const reached = new Set(rows.filter((r) => r.accountId).map((r) => r.room));
  return [...new Set(rows.map((r) => r.room))].filter((room) => !reached.has(room)).sort();
}

export async function seedDemoRelays(db: Db, row: { communityId: string; now: Date; timeZone: string }) {
  const { communityId, now, timeZone } = row;
  const random = createRandom(SEED);
  const buildings = await buildingsWithRelays(db, communityId);
  const roundId = randomUUID();
  const firstCall = new Date(now.getTime() - 150 * MINUTE);
  for (let i = 0; i < CALLED; i++) {
    const building = buildings.get(String(i + 1));
    if (!building) continue;
    const at = new Date(firstCall.getTime() + i * 10 * MINUTE);
    const [task] = await queueRelayTasks(
      db,
      {
        communityId,
        sourceType: 'testing_call',
        sourceId: roundId,
        buildingIds: [building.id],
        kind: 'testing.call_relay',
        params: {
          round: ROUND_TITLE,
          building: building.code,
          gate: building.gate ?? '',
          at: at.toISOString(),
          timeZone,
          pooling: 10,
        },
        critical: true,
      },
      at,
    );
    if (!task?.relayAccountId || i === 0 || STILL_OPEN.includes(building.code)) continue;
    await confirm(db, task.id, new Date(at.getTime() + random.int(3, 18) * MINUTE), task.relayAccountId);
  }
  // Building 1's relay contact never confirmed: a minute past its time the publicity group heard of it.
  const minutes =
    (
      await db
        .select({ m: t.communities.relayEscalateMinutes })
        .from(t.communities)
        .where(eq(t.communities.id, communityId))
    )[0]?.m ?? 120;
  const escalatedAt = new Date(firstCall.getTime() + (minutes + 1) * MINUTE);
  if (escalatedAt < now)
    await escalateSource({ db, clock: { now: () => escalatedAt } } as AppDeps, {
      communityId,
      sourceType: 'testing_call',
      sourceId: roundId,
    });

  // This morning's parcels for building 17: its relay contact told the households without accounts.
  const b17 = buildings.get('17');
  const rooms = b17 ? (await unreachedRooms(db, communityId, b17.id)).slice(0, 3) : [];
  if (b17?.relayAccountId && rooms.length > 0) {
    const delivered = new Date(now.getTime() - 100 * MINUTE);
    const [task] = await queueRelayTasks(
      db,
      {
        communityId,
        sourceType: 'parcels',
        sourceId: `${wallClockAt(delivered, timeZone).day}/delivered/demo/17`,
        buildingIds: [b17.id],
        kind: 'parcels.delivered_relay',
        params: {
          building: '17',
          count: rooms.length + 3,
          households: rooms.length + 2,
          rooms: rooms.map((room) => `${room}: ${random.int(1000, 9999)}`).join(', '),
          minutes: 0,
        },
        link: `/parcels/pickup?building=${b17.id}`,
      },
      delivered,
    );
    if (task) await confirm(db, task.id, new Date(delivered.getTime() + 25 * MINUTE), b17.relayAccountId);
  }
}
