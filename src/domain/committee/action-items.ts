// The open action items per person (决议事项): who is behind, first.

export interface OwnedItem {
  ownerAccountId: string;
  ownerName: string;
  status: 'open' | 'done' | 'dropped';
  /** the due day, YYYY-MM-DD on the community's clock */
  dueOn: string;
  id: string;
}

/** Open and past its due day; an item due today is not overdue yet. */
export const isOverdue = (item: Pick<OwnedItem, 'status' | 'dueOn'>, today: string) =>
  item.status === 'open' && item.dueOn < today;

const byName = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Open items by due day (so the overdue come first: their due day is before every other open one's),
 * then the finished ones, latest due first; ties by id, so the order never depends on the input's.
 */
export function compareItems(a: OwnedItem, b: OwnedItem): number {
  const openA = a.status === 'open' ? 0 : 1;
  const openB = b.status === 'open' ? 0 : 1;
  if (openA !== openB) return openA - openB;
  if (a.dueOn !== b.dueOn) return (a.dueOn < b.dueOn ? -1 : 1) * (openA === 0 ? 1 : -1);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface PersonItems<T extends OwnedItem> {
  ownerAccountId: string;
  ownerName: string;
  overdue: number;
  items: T[];
}

/** Items per owner: the people with the most overdue first, then the most open, then by name. */
export function itemsPerPerson<T extends OwnedItem>(items: readonly T[], today: string): PersonItems<T>[] {
  const people = new Map<string, PersonItems<T>>();
  for (const item of items) {
    let person = people.get(item.ownerAccountId);
    if (!person) {
      person = { ownerAccountId: item.ownerAccountId, ownerName: item.ownerName, overdue: 0, items: [] };
      people.set(item.ownerAccountId, person);
    }
    person.items.push(item);
    if (isOverdue(item, today)) person.overdue++;
  }
  const open = (p: PersonItems<T>) => p.items.filter((i) => i.status === 'open').length;
  return [...people.values()]
    .map((p) => ({ ...p, items: [...p.items].sort(compareItems) }))
    .sort(
      (x, y) =>
        y.overdue - x.overdue ||
        open(y) - open(x) ||
        byName.compare(x.ownerName, y.ownerName) ||
        (x.ownerAccountId < y.ownerAccountId ? -1 : 1),
    );
}
