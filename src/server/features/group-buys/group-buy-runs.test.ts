import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDistributionList, TGroupBuyRuns } from '../../../shared/api/group-buys.ts';
import * as schema from '../../db/schema/index.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { seedClosedGroupBuy } from './group-buy-distribution.test-support.ts';
import { splitLoads } from './group-buy-runs.service.ts';

type Seeded = Awaited<ReturnType<typeof seedClosedGroupBuy>>;

describe('group buy delivery runs: the parcel planner with units as load', () => {
  let t: TestApp;
  let g: Seeded;
  const post = (who: string, path: string, body?: unknown) =>
    call(t.app, g.s[who]!, 'POST', `${g.base}${path}`, body);
  const get = (who: string, path: string) => call(t.app, g.s[who]!, 'GET', `${g.base}${path}`);

  beforeAll(async () => {
    t = await createTestApp();
    g = await seedClosedGroupBuy(t);
    expect((await post('gbLeader', '/arrival', { items: [] })).statusCode).toBe(400); // zod: at least one item
    expect(
      (await post('gbLeader', '/arrival', { items: [{ itemId: g.items.milk.id, received: 4 }] })).statusCode,
    ).toBe(200);
  });
  afterAll(() => t.close());

  it('splits a building bigger than the biggest vehicle into pieces that add up', () => {
    const pieces = splitLoads([{ buildingId: 'b', x: 0, y: 0, units: 300 }], 120);
    expect(pieces.map((p) => p.load)).toEqual([120, 120, 60]);
  });

  it('plans every unit on exactly one run, none over capacity, and keeps them out of parcel runs', async () => {
    expect(
      (await post('resident', '/runs', { gateId: g.gateId, vehicles: [{ kind: 'tricycle', capacity: 5 }] }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await post('gbLeader', '/runs', {
          gateId: g.groupBuyId,
          vehicles: [{ kind: 'tricycle', capacity: 5 }],
        })
      ).statusCode,
    ).toBe(404);
    const strangerRider = await post('gbLeader', '/runs', {
      gateId: g.gateId,
      vehicles: [{ kind: 'tricycle', capacity: 5, riderId: g.groupBuyId }],
    });
    expect(strangerRider.json().error.code).toBe('GROUP_BUY_UNKNOWN_RIDER');

    // a small tricycle (3 units) and an e-bike (2): building loads above 3 are split
    const res = await post('gbLeader', '/runs', {
      gateId: g.gateId,
      vehicles: [
        { kind: 'tricycle', capacity: 3 },
        { kind: 'e_bike', capacity: 2 },
      ],
    });
    expect(res.statusCode).toBe(201);
    const plan = res.json() as TGroupBuyRuns;
    const list = (await get('gbMember', '/distribution')).json() as TDistributionList;
    for (const run of plan.runs) {
      expect(run.load).toBeLessThanOrEqual(run.capacity);
      expect(run.load).toBe(run.stops.reduce((sum, s) => sum + s.parcels, 0));
    }
    const carried = new Map<string, number>();
    for (const stop of plan.runs.flatMap((r) => r.stops))
      carried.set(stop.buildingId, (carried.get(stop.buildingId) ?? 0) + stop.parcels);
    expect(Object.fromEntries(carried)).toEqual(
      Object.fromEntries(list.buildings.map((b) => [b.buildingId, b.units])),
    );
    expect(plan.totals.units).toBe(list.buildings.reduce((sum, b) => sum + b.units, 0));
    expect((await get('gbMember', '/runs')).json()).toEqual(plan);

    // parcel pages, riders and parcel planning never see a group buy's runs
    const parcelRuns = await call(t.app, g.s.coordinator!, 'GET', `/api/communities/${g.a}/delivery-runs`);
    expect(parcelRuns.statusCode).toBe(200);
    expect(parcelRuns.json().runs).toEqual([]);
    const planning = (
      await call(t.app, g.s.coordinator!, 'GET', `/api/communities/${g.a}/delivery-planning`)
    ).json();
    expect(planning.draft).toBeNull();
    expect(planning.confirmed).toEqual([]);
    const start = await call(
      t.app,
      g.s.coordinator!,
      'POST',
      `/api/communities/${g.a}/delivery-runs/${plan.runs[0]!.id}/start`,
    );
    expect(start.statusCode).toBe(404);
    await call(t.app, g.s.coordinator!, 'POST', `/api/communities/${g.a}/parcels`, {
      batch: { buildingId: g.building['2'], count: 2 },
    });
    const parcelPlan = await call(t.app, g.s.coordinator!, 'POST', `/api/communities/${g.a}/delivery-plans`, {
      gateId: g.gateId,
      vehicles: [{ kind: 'tricycle', capacity: 80 }],
    });
    expect(parcelPlan.statusCode).toBe(201);
    expect(parcelPlan.json().totals.parcels).toBe(2);
    expect((await get('gbMember', '/runs')).json().runs).toHaveLength(plan.runs.length);
  });

  it('replans the runs not started; a drop marks its stops delivered and finishes the run', async () => {
    const again = (
      await post('gbLeader', '/runs', { gateId: g.gateId, vehicles: [{ kind: 'car', capacity: 120 }] })
    ).json() as TGroupBuyRuns;
    expect(again.runs).toHaveLength(1);
    const rows = await t.deps.db
      .select()
      .from(schema.deliveryRuns)
      .where(eq(schema.deliveryRuns.groupBuyId, g.groupBuyId));
    expect(rows).toHaveLength(1); // the earlier plan's runs are gone
    const [run] = again.runs;
    for (const [i, stop] of run!.stops.entries()) {
      expect((await post('gbMember', `/buildings/${stop.buildingId}/distributed`)).statusCode).toBe(200);
      const now = ((await get('gbMember', '/runs')).json() as TGroupBuyRuns).runs[0]!;
      expect(now.stops[i]!.deliveredAt).not.toBeNull();
      expect(now.status).toBe(i === run!.stops.length - 1 ? 'done' : 'started');
    }
    expect(((await get('gbMember', '/distribution')).json() as TDistributionList).status).toBe('done');
    const nothing = await post('gbLeader', '/runs', {
      gateId: g.gateId,
      vehicles: [{ kind: 'car', capacity: 120 }],
    });
    expect(nothing.json().error.code).toBe('GROUP_BUY_NOTHING_TO_DELIVER');
  });

  it('plans no runs for a pick-up campaign', async () => {
    const other = await createTestApp();
    try {
      const p = await seedClosedGroupBuy(other, 'pickup');
      const res = await call(other.app, p.s.gbLeader!, 'POST', `${p.base}/runs`, {
        gateId: p.gateId,
        vehicles: [{ kind: 'car', capacity: 120 }],
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('GROUP_BUY_NOT_DELIVERY');
    } finally {
      await other.close();
    }
  });
});
