import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishLive } from '../../platform/live-events.ts';
import { seedGroupVolunteers, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { openSse, type SseClient } from '../../test-support/sse-client.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

const HOUR = 3600_000;

describe('live events over server-sent events', () => {
  let t: TestApp;
  let a: string;
  let b: string;
  let base: string;
  let coordinator: Session;
  let bCoordinator: Session;
  let crowd: Awaited<ReturnType<typeof seedGroupVolunteers>>;
  let parcels: string;
  const opened: SseClient[] = [];
  const at = (h: number) => new Date(t.clock.now().getTime() + h * HOUR).toISOString();
  const stream = async (communityId: string, session?: Session) => {
    const client = await openSse(`${base}/api/communities/${communityId}/events`, session?.cookie);
    opened.push(client);
    return client;
  };
  const createShift = async (startHour: number, capacity = 2) => {
    const res = await call(t.app, coordinator, 'POST', `/api/communities/${a}/shifts`, {
      groupId: parcels,
      capacity,
      startsAt: at(startHour),
      endsAt: at(startHour + 2),
      signupOpensAt: at(-1),
      signupClosesAt: at(startHour - 1),
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const signUp = (who: Session, shiftId: string, body: Record<string, unknown> = {}) =>
    call(t.app, who, 'POST', `/api/communities/${a}/shifts/${shiftId}/signups`, body);
  /** A committed event that every stream of the community gets: once it is in, earlier ones are too. */
  const marker = async (communityId: string, name: string) => {
    await t.deps.db.transaction((tx) =>
      publishLive(tx, { communityId, type: 'test.marker', data: { name } }),
    );
  };
  const seen = (c: SseClient, name: string) =>
    c.waitFor((e) => e.type === 'test.marker' && e.data.name === name);

  beforeAll(async () => {
    t = await createTestApp();
    ({ a, b } = await seedTwoCommunities(t.deps.db));
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    coordinator = await signIn(t.app, 'coordinator');
    bCoordinator = await signIn(t.app, 'b-coordinator');
    const groups = (await call(t.app, coordinator, 'GET', `/api/communities/${a}/groups`)).json().items;
    parcels = groups.find((g: { key: string }) => g.key === 'parcels').id;
    crowd = await seedGroupVolunteers(t.deps, a, parcels, 4);
  });
  afterAll(async () => {
    for (const c of opened) c.close();
    await t.close();
  });

  it('is a text/event-stream for members only', async () => {
    expect((await stream(a)).status).toBe(401);
    expect((await stream(a, await signIn(t.app, 'outsider'))).status).toBe(404);
    expect((await stream(a, bCoordinator)).status).toBe(404);
    const ok = await stream(a, coordinator);
    expect(ok.status).toBe(200);
    expect(ok.contentType).toBe('text/event-stream; charset=utf-8');
  });

  it('tells every open stream the new places of a shift after a sign-up, a cancellation and a resize', async () => {
    const shiftId = await createShift(20);
    const watcher = await stream(a, coordinator);
    const taken = await signUp(crowd[0]!.session, shiftId);
    expect(taken.statusCode).toBe(201);
    const first = await watcher.waitFor((e) => e.type === 'shift.places' && e.data.shiftId === shiftId);
    expect(first.data).toEqual({
      shiftId,
      roles: [{ role: 'volunteer', capacity: 2, taken: 1, waiting: 0 }],
    });
    await signUp(crowd[1]!.session, shiftId);
    await watcher.waitFor((e) => e.type === 'shift.places' && e.data.roles[0].taken === 2);
    expect((await signUp(crowd[2]!.session, shiftId, { waitlist: true })).statusCode).toBe(201);
    await watcher.waitFor((e) => e.type === 'shift.places' && e.data.roles[0].waiting === 1);
    // a place given back goes to the waitlist: still two taken, nobody waiting
    expect(
      (await call(t.app, crowd[0]!.session, 'DELETE', `/api/communities/${a}/signups/${taken.json().id}`))
        .statusCode,
    ).toBe(204);
    await watcher.waitFor(
      (e) => e.type === 'shift.places' && e.data.roles[0].taken === 2 && e.data.roles[0].waiting === 0,
    );
    const resized = await call(
      t.app,
      coordinator,
      'PUT',
      `/api/communities/${a}/shifts/${shiftId}/capacity`,
      {
        role: 'volunteer',
        capacity: 5,
      },
    );
    expect(resized.statusCode).toBe(200);
    await watcher.waitFor((e) => e.type === 'shift.places' && e.data.roles[0].capacity === 5);
  });

  it('never delivers an event of a transaction that was rolled back', async () => {
    const watcher = await stream(a, coordinator);
    await expect(
      t.deps.db.transaction(async (tx) => {
        await publishLive(tx, { communityId: a, type: 'test.undone', data: {} });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await marker(a, 'after-rollback');
    await seen(watcher, 'after-rollback');
    expect(watcher.events.some((e) => e.type === 'test.undone')).toBe(false);
  });

  it("never shows one community's events to another's stream", async () => {
    const shiftId = await createShift(30);
    const own = await stream(a, coordinator);
    const other = await stream(b, bCoordinator);
    await signUp(crowd[3]!.session, shiftId);
    await own.waitFor((e) => e.type === 'shift.places' && e.data.shiftId === shiftId);
    await marker(b, 'b-after');
    await seen(other, 'b-after');
    expect(other.events.filter((e) => e.type !== 'test.marker')).toEqual([]);
  });

  it('sends an event naming an account to that account only', async () => {
    const volunteer = crowd[0]!;
    const mine = await stream(a, volunteer.session);
    const someoneElse = await stream(a, coordinator);
    await t.deps.db.transaction((tx) =>
      publishLive(tx, {
        communityId: a,
        type: 'test.personal',
        data: { accountId: volunteer.accountId, text: 'for you' },
      }),
    );
    await marker(a, 'after-personal');
    expect((await mine.waitFor((e) => e.type === 'test.personal')).data.text).toBe('for you');
    await seen(someoneElse, 'after-personal');
    expect(someoneElse.events.some((e) => e.type === 'test.personal')).toBe(false);
  });

  it('forgets a stream when its browser goes away', async () => {
    const before = t.app.liveHub.streamCount;
    const leaving = await stream(a, coordinator);
    expect(t.app.liveHub.streamCount).toBe(before + 1);
    leaving.close();
    await expect.poll(() => t.app.liveHub.streamCount).toBe(before);
  });
});
