/**
 * At most `limit` tasks at a time per key, the rest waiting in arrival order. For work that contends on
 * one row anyway (the places of one shift, the stock of one item): more of it at once only queues on
 * the row's lock while holding a database connection, whereas a task waiting here can still be
 * answered more cheaply when its turn comes (the shift filled up meanwhile, say).
 */
export class KeyedTurns {
  private readonly lines = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let line = this.lines.get(key);
    if (!line) {
      line = { running: 0, waiting: [] };
      this.lines.set(key, line);
    }
    if (line.running >= this.limit) await new Promise<void>((resolve) => line!.waiting.push(resolve));
    else line.running++;
    try {
      return await task();
    } finally {
      const next = line.waiting.shift();
      // The place is handed straight to the next in line, so `running` counts it already.
      if (next) next();
      else if (--line.running === 0) this.lines.delete(key);
    }
  }
}
