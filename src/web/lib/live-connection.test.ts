import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { subscribeLive } from './live-connection.ts';

/** Just enough of the browser's EventSource to drive the connection by hand. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, ((e: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(type: string, fn: (e: { data: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, data: unknown) {
    for (const fn of this.listeners.get(type) ?? []) fn({ data: JSON.stringify(data) });
  }
  opened() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  failed(closed: boolean) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
}

describe('the live connection of a community', () => {
  beforeEach(() => {
    FakeEventSource.all = [];
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('shares one stream per community, passes each type to its handlers, and closes with the last', () => {
    const places: unknown[] = [];
    const notices: unknown[] = [];
    const stopPlaces = subscribeLive('c1', 'shift.places', (d) => places.push(d));
    const stopNotices = subscribeLive('c1', 'notifications.new', (d) => notices.push(d));
    expect(FakeEventSource.all).toHaveLength(1);
    const source = FakeEventSource.all[0]!;
    expect(source.url).toBe('/api/communities/c1/events');
    source.emit('shift.places', { shiftId: 's1' });
    source.emit('notifications.new', { id: 'n1' });
    expect(places).toEqual([{ shiftId: 's1' }]);
    expect(notices).toEqual([{ id: 'n1' }]);
    stopPlaces();
    expect(source.readyState).not.toBe(FakeEventSource.CLOSED);
    stopNotices();
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
    subscribeLive('c2', 'shift.places', () => {})();
    expect(FakeEventSource.all.map((s) => s.url)).toEqual([
      '/api/communities/c1/events',
      '/api/communities/c2/events',
    ]);
  });

  it('asks for a catch-up once a lost stream is back, and reopens a refused one ever more slowly', () => {
    const resyncs: unknown[] = [];
    const stop = subscribeLive('c1', 'live.resync', (d) => resyncs.push(d));
    const first = FakeEventSource.all[0]!;
    first.opened();
    expect(resyncs).toEqual([]);
    // a dropped stream the browser reconnects by itself
    first.failed(false);
    first.opened();
    expect(resyncs).toEqual([{}]);
    // a refused one is reopened here: after 2 s, then 4 s
    first.failed(true);
    vi.advanceTimersByTime(1_999);
    expect(FakeEventSource.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.all).toHaveLength(2);
    FakeEventSource.all[1]!.failed(true);
    vi.advanceTimersByTime(3_999);
    expect(FakeEventSource.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    const third = FakeEventSource.all[2]!;
    third.opened();
    expect(resyncs).toEqual([{}, {}]);
    stop();
    expect(third.readyState).toBe(FakeEventSource.CLOSED);
  });
});
