import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGroupVolunteers, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import { insertResidents, insertRound, scanningFingerprint } from './scanning.test-support.ts';

// A lane phone that opened a tube without signal sends the open later, maybe more than once.
describe('testing: opening a tube offline (openTube with a clientKey)', () => {
  let t: TestApp;
  let a: string;
  let round: string;
  let gateId: string;
  let lane: Session;
  let people: { id: string; code: string }[];
  const url = (path: string) => `/api/communities/${a}${path}`;
  const open = (body: Record<string, unknown>, who = lane) =>
    call(t.app, who, 'POST', url(`/testing-rounds/${round}/tubes`), { gateId, lane: 2, ...body });
  const tubesWithBarcode = async (barcode: string) => {
    const r = await t.deps.db.execute(
      sql`select count(*)::int as n from testing_tubes where barcode = ${barcode}`,
    );
    return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedTwoCommunities(t.deps.db);
    a = seeded.a;
    const registry = await seedSmallRegistry(t.deps.db, a, seeded.ids.resident);
    gateId = registry.gate.id;
    people = await insertResidents(t.deps.db, a, registry.b2.id, 4);
    round = await insertRound(t.deps.db, a, { gateIds: [gateId], pooling: 5 });
    const coordinator = await signIn(t.app, 'coordinator');
    const groups = (await call(t.app, coordinator, 'GET', url('/groups'))).json().items;
    const testing = groups.find((g: { key: string }) => g.key === 'testing').id;
    lane = (await seedGroupVolunteers(t.deps, a, testing, 1, 'swab'))[0]!.session;
  });
  afterAll(() => t.close());

  it('returns the same tube to a replay of the same clientKey, with one row and one audit entry', async () => {
    const first = await open({ barcode: 'off-0001', clientKey: 'open-key-0001' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ barcode: 'OFF-0001', capacity: 5, samples: 0, lane: 2 });
    const before = await scanningFingerprint(t.deps.db);

    const replay = await open({ barcode: 'OFF-0001', clientKey: 'open-key-0001' });
    expect(replay.statusCode, replay.body).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(await tubesWithBarcode('OFF-0001')).toBe(1);
    expect(await scanningFingerprint(t.deps.db)).toEqual(before);

    // the scans queued behind the open land in the tube the replay named
    const scanned = await call(
      t.app,
      lane,
      'POST',
      url(`/testing-rounds/${round}/tubes/${replay.json().id}/samples`),
      { code: people[0]!.code, clientKey: 'scan-key-0001' },
    );
    expect(scanned.statusCode, scanned.body).toBe(201);
    expect(scanned.json().tube).toMatchObject({ barcode: 'OFF-0001', samples: 1 });
  });

  it('lands a replay racing its first attempt once', async () => {
    const [x, y] = await Promise.all(
      [1, 2].map(() => open({ barcode: 'OFF-0002', clientKey: 'open-key-0002' })),
    );
    expect([x!.statusCode, y!.statusCode], `${x!.body} ${y!.body}`).toEqual([201, 201]);
    expect(y!.json().id).toBe(x!.json().id);
    expect(await tubesWithBarcode('OFF-0002')).toBe(1);
  });

  it('still refuses the barcode to another clientKey or without one, and changes nothing', async () => {
    const before = await scanningFingerprint(t.deps.db);
    const otherKey = await open({ barcode: 'OFF-0001', clientKey: 'open-key-other' });
    expect(otherKey.statusCode).toBe(409);
    expect(otherKey.json().error.code).toBe('TUBE_BARCODE_USED');
    const noKey = await open({ barcode: 'OFF-0001' });
    expect(noKey.statusCode).toBe(409);
    expect(noKey.json().error.code).toBe('TUBE_BARCODE_USED');
    // the refusal is the first answer to its key: asked again, the same refusal, not a new tube
    const again = await open({ barcode: 'OFF-0001', clientKey: 'open-key-other' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TUBE_BARCODE_USED');
    expect(await scanningFingerprint(t.deps.db)).toEqual(before);
    expect(await tubesWithBarcode('OFF-0001')).toBe(1);
  });

  it('opens as before without a clientKey, and refuses a malformed key', async () => {
    const plain = await open({ barcode: 'OFF-0003' });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json()).toMatchObject({ barcode: 'OFF-0003', samples: 0 });
    const bad = await open({ barcode: 'OFF-0004', clientKey: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(await tubesWithBarcode('OFF-0004')).toBe(0);
  });

  it('keeps openTube and recordSample keys apart: a scan key reused to open a tube is refused', async () => {
    const before = await scanningFingerprint(t.deps.db);
    const reused = await open({ barcode: 'OFF-0005', clientKey: 'scan-key-0001' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await scanningFingerprint(t.deps.db)).toEqual(before);
  });
});
