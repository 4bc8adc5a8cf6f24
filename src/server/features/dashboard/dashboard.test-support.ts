// A compound with a known yesterday and today for the dashboard's tests, made as far as possible through
// the features' own endpoints (and, where a feature has no endpoint for a step, its own test helpers).
// The clock starts at 2026-04-09T00:00Z, Thursday 08:00 in Shanghai ("yesterday"); `toToday` moves it
// to Friday 11:00 (2026-04-10T03:00Z).
import { eq } from 'drizzle-orm';
import { communities, testingRounds } from '../../db/schema/index.ts';
import { seedGroupVolunteers } from '../../test-support/fixtures.ts';
import { call, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import { seedClosedGroupBuy } from '../group-buys/group-buy-distribution.test-support.ts';
import { addShift } from '../parcels/clearance.test-support.ts';
import { seedRun } from '../parcels/test-runs.ts';
import { escalateRelayTasks } from '../relays/relay-escalation.ts';
import { askRelay } from '../relays/relays.test-support.ts';
import { insertRound } from '../testing/scanning.test-support.ts';
import { insertSamples } from '../testing/testing-rounds.test-support.ts';

export const TODAY_NOW = new Date('2026-04-10T03:00:00Z');

export type DashboardScene = Awaited<ReturnType<typeof dashboardScene>>;

/** Answers the request or throws with what came back (the scene must be built exactly). */
export async function ok(
  t: TestApp,
  who: Session,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
  status = [200, 201],
) {
  const res = await call(t.app, who, method, url, body);
  if (!status.includes(res.statusCode)) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.body ? res.json() : null;
}

/**
 * Community A of seedClosedGroupBuy (buildings 12, 2, 3, 4, 5 at the east gate; a group buy closed and
 * allocated an hour ago), with riders of the parcels group and a swab of the testing group.
 */
export async function dashboardScene(t: TestApp) {
  const g = await seedClosedGroupBuy(t);
  const { a } = g;
  const url = (path: string) => `/api/communities/${a}${path}`;
  const s: Record<string, Session> = { ...g.s };
  for (const who of ['staff', 'viewer', 'outsider']) s[who] = await signIn(t.app, who);
  const groups = (await ok(t, s.coordinator!, 'GET', url('/groups'))).items as { id: string; key: string }[];
  const groupId = (key: string) => groups.find((x) => x.key === key)!.id;
  const riders = await seedGroupVolunteers(t.deps, a, groupId('parcels'), 2, 'rider');
  const [swab] = await seedGroupVolunteers(t.deps, a, groupId('testing'), 1, 'swab');
  s.rider = riders[0]!.session;
  s.swab = swab!.session;
  const residents = (await ok(t, s.coordinator!, 'GET', url('/residents'))).items as {
    id: string;
    name: string;
  }[];
  const [other] = await t.deps.db
    .select({ id: communities.id })
    .from(communities)
    .where(eq(communities.slug, 'community-b'));
  return { ...g, b: other!.id, url, s, groupId, riders, swab: swab!, residents };
}

const HOUR = 3_600_000;

/** Yesterday, 08:00–09:00: parcels received and the first stop delivered, requests, a round, areas, relays. */
export async function seedYesterday(t: TestApp, x: DashboardScene) {
  const { url, s } = x;
  const received = await ok(t, s.rider!, 'POST', url('/parcels'), {
    parcels: [
      { waybill: 'SF0000012031', buildingId: x.building['12'], room: '1203', source: 'scan' },
      { waybill: 'SF0000012032', buildingId: x.building['12'], room: '1203', source: 'scan' },
      { waybill: 'SF0000001011', buildingId: x.building['12'], room: '101', source: 'scan' },
      { waybill: 'SF0000005021', buildingId: x.building['2'], room: '502', source: 'scan' },
    ],
  });
  const parcel = Object.fromEntries(
    received.parcels.map((p: { waybill: string; id: string }) => [p.waybill, p.id]),
  ) as Record<string, string>;
  const runId = await seedRun(t.deps.db, {
    communityId: x.a,
    riderVolunteerId: x.riders[0]!.volunteerId,
    gateId: x.gateId,
    stops: [
      {
        buildingId: x.building['12']!,
        parcelIds: ['SF0000012031', 'SF0000012032', 'SF0000001011'].map((w) => parcel[w]!),
      },
      { buildingId: x.building['2']!, parcelIds: [parcel.SF0000005021!] },
    ],
  });
  await ok(t, s.rider!, 'POST', url(`/delivery-runs/${runId}/start`));
  t.clock.advance(HOUR / 2);
  await ok(t, s.rider!, 'POST', url(`/delivery-runs/${runId}/stops/1/delivered`));
  await ok(t, s.resident!, 'POST', url('/parcel-pickups'), {
    by: 'household',
    parcelIds: [parcel.SF0000012031],
  });

  // medicine: high (due in 24 h, so late by today), normal, and one cancelled
  const ask = async (residentId: string, drugName: string, urgency: string) => {
    const made = await ok(t, s.coordinator!, 'POST', url('/medicine-requests'), {
      residentId,
      drugName,
      quantity: '2盒',
      payment: 'yes',
    });
    await ok(t, s.coordinator!, 'POST', url(`/medicine-requests/${made.id}/triage`), {
      urgency,
      reason: '电话核实',
    });
    return made.id as string;
  };
  const [zhang, li, lu] = x.residents;
  const late = await ask(zhang!.id, '氨氯地平片', 'high');
  await ask(li!.id, '二甲双胍片', 'normal');
  const cancelled = await ask(lu!.id, '阿司匹林肠溶片', 'normal');
  await ok(t, s.coordinator!, 'POST', url(`/medicine-requests/${cancelled}/status`), {
    status: 'cancelled',
    reason: '家属已买到',
  });

  // testing: round 2 finished yesterday (07:00–08:00 Shanghai) with 3 residents sampled
  const last = await insertRound(t.deps.db, x.a, {
    gateIds: [x.gateId],
    status: 'finished',
    title: '第2轮核酸',
  });
  await insertSamples(
    t.deps.db,
    x.a,
    last,
    x.residents.slice(0, 3).map((r) => r.id),
    'lane',
    new Date('2026-04-08T23:30:00Z'),
  );
  // no use case finishes a round yet (testing rounds are finished in the database, as in its tests)
  await t.deps.db
    .update(testingRounds)
    .set({
      startsAt: new Date('2026-04-08T23:00:00Z'),
      startedAt: new Date('2026-04-08T23:00:00Z'),
      finishedAt: new Date('2026-04-09T00:05:00Z'),
    })
    .where(eq(testingRounds.id, last));

  // disinfection: the lobby twice a day, the gate once; the gate's and the lobby's 09:00 rounds done
  const area = async (body: Record<string, unknown>) =>
    (await ok(t, s.coordinator!, 'POST', url('/disinfection/areas'), body)).id as string;
  const lobby = await area({
    name: '12号楼大堂',
    kind: 'lobby',
    buildingId: x.building['12'],
    schedule: 'daily',
    times: ['09:00', '15:00'],
    graceMinutes: 60,
  });
  const gate = await area({
    name: '东门岗亭',
    kind: 'gate',
    gateId: x.gateId,
    schedule: 'daily',
    times: ['10:00'],
    graceMinutes: 30,
  });
  for (const task of (await ok(t, s.coordinator!, 'GET', url('/disinfection/tasks'))).tasks) {
    if (task.dueAt === '2026-04-09T07:00:00.000Z') continue; // 15:00: never done
    await ok(t, s.coordinator!, 'POST', url(`/disinfection/tasks/${task.id}/log`), {});
  }

  return { parcel, runId, late, lobby, gate, roundLast: last };
}

/**
 * Today (Friday) up to 11:00 Shanghai: the second stop delivered, a parcel picked up, three parcels in,
 * a critical request, the group buy's arrival and first drop, a vegetable box open with two orders,
 * volunteers checked in, a round running with samples at the gate and one at home, disinfection
 * rounds, and relays escalated, asked and confirmed.
 */
export async function seedToday(t: TestApp, x: DashboardScene, y: Awaited<ReturnType<typeof seedYesterday>>) {
  const { url, s } = x;
  clockTo(t, new Date('2026-04-10T01:00:00Z')); // 09:00
  await ok(t, s.rider!, 'POST', url(`/delivery-runs/${y.runId}/stops/2/delivered`));
  await ok(t, s.resident!, 'POST', url('/parcel-pickups'), {
    by: 'household',
    parcelIds: [y.parcel.SF0000012032],
  });
  await ok(t, s.rider!, 'POST', url('/parcels'), { batch: { buildingId: x.building['3'], count: 3 } });
  const made = await ok(t, s.coordinator!, 'POST', url('/medicine-requests'), {
    residentId: x.residents[3]!.id,
    drugName: '硝酸甘油片',
    quantity: '1瓶',
    payment: 'on_delivery',
  });
  await ok(t, s.coordinator!, 'POST', url(`/medicine-requests/${made.id}/triage`), {
    urgency: 'critical',
    reason: '胸痛',
  });

  // the group buy: the goods arrive, building 12 gets its share; a vegetable box opens with two orders
  const arrival = Object.values(x.items).map((item) => ({ itemId: item.id, received: item.stock ?? 10 }));
  await ok(t, s.gbLeader!, 'POST', `${x.base}/arrival`, { items: arrival });
  await ok(t, s.gbMember!, 'POST', `${x.base}/buildings/${x.building['12']}/distributed`);
  const veg = await ok(t, s.gbLeader!, 'POST', url('/group-buys'), {
    title: '蔬菜箱',
    supplierName: '崇明农场',
    opensAt: t.clock.now().toISOString(),
    closesAt: new Date(t.clock.now().getTime() + 48 * HOUR).toISOString(),
    fulfilment: 'delivery',
    items: [{ name: '蔬菜箱', unit: '箱', priceFen: 5000, stock: null, perHouseholdLimit: 2 }],
  });
  const vegItem = veg.items[0].id;
  await ok(t, s.resident!, 'POST', url(`/group-buys/${veg.id}/orders`), {
    lines: [{ itemId: vegItem, quantity: 1 }],
  });
  await ok(t, s.gbMember!, 'POST', url(`/group-buys/${veg.id}/orders`), {
    householdId: x.household['3-301'],
    lines: [{ itemId: vegItem, quantity: 2 }],
  });

  // shifts: parcels 10:00–14:00 (both riders checked in, one out again), testing 09:00–12:00 (the swab)
  const shift = (key: string, from: string, to: string, who: { volunteerId: string }[]) =>
    addShift(
      t.deps.db,
      x.a,
      x.groupId(key),
      from,
      to,
      who.map((w) => ({ volunteerId: w.volunteerId })),
    );
  const parcelsShift = await shift('parcels', '2026-04-10T02:00:00Z', '2026-04-10T06:00:00Z', x.riders);
  const testingShift = await shift('testing', '2026-04-10T01:00:00Z', '2026-04-10T04:00:00Z', [x.swab]);
  const attend = async (shiftId: string, action: 'check-in' | 'check-out', index: number) => {
    const roster = (await ok(t, s.coordinator!, 'GET', url(`/shifts/${shiftId}/roster`))).items;
    await ok(t, s.coordinator!, 'POST', url(`/shifts/${shiftId}/${action}`), {
      signupId: roster[index].signupId,
    });
  };
  await attend(parcelsShift, 'check-in', 0);
  await attend(parcelsShift, 'check-in', 1);
  await attend(testingShift, 'check-in', 0);
  clockTo(t, new Date('2026-04-10T02:30:00Z')); // 10:30
  await attend(parcelsShift, 'check-out', 1);

  // testing: round 3 running: two sampled at the east gate's lane, one at home; the gate counts 12
  const current = await insertRound(t.deps.db, x.a, { gateIds: [x.gateId], title: '第3轮核酸' });
  const tube = async (barcode: string, gateId: string | null) =>
    (
      await ok(t, s.swab!, 'POST', url(`/testing-rounds/${current}/tubes`), {
        barcode,
        gateId,
        lane: gateId ? 1 : null,
      })
    ).id as string;
  const sample = (tubeId: string, residentId: string) =>
    ok(t, s.swab!, 'POST', url(`/testing-rounds/${current}/tubes/${tubeId}/samples`), {
      residentId,
      clientKey: `dash-${residentId.slice(0, 8)}`,
    });
  const atGate = await tube('TB00000001', x.gateId);
  await sample(atGate, x.residents[0]!.id);
  await sample(atGate, x.residents[1]!.id);
  await sample(await tube('TB00000002', null), x.residents[2]!.id);
  await ok(t, s.swab!, 'POST', url(`/testing-rounds/${current}/gates/${x.gateId}/queue`), { queue: 12 });

  // disinfection: the gate's 10:00 round done; the lobby's 09:00 round not (overdue from 10:00)
  for (const task of (await ok(t, s.coordinator!, 'GET', url('/disinfection/tasks'))).tasks) {
    if (task.areaId === y.gate && task.status === 'due')
      await ok(t, s.coordinator!, 'POST', url(`/disinfection/tasks/${task.id}/log`), {});
  }

  // relays: yesterday's for building 12 escalates now (the task run by hand, the relays' one only);
  // today's for building 2 stays open; a testing call for 3 and 4, confirmed for 4 on the contact's behalf
  await escalateRelayTasks(t.deps);
  await askRelay(t, x.a, 'testing_call', current, [x.building['3']!, x.building['4']!]);
  const relays = (await ok(t, s.coordinator!, 'GET', url('/relay-tasks'))).tasks as {
    id: string;
    buildingId: string;
  }[];
  const four = relays.find((r) => r.buildingId === x.building['4'])!;
  await ok(t, s.coordinator!, 'POST', url(`/relay-tasks/${four.id}/confirm`));
  clockTo(t, TODAY_NOW);
  return {
    parcelsShift,
    testingShift,
    vegId: veg.id as string,
    vegItem: vegItem as string,
    roundCurrent: current,
  };
}

/** Moves the manual clock (which only goes forward) to an instant. */
export function clockTo(t: TestApp, at: Date) {
  const ms = at.getTime() - t.clock.now().getTime();
  if (ms < 0) throw new Error(`the clock is past ${at.toISOString()} already`);
  t.clock.advance(ms);
}
