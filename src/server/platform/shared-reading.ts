export interface SharedReadingOptions {
  /**
   * A reading that started at most this long before a caller asked may answer them (0: never; each
   * caller gets a reading that started after they asked). For figures many watch and nobody acts on at
   * once, such as the dashboard's: its live stream is itself at most a second behind.
   */
  reuseWithinMs?: number;
  /**
   * Once the reading that answers is this old, the next reading starts in the background while it still
   * answers, so that callers polling steadily never wait for one (within reuseWithinMs).
   */
  refreshAfterMs?: number;
  /** The clock, in ms (tests). */
  now?: () => number;
}

/**
 * One reading shared by every caller who asks for the same key while it waits to start. A caller never
 * gets a reading that started more than `reuseWithinMs` before they asked (by default none that started
 * before: what they changed just before asking is in it): while one runs, those who ask after it started
 * wait for the next, and that one reading serves them all. So a read that many poll at once runs once at
 * a time per key, with at most one more waiting, however many ask; and with a reuse window, at most
 * about once per window.
 */
export class SharedReading<V> {
  private readonly running = new Map<string, Promise<V>>();
  private readonly next = new Map<string, Promise<V>>();
  private readonly latest = new Map<string, { startedAt: number; reading: Promise<V> }>();
  private readonly reuseWithinMs: number;
  private readonly refreshAfterMs: number;
  private readonly now: () => number;

  constructor(options: SharedReadingOptions = {}) {
    this.reuseWithinMs = options.reuseWithinMs ?? 0;
    this.refreshAfterMs = options.refreshAfterMs ?? Number.POSITIVE_INFINITY;
    this.now = options.now ?? Date.now;
  }

  /**
   * `startedAfter`: a reading that started at or before this moment (same clock as `now`) is not reused
   * for this caller, however recent (see ReadingFreshness).
   */
  read(key: string, readNow: () => Promise<V>, startedAfter = Number.NEGATIVE_INFINITY): Promise<V> {
    const recent = this.latest.get(key);
    const age = recent ? this.now() - recent.startedAt : Number.POSITIVE_INFINITY;
    if (recent && recent.startedAt > startedAfter && age <= this.reuseWithinMs) {
      if (age >= this.refreshAfterMs) this.refreshBehind(key, readNow);
      return recent.reading;
    }
    const queued = this.next.get(key);
    if (queued) return queued;
    const current = this.running.get(key);
    if (!current) return this.start(key, readNow);
    const after = current.then(
      () => undefined,
      () => undefined,
    );
    const started = after.then(() => {
      this.next.delete(key);
      return this.start(key, readNow);
    });
    this.next.set(key, started);
    return started;
  }

  /** The next reading, answering callers only once it is done; the one before answers meanwhile. */
  private refreshBehind(key: string, readNow: () => Promise<V>) {
    if (this.running.has(key) || this.next.has(key)) return;
    const startedAt = this.now();
    const reading = readNow().finally(() => {
      if (this.running.get(key) === reading) this.running.delete(key);
    });
    this.running.set(key, reading);
    reading.then(
      () => {
        const current = this.latest.get(key);
        if (!current || current.startedAt < startedAt) this.latest.set(key, { startedAt, reading });
      },
      () => undefined, // the reading before goes on answering until its window ends
    );
  }

  private start(key: string, readNow: () => Promise<V>): Promise<V> {
    const startedAt = this.now();
    const reading = readNow().finally(() => {
      if (this.running.get(key) === reading) this.running.delete(key);
    });
    this.running.set(key, reading);
    if (this.reuseWithinMs > 0) {
      const entry = { startedAt, reading };
      this.latest.set(key, entry);
      // A failed reading answers only those who shared it; the next caller reads again.
      reading.catch(() => {
        if (this.latest.get(key) === entry) this.latest.delete(key);
      });
    }
    return reading;
  }
}
