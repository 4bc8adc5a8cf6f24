import { expect } from 'vitest';
import type { Database } from '../server/db/client.ts';
import type { GatewayReceiver } from '../server/test-support/gateway-receiver.ts';
import { TALLIES_KEPT, TALLIES_RECOUNTED } from '../server/test-support/parcel-tallies.ts';
import type { Acks } from './crash-loop.load.ts';
import type { CrashScene } from './crash-loop.scene.ts';

export async function query<T>(database: Database, text: string): Promise<T[]> {
  const client = (database.db as unknown as { $client: { query(t: string): Promise<{ rows: T[] }> } })
    .$client;
  return (await client.query(text)).rows;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const inList = (ids: readonly string[]) => ids.map((id) => `'${id}'`).join(', ');

/** Checked against the database itself, after the last server stopped. */
export async function checkInvariants(
  database: Database,
  scene: CrashScene,
  acks: Acks,
  gateway: GatewayReceiver,
) {
  const q = <T>(text: string) => query<T>(database, text);

  // Shifts: every acknowledged sign-up is there and nothing else; no shift over capacity (each full).
  const shiftIds = inList(scene.shifts.map((s) => s.id));
  const signups = await q<{ id: string; shift_id: string; volunteer_id: string; status: string }>(
    `select id, shift_id, volunteer_id, status from shift_signups where shift_id in (${shiftIds})`,
  );
  expect(sorted(signups.map((s) => s.id))).toEqual(sorted(acks.signups.map((s) => s.signupId)));
  expect(signups.every((s) => s.status === 'confirmed')).toBe(true);
  for (const ack of acks.signups)
    expect(signups.find((s) => s.id === ack.signupId)).toMatchObject({
      shift_id: ack.shiftId,
      volunteer_id: ack.volunteerId,
    });
  const roles = await q<{ shift_id: string; capacity: number; taken: number }>(
    `select shift_id, capacity, taken from shift_roles where shift_id in (${shiftIds})`,
  );
  for (const shift of scene.shifts) {
    const taken = signups.filter((s) => s.shift_id === shift.id).length;
    expect(taken, `shift of ${shift.capacity} places`).toBe(shift.capacity);
    expect(roles.find((r) => r.shift_id === shift.id)).toMatchObject({ capacity: shift.capacity, taken });
  }

  // Parcels: each waybill scanned once, whatever was re-sent; each acknowledged one as answered.
  const parcels = await q<{ id: string; waybill: string }>(
    `select id, waybill from parcels where waybill like 'CRASH%'`,
  );
  expect(parcels).toHaveLength(scene.gate.parcels);
  expect(new Set(parcels.map((p) => p.waybill)).size).toBe(scene.gate.parcels);
  for (const ack of acks.parcels)
    expect(parcels.find((p) => p.id === ack.parcelId)?.waybill).toBe(ack.waybill);
  // The parcel tallies kept by trigger agree with a recount: no kill left one behind its parcels.
  expect(await q(TALLIES_KEPT)).toEqual(await q(TALLIES_RECOUNTED));

  // Testing: every resident swabbed once, into the tube the lane was told; tubes count what they hold.
  const samples = await q<{ id: string; resident_id: string; tube_id: string }>(
    `select id, resident_id, tube_id from testing_samples where round_id = '${scene.testing.round}'`,
  );
  expect(sorted(samples.map((s) => s.id))).toEqual(sorted(acks.samples.map((s) => s.sampleId)));
  expect(new Set(samples.map((s) => s.resident_id)).size).toBe(scene.testing.people.length);
  for (const ack of acks.samples)
    expect(samples.find((s) => s.id === ack.sampleId)).toMatchObject({
      resident_id: ack.residentId,
      tube_id: ack.tubeId,
    });
  const tubes = await q<{ id: string; samples: number; capacity: number }>(
    `select id, samples, capacity from testing_tubes where round_id = '${scene.testing.round}'`,
  );
  expect(sorted(tubes.map((t) => t.id))).toEqual(sorted(acks.tubes));
  for (const tube of tubes) {
    expect(tube.samples).toBe(samples.filter((s) => s.tube_id === tube.id).length);
    expect(tube.samples).toBeLessThanOrEqual(tube.capacity);
  }

  // Group buying: one order per household, each as acknowledged.
  const orders = await q<{ id: string; household_id: string; rice: number }>(
    `select o.id, o.household_id, l.quantity as rice from group_buy_orders o
      join group_buy_order_lines l on l.order_id = o.id and l.item_id = '${scene.groupBuy.rice}'
      where o.group_buy_id = '${scene.groupBuy.id}' and o.status = 'active'`,
  );
  expect(sorted(orders.map((o) => o.id))).toEqual(sorted(acks.orders.map((o) => o.orderId)));
  expect(orders).toHaveLength(scene.groupBuy.buyers.length);
  for (const ack of acks.orders)
    expect(orders.find((o) => o.id === ack.orderId)).toMatchObject({
      household_id: ack.householdId,
      rice: ack.rice,
    });

  // Approvals and their notices: each volunteer approved, told once in the inbox and once by the gateway.
  const approved = await q<{ n: number }>(
    `select count(*)::int as n from volunteers where id in (${inList(scene.pending)}) and status = 'approved'`,
  );
  expect(approved[0]!.n).toBe(scene.pending.length);
  expect(sorted(new Set(acks.approvals))).toEqual(sorted(scene.pending));
  const outbox = await q<{ id: string; channel: string; status: string; account_id: string; kind: string }>(
    `select id, channel, status, account_id, kind from outbox where community_id = '${scene.a}'`,
  );
  expect(outbox.filter((o) => o.status !== 'delivered')).toEqual([]);
  for (const channel of ['inbox', 'webhook']) {
    const rows = outbox.filter((o) => o.channel === channel && o.kind === 'volunteer.approved');
    expect(rows, channel).toHaveLength(scene.pending.length);
    expect(new Set(rows.map((r) => r.account_id)).size).toBe(scene.pending.length);
  }
  const inbox = await q<{ id: string }>(`select id from notifications where community_id = '${scene.a}'`);
  expect(sorted(inbox.map((n) => n.id))).toEqual(
    sorted(outbox.filter((o) => o.channel === 'inbox').map((o) => o.id)),
  );
  // At least once to the gateway, keyed by the outbox row: de-duplicated, exactly the webhook rows.
  expect(sorted(gateway.calls.map((c) => c.idempotencyKey))).toEqual(
    expect.arrayContaining(outbox.filter((o) => o.channel === 'webhook').map((o) => o.id)),
  );
  expect(sorted(gateway.uniqueMessages().map((m) => m.id))).toEqual(
    sorted(outbox.filter((o) => o.channel === 'webhook').map((o) => o.id)),
  );
}
