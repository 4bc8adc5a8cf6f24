import type { TGroupBuyItem, TGroupBuyStatus, TGroupBuySummary } from '../../../shared/api/group-buys.ts';
import type { Role } from '../../../shared/roles.ts';

/** Money as people read it on a price tag: "¥12.50" (fen are whole numbers, so this is exact). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan as typed ("12.5", "12.50", "12") to fen; null when it is not a sum of money. */
export function yuanToFen(value: string): number | null {
  const trimmed = value.trim();
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(trimmed);
  if (!match) return null;
  // By digits, not by float: 0.29 * 100 is 28.999999999999996.
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** How far the running total is towards the supplier's minimum, 0–100 (100 with no minimum). */
export function minimumPercent(
  summary: Pick<TGroupBuySummary, 'minimumTotalFen' | 'runningTotalFen'>,
): number {
  if (!summary.minimumTotalFen) return 100;
  return Math.min(100, Math.floor((summary.runningTotalFen / summary.minimumTotalFen) * 100));
}

/** Orders are over stock: closing will share it out round by round. */
export const isShort = (item: Pick<TGroupBuyItem, 'stock' | 'ordered'>) =>
  item.stock !== null && item.ordered > item.stock;

/** Open campaigns first (closing soonest first), then the others, the newest window first. */
export function campaignOrder(a: TGroupBuySummary, b: TGroupBuySummary): number {
  const openA = a.status === 'open' ? 0 : 1;
  const openB = b.status === 'open' ? 0 : 1;
  if (openA !== openB) return openA - openB;
  if (openA === 0) return a.closesAt.localeCompare(b.closesAt);
  return b.closesAt.localeCompare(a.closesAt);
}

export const STATUS_COLOURS: Record<TGroupBuyStatus, string> = {
  open: 'green',
  allocated: 'blue',
  failed: 'red',
  cancelled: 'default',
  arrived: 'purple',
  done: 'default',
};

/** Campaigns are every member's to see. */
export const canSeeGroupBuys = (roles: readonly Role[]) => roles.length > 0;

/**
 * Who gets the "new campaign" button: coordinators, staff and leaders (the server lets in only the
 * group-buying group's leaders; a campaign's own page asks the server through `can`).
 */
export const mayCreateGroupBuys = (roles: readonly Role[]) =>
  roles.some((r) => r === 'coordinator' || r === 'staff' || r === 'leader');
