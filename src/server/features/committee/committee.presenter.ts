import { compareItems, isOverdue } from '../../../domain/committee/action-items.ts';
import {
  type TActionItem,
  type TActionItemStatus,
  type TMeeting,
  type TMeetingSummary,
  ZWeekFigures,
} from '../../../shared/api/committee.ts';
import type { ItemRow, MeetingRow } from './committee.repository.ts';

export function presentItem(row: ItemRow, today: string): TActionItem {
  const i = row.item;
  const status = i.status as TActionItemStatus;
  return {
    id: i.id,
    meetingId: i.meetingId,
    meetingTitle: row.meetingTitle ?? null,
    title: i.title,
    owner: { accountId: i.ownerAccountId, name: row.ownerName },
    dueOn: i.dueOn,
    status,
    note: i.note,
    doneAt: i.doneAt?.toISOString() ?? null,
    overdue: isOverdue({ status, dueOn: i.dueOn }, today),
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/** The items in the order the lists show them: open by due day (overdue first), then the finished. */
export function sortedItems(rows: readonly ItemRow[], today: string): TActionItem[] {
  return rows
    .map((row) => presentItem(row, today))
    .sort((a, b) =>
      compareItems(
        { ...a, ownerAccountId: a.owner.accountId, ownerName: a.owner.name },
        { ...b, ownerAccountId: b.owner.accountId, ownerName: b.owner.name },
      ),
    );
}

export function presentSummary(m: MeetingRow, openItems: number): TMeetingSummary {
  return {
    id: m.id,
    title: m.title,
    heldAt: m.heldAt.toISOString(),
    weekStart: m.weekStart,
    status: m.status as TMeetingSummary['status'],
    openItems,
    createdAt: m.createdAt.toISOString(),
  };
}

export function presentMeeting(m: MeetingRow, items: TActionItem[], timeZone: string): TMeeting {
  return {
    ...presentSummary(m, items.filter((i) => i.status === 'open').length),
    figures: ZWeekFigures.parse(m.figures),
    agenda: m.agenda,
    minutes: m.minutes,
    attendees: m.attendees,
    updatedAt: m.updatedAt.toISOString(),
    actionItems: items,
    timeZone,
  };
}
