import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveHub, type LiveSubscriber } from './event-stream.ts';
import type { LiveEvent } from './live-events.ts';

const payload = (e: LiveEvent) => JSON.stringify(e);

function fakeStream(accountId: string, openedAt = Date.now()) {
  const frames: string[] = [];
  let closed = false;
  const subscriber: LiveSubscriber = {
    accountId,
    openedAt,
    write: (frame) => frames.push(frame),
    close: () => {
      closed = true;
    },
  };
  return { subscriber, frames, closed: () => closed };
}

describe('the live hub of one server process', () => {
  let hub: LiveHub;
  beforeEach(async () => {
    vi.useFakeTimers();
    hub = new LiveHub({ coalesceMs: 200, heartbeatMs: 20_000, maxStreamMs: 60_000 });
    await hub.start(undefined);
  });
  afterEach(async () => {
    await hub.stop();
    vi.useRealTimers();
  });

  it('sends only the last state of a key within the window, and other events at once', () => {
    const s = fakeStream('acc-1');
    hub.subscribe('c1', s.subscriber);
    for (let taken = 1; taken <= 1000; taken++) {
      hub.receive(
        payload({
          communityId: 'c1',
          type: 'shift.places',
          data: { shiftId: 's1', taken },
          coalesceKey: 's1/v',
        }),
      );
    }
    hub.receive(
      payload({
        communityId: 'c1',
        type: 'shift.places',
        data: { shiftId: 's2', taken: 1 },
        coalesceKey: 's2/v',
      }),
    );
    hub.receive(payload({ communityId: 'c1', type: 'notifications.new', data: { id: 'n1' } }));
    expect(s.frames).toEqual(['event: notifications.new\ndata: {"id":"n1"}\n\n']);
    vi.advanceTimersByTime(200);
    expect(s.frames.slice(1)).toEqual([
      'event: shift.places\ndata: {"shiftId":"s1","taken":1000}\n\n',
      'event: shift.places\ndata: {"shiftId":"s2","taken":1}\n\n',
    ]);
    // the next change opens a new window
    hub.receive(
      payload({
        communityId: 'c1',
        type: 'shift.places',
        data: { shiftId: 's1', taken: 3 },
        coalesceKey: 's1/v',
      }),
    );
    vi.advanceTimersByTime(200);
    expect(s.frames).toHaveLength(4);
  });

  it("keeps communities apart and an account's events to that account", () => {
    const mine = fakeStream('acc-1');
    const neighbour = fakeStream('acc-2');
    const elsewhere = fakeStream('acc-1');
    hub.subscribe('c1', mine.subscriber);
    hub.subscribe('c1', neighbour.subscriber);
    hub.subscribe('c2', elsewhere.subscriber);
    hub.receive(payload({ communityId: 'c1', type: 'notifications.new', data: { accountId: 'acc-1' } }));
    hub.receive(payload({ communityId: 'c1', type: 'group.changed', data: {} }));
    expect(mine.frames).toHaveLength(2);
    expect(neighbour.frames).toEqual(['event: group.changed\ndata: {}\n\n']);
    expect(elsewhere.frames).toEqual([]);
  });

  it('drops payloads it cannot pass on safely', () => {
    const s = fakeStream('acc-1');
    hub.subscribe('c1', s.subscriber);
    hub.receive('not json');
    hub.receive(payload({ communityId: 'c1', type: 'bad\ntype', data: {} }));
    hub.receive(JSON.stringify({ communityId: 'c1', data: {} }));
    expect(s.frames).toEqual([]);
  });

  it('beats every 20 s, ends streams that lived their time, and forgets the unsubscribed', () => {
    const young = fakeStream('acc-1');
    const old = fakeStream('acc-2', Date.now() - 50_000);
    const gone = fakeStream('acc-3');
    hub.subscribe('c1', young.subscriber);
    hub.subscribe('c1', old.subscriber);
    const unsubscribe = hub.subscribe('c1', gone.subscriber);
    unsubscribe();
    expect(hub.streamCount).toBe(2);
    vi.advanceTimersByTime(20_000);
    expect(young.frames).toEqual([': heartbeat\n\n']);
    expect(old.closed()).toBe(true);
    expect(gone.frames).toEqual([]);
  });

  it('ends every stream when it stops', async () => {
    const s = fakeStream('acc-1');
    hub.subscribe('c1', s.subscriber);
    await hub.stop();
    expect(s.closed()).toBe(true);
    expect(hub.streamCount).toBe(0);
  });
});
