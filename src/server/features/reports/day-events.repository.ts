// What happened in a compound during part of a day, for its day report: read from each feature's own
// tables (a round's start and finish, a campaign's closing and arrival, an announcement, a closed parcel
// day, a committee meeting) and, for what leaves no row of its own (a shift called off), from the audit
// log the feature wrote. Each line keeps a kind and params, rendered in the reader's language later.
import { and, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { ReportLineKind, ReportParams } from '../../../shared/i18n/report-messages.ts';
import type { Db } from '../../db/client.ts';
import {
  announcements,
  auditLog,
  committeeMeetings,
  groupBuys,
  parcelDays,
  testingRounds,
} from '../../db/schema/index.ts';
import { householdCounts } from '../group-buys/group-buys.repository.ts';
import { residentCount, roundCounts } from '../testing/rounds.repository.ts';

type Reader = Db;

export interface StoredEvent {
  at: string;
  kind: ReportLineKind;
  params: ReportParams;
  link: string | null;
}

export interface Window {
  start: Date;
  end: Date;
}

type Column = Parameters<typeof gte>[0];
const within = (column: Column, w: Window): SQL => and(gte(column, w.start), lt(column, w.end))!;

async function testingEvents(db: Reader, communityId: string, w: Window): Promise<StoredEvent[]> {
  const rounds = await db
    .select({
      id: testingRounds.id,
      title: testingRounds.title,
      startedAt: testingRounds.startedAt,
      finishedAt: testingRounds.finishedAt,
    })
    .from(testingRounds)
    .where(
      and(
        eq(testingRounds.communityId, communityId),
        or(within(testingRounds.startedAt, w), within(testingRounds.finishedAt, w)),
      ),
    );
  if (rounds.length === 0) return [];
  // The round list's own figures: samples taken, and everyone registered as expected.
  const [counts, expected] = await Promise.all([
    roundCounts(
      db,
      communityId,
      rounds.map((r) => r.id),
    ),
    residentCount(db, communityId),
  ]);
  const events: StoredEvent[] = [];
  for (const r of rounds) {
    const link = `/testing/rounds/${r.id}`;
    if (r.startedAt && r.startedAt >= w.start && r.startedAt < w.end) {
      events.push({
        at: r.startedAt.toISOString(),
        kind: 'testing.round_started',
        params: { title: r.title },
        link,
      });
    }
    if (r.finishedAt && r.finishedAt >= w.start && r.finishedAt < w.end) {
      const tested = counts.get(r.id)?.tested ?? 0;
      events.push({
        at: r.finishedAt.toISOString(),
        kind: 'testing.round_finished',
        params: { title: r.title, tested, expected },
        link: `${link}/report`,
      });
    }
  }
  return events;
}

const CLOSED_KIND: Record<string, ReportLineKind> = {
  allocated: 'groupBuy.allocated',
  arrived: 'groupBuy.allocated',
  done: 'groupBuy.allocated',
  failed: 'groupBuy.failed',
  cancelled: 'groupBuy.cancelled',
};

async function groupBuyEvents(db: Reader, communityId: string, w: Window): Promise<StoredEvent[]> {
  const rows = await db
    .select({
      id: groupBuys.id,
      title: groupBuys.title,
      status: groupBuys.status,
      closedAt: groupBuys.closedAt,
      arrivedAt: groupBuys.arrivedAt,
    })
    .from(groupBuys)
    .where(
      and(
        eq(groupBuys.communityId, communityId),
        or(within(groupBuys.closedAt, w), within(groupBuys.arrivedAt, w)),
      ),
    );
  const households = await householdCounts(
    db,
    communityId,
    rows.map((r) => r.id),
  );
  const events: StoredEvent[] = [];
  for (const g of rows) {
    const link = `/group-buys/${g.id}`;
    const kind = CLOSED_KIND[g.status];
    if (kind && g.closedAt && g.closedAt >= w.start && g.closedAt < w.end) {
      const params = { title: g.title, households: households.get(g.id) ?? 0 };
      events.push({ at: g.closedAt.toISOString(), kind, params, link });
    }
    if (g.arrivedAt && g.arrivedAt >= w.start && g.arrivedAt < w.end) {
      events.push({
        at: g.arrivedAt.toISOString(),
        kind: 'groupBuy.arrived',
        params: { title: g.title },
        link,
      });
    }
  }
  return events;
}

async function announcementEvents(db: Reader, communityId: string, w: Window): Promise<StoredEvent[]> {
  const rows = await db
    .select({ id: announcements.id, title: announcements.title, at: announcements.publishedAt })
    .from(announcements)
    .where(and(eq(announcements.communityId, communityId), within(announcements.publishedAt, w)));
  return rows.map((a) => ({
    at: a.at.toISOString(),
    kind: 'announcement.published' as const,
    params: { title: a.title },
    link: `/announcements/${a.id}`,
  }));
}

async function cancelledShiftEvents(db: Reader, communityId: string, w: Window): Promise<StoredEvent[]> {
  const rows = await db
    .select({ action: auditLog.action, data: auditLog.data, at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.communityId, communityId),
        within(auditLog.at, w),
        inArray(auditLog.action, ['shift.cancel', 'shift.cancel_reason']),
      ),
    );
  return rows.map((r) => {
    const data = (r.data ?? {}) as Record<string, string | number>;
    const reason = r.action === 'shift.cancel_reason';
    return {
      at: r.at.toISOString(),
      kind: reason ? ('shift.cancelled_reason' as const) : ('shift.cancelled' as const),
      params: {
        title: String(data.title ?? ''),
        told: Number(data.told ?? 0),
        ...(reason ? { reason: String(data.reason ?? '') } : {}),
      },
      link: '/shifts',
    };
  });
}

async function officeEvents(db: Reader, communityId: string, w: Window): Promise<StoredEvent[]> {
  const [days, meetings] = await Promise.all([
    db
      .select({ day: parcelDays.day, at: parcelDays.closedAt })
      .from(parcelDays)
      .where(and(eq(parcelDays.communityId, communityId), within(parcelDays.closedAt, w))),
    db
      .select({ id: committeeMeetings.id, title: committeeMeetings.title, at: committeeMeetings.heldAt })
      .from(committeeMeetings)
      .where(
        and(
          eq(committeeMeetings.communityId, communityId),
          eq(committeeMeetings.status, 'held'),
          within(committeeMeetings.heldAt, w),
        ),
      ),
  ]);
  return [
    ...days.map((d) => ({
      at: d.at.toISOString(),
      kind: 'parcels.day_closed' as const,
      params: { day: String(d.day) },
      link: '/parcels/board',
    })),
    ...meetings.map((m) => ({
      at: m.at.toISOString(),
      kind: 'committee.meeting' as const,
      params: { title: m.title },
      link: `/committee/meetings/${m.id}`,
    })),
  ];
}

/** The compound's events within the window, oldest first. */
export async function dayEvents(db: Reader, communityId: string, w: Window): Promise<StoredEvent[]> {
  const parts = await Promise.all([
    testingEvents(db, communityId, w),
    groupBuyEvents(db, communityId, w),
    announcementEvents(db, communityId, w),
    cancelledShiftEvents(db, communityId, w),
    officeEvents(db, communityId, w),
  ]);
  return parts.flat().sort((x, y) => x.at.localeCompare(y.at) || x.kind.localeCompare(y.kind));
}
