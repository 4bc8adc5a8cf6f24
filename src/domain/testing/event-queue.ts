/**
 * A binary min-heap of timed events; events at the same time come out in the order they were
 * pushed, so a simulation never depends on the heap's internal layout.
 */
export class EventQueue<T> {
  private readonly items: { at: number; order: number; event: T }[] = [];
  private pushed = 0;

  get size(): number {
    return this.items.length;
  }

  push(at: number, event: T): void {
    const items = this.items;
    const item = { at, order: this.pushed++, event };
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(item, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = item;
  }

  pop(): { at: number; event: T } | undefined {
    const items = this.items;
    const top = items[0];
    if (!top) return undefined;
    const last = items.pop()!;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && earlier(items[right]!, items[left]!) ? right : left;
        if (!earlier(items[child]!, last)) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}

type Entry = { at: number; order: number };
const earlier = (x: Entry, y: Entry) => x.at < y.at || (x.at === y.at && x.order < y.order);
