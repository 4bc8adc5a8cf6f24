import type { TCreateGroupBuy } from '../../../shared/api/group-buys.ts';
import { addDays, wallClock, wallTimeToUtc } from '../../lib/time.ts';
import { yuanToFen } from './group-buys-format.ts';

/** One item as typed: money in 元 and counts as text, so a half-typed value is kept as it is. */
export interface ItemDraft {
  key: string;
  name: string;
  unit: string;
  price: string;
  stock: string;
  stockUnknown: boolean;
  limit: string;
}

/** The new-campaign form as typed; times are the community's wall clock. */
export interface GroupBuyDraft {
  title: string;
  supplierName: string;
  supplierContact: string;
  note: string;
  minimum: string;
  opensDay: string;
  opensTime: string;
  closesDay: string;
  closesTime: string;
  fulfilment: 'pickup' | 'delivery';
  items: ItemDraft[];
}

let itemCounter = 0;
export function emptyItem(): ItemDraft {
  itemCounter += 1;
  return {
    key: `item-${itemCounter}`,
    name: '',
    unit: '',
    price: '',
    stock: '',
    stockUnknown: false,
    limit: '',
  };
}

/** A fresh form: the window opens now and closes tomorrow evening, in the community's time zone. */
export function emptyDraft(now: Date, timeZone: string): GroupBuyDraft {
  const opens = wallClock(now, timeZone);
  return {
    title: '',
    supplierName: '',
    supplierContact: '',
    note: '',
    minimum: '',
    opensDay: opens.day,
    opensTime: opens.time,
    closesDay: addDays(opens.day, 1),
    closesTime: '20:00',
    fulfilment: 'delivery',
    items: [emptyItem()],
  };
}

export type DraftErrorKey =
  | 'titleRequired'
  | 'supplierRequired'
  | 'moneyInvalid'
  | 'timeInvalid'
  | 'closesBeforeOpens'
  | 'nameRequired'
  | 'unitRequired'
  | 'stockInvalid'
  | 'limitInvalid';

/** A message key (groupBuys.form.error.*) per field path, e.g. "title", "items.0.price". */
export type DraftErrors = Record<string, DraftErrorKey>;

const wholeNumber = (text: string, min: number) => {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min ? n : null;
};

/** Checks the form and builds the API body; every problem is named by field so it shows under it. */
export function draftToBody(
  draft: GroupBuyDraft,
  timeZone: string,
): { body: TCreateGroupBuy; errors: null } | { body: null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (!draft.title.trim()) errors.title = 'titleRequired';
  if (!draft.supplierName.trim()) errors.supplierName = 'supplierRequired';
  let minimumTotalFen: number | null = null;
  if (draft.minimum.trim()) {
    minimumTotalFen = yuanToFen(draft.minimum);
    if (minimumTotalFen === null) errors.minimum = 'moneyInvalid';
  }
  const opensAt = wallTimeToUtc(draft.opensDay, draft.opensTime, timeZone);
  const closesAt = wallTimeToUtc(draft.closesDay, draft.closesTime, timeZone);
  if (!opensAt) errors.opens = 'timeInvalid';
  if (!closesAt) errors.closes = 'timeInvalid';
  else if (opensAt && Date.parse(closesAt) <= Date.parse(opensAt)) errors.closes = 'closesBeforeOpens';
  const items = draft.items.map((item, i) => {
    const at = (field: string) => `items.${i}.${field}`;
    if (!item.name.trim()) errors[at('name')] = 'nameRequired';
    if (!item.unit.trim()) errors[at('unit')] = 'unitRequired';
    const priceFen = yuanToFen(item.price);
    if (priceFen === null) errors[at('price')] = 'moneyInvalid';
    const stock = item.stockUnknown ? null : wholeNumber(item.stock, 0);
    if (!item.stockUnknown && stock === null) errors[at('stock')] = 'stockInvalid';
    const limit = item.limit.trim() ? wholeNumber(item.limit, 1) : null;
    if (item.limit.trim() && limit === null) errors[at('limit')] = 'limitInvalid';
    return {
      name: item.name.trim(),
      unit: item.unit.trim(),
      priceFen: priceFen ?? 0,
      stock,
      perHouseholdLimit: limit,
    };
  });
  if (Object.keys(errors).length > 0) return { body: null, errors };
  return {
    errors: null,
    body: {
      title: draft.title.trim(),
      supplierName: draft.supplierName.trim(),
      supplierContact: draft.supplierContact.trim() || undefined,
      note: draft.note.trim() || undefined,
      minimumTotalFen,
      opensAt: opensAt!,
      closesAt: closesAt!,
      fulfilment: draft.fulfilment,
      items,
    },
  };
}

/** The server's field paths ("body.items.0.priceFen") as the form's ("items.0.price"). */
export function formFieldOf(apiPath: string): string {
  return apiPath
    .replace(/^body\.?/, '')
    .replace(/priceFen$/, 'price')
    .replace(/perHouseholdLimit$/, 'limit')
    .replace(/^minimumTotalFen$/, 'minimum')
    .replace(/^opensAt$/, 'opens')
    .replace(/^closesAt$/, 'closes');
}
