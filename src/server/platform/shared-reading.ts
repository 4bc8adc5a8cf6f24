/**
 * One reading shared by every caller who asks for the same key while it waits to start. A caller never
 * gets a reading that started before they asked (what they changed just before asking is in it): while
 * one runs, those who ask after it started wait for the next, and that one reading serves them all.
 * So a read that many poll at once (the committee room's dashboards) runs once at a time per key, with
 * at most one more waiting, however many ask; each answer is as fresh as if read for that caller alone.
 */
export class SharedReading<V> {
  private readonly running = new Map<string, Promise<V>>();
  private readonly next = new Map<string, Promise<V>>();

  read(key: string, readNow: () => Promise<V>): Promise<V> {
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

  private start(key: string, readNow: () => Promise<V>): Promise<V> {
    const reading = readNow().finally(() => {
      if (this.running.get(key) === reading) this.running.delete(key);
    });
    this.running.set(key, reading);
    return reading;
  }
}
