// The committee's week in figures (issue 9 item 6): each group's week counted by the features' own
// queries, so the agenda says what the parcels board, the round list, the medicine queue, the group-buy
// list and the groups page say. Nothing here counts a table its own way.
import { sundayOf } from '../../../domain/committee/week.ts';
import type { TWeekFigures } from '../../../shared/api/committee.ts';
import type { Db } from '../../db/client.ts';
import { campaignsOf, householdCounts } from '../group-buys/group-buys.repository.ts';
import { presentRow } from '../medicine/medicine-requests.presenter.ts';
import { requestsMadeOrDeliveredWithin } from '../medicine/medicine-requests.repository.ts';
import { undeliveredAt } from '../parcels/clearance.repository.ts';
import { boundsOf, liveDayFigures } from '../parcels/parcel-days.service.ts';
import { communityTimeZone } from '../parcels/parcels.repository.ts';
import { figuresOfGroups, NO_FIGURES } from '../shifts/attendance.repository.ts';
import { presentRounds } from '../testing/rounds.presenter.ts';
import { groupsOf } from './committee.repository.ts';

interface Week {
  start: Date;
  end: Date;
}

const within = (at: Date | null | undefined, w: Week) => !!at && at >= w.start && at < w.end;
const tenth = (n: number) => Math.round(n * 10) / 10;

/** The parcels board's day figures summed over the week (parcel-days.service), and what still waited. */
async function parcelFigures(
  db: Db,
  now: Date,
  communityId: string,
  timeZone: string,
  from: string,
  w: Week,
) {
  const days = await liveDayFigures(db, now, communityId, timeZone, from, sundayOf(from));
  const sum = (key: 'received' | 'delivered' | 'pickedUp') =>
    [...days.values()].reduce((n, d) => n + d[key], 0);
  const end = now < w.end ? now : w.end;
  return {
    received: sum('received'),
    delivered: sum('delivered'),
    pickedUp: sum('pickedUp'),
    waitingAtWeekEnd: await undeliveredAt(db, communityId, end),
  };
}

/** The round list's rounds (testing/rounds.presenter) that started this week, with their coverage. */
async function testingFigures(db: Db, communityId: string, w: Week): Promise<TWeekFigures['testing']> {
  const rounds = (await presentRounds(db, communityId))
    .filter((r) => within(new Date(r.startsAt), w))
    .sort((x, y) => x.startsAt.localeCompare(y.startsAt));
  return {
    roundsRun: rounds.filter((r) => r.status === 'running' || r.status === 'finished').length,
    samples: rounds.reduce((n, r) => n + r.figures.tested, 0),
    rounds: rounds.map((r) => ({
      roundId: r.id,
      title: r.title,
      day: r.day,
      status: r.status,
      tested: r.figures.tested,
      expected: r.figures.expected,
    })),
  };
}

/**
 * The medicine queue's rows (medicine-requests.presenter): urgency as triaged, and the deadline state
 * the queue shows. A cancelled request is no longer needed, so it is not counted as overdue.
 */
async function medicineFigures(db: Db, now: Date, communityId: string, w: Week) {
  const rows = await requestsMadeOrDeliveredWithin(db, communityId, w.start, w.end);
  const requested = { critical: 0, high: 0, normal: 0 };
  let overdue = 0;
  let delivered = 0;
  for (const loaded of rows) {
    const row = presentRow(loaded, now);
    if (within(loaded.request.deliveredAt, w)) delivered++;
    if (!within(loaded.request.createdAt, w)) continue;
    requested[row.urgency]++;
    if (row.deadlineState === 'overdue' && row.status !== 'cancelled') overdue++;
  }
  return { requested, delivered, overdue };
}

/** The group-buy list's campaigns (group-buys.repository) whose window or closing touched the week. */
async function groupBuyFigures(db: Db, now: Date, communityId: string, w: Week) {
  const campaigns = (await campaignsOf(db, communityId, 'all', now))
    .filter((c) => c.opensAt < w.end && (c.closedAt ?? c.closesAt) >= w.start)
    .sort((x, y) => x.opensAt.getTime() - y.opensAt.getTime());
  const orders = await householdCounts(
    db,
    communityId,
    campaigns.map((c) => c.id),
  );
  const closedWithin = (c: (typeof campaigns)[number]) => within(c.closedAt, w);
  return {
    opened: campaigns.filter((c) => within(c.opensAt, w)).length,
    allocated: campaigns.filter((c) => closedWithin(c) && ['allocated', 'arrived', 'done'].includes(c.status))
      .length,
    failed: campaigns.filter((c) => closedWithin(c) && c.status === 'failed').length,
    orders: campaigns.reduce((n, c) => n + (orders.get(c.id) ?? 0), 0),
    campaigns: campaigns.map((c) => ({
      groupBuyId: c.id,
      title: c.title,
      status: c.status,
      households: orders.get(c.id) ?? 0,
    })),
  };
}

/** The groups page's records (shifts/attendance.repository, the hours rule), over the week's shifts. */
async function volunteerFigures(db: Db, now: Date, communityId: string, w: Week) {
  const [records, groups] = await Promise.all([
    figuresOfGroups(db, communityId, now, w),
    groupsOf(db, communityId),
  ]);
  const perGroup = groups.map((g) => ({
    groupId: g.id,
    key: g.key,
    name: g.name,
    ...(records.get(g.id) ?? NO_FIGURES),
  }));
  return {
    shiftsDone: perGroup.reduce((n, g) => n + g.shiftsDone, 0),
    hours: tenth(perGroup.reduce((n, g) => n + g.hours, 0)),
    noShows: perGroup.reduce((n, g) => n + g.noShows, 0),
    groups: perGroup,
  };
}

/** The figures of the week starting on `weekStart` (a Monday), as they stand at `now`. */
export async function weekFigures(
  db: Db,
  now: Date,
  communityId: string,
  weekStart: string,
): Promise<TWeekFigures> {
  const timeZone = await communityTimeZone(db, communityId);
  const weekEnd = sundayOf(weekStart);
  const w = boundsOf(weekStart, weekEnd, timeZone);
  const [parcels, testing, medicine, groupBuys, volunteers] = await Promise.all([
    parcelFigures(db, now, communityId, timeZone, weekStart, w),
    testingFigures(db, communityId, w),
    medicineFigures(db, now, communityId, w),
    groupBuyFigures(db, now, communityId, w),
    volunteerFigures(db, now, communityId, w),
  ]);
  return {
    weekStart,
    weekEnd,
    timeZone,
    takenAt: now.toISOString(),
    parcels,
    testing,
    medicine,
    groupBuys,
    volunteers,
  };
}
