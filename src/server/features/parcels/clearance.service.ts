import {
  PARCEL_DAY_CLOSED,
  type TClearanceBin,
  type TClearanceBoard,
  type TClearanceCounts,
  type TCloseParcelDay,
  type TOutstandingParcel,
  type TOutstandingParcels,
  type TParcelDayFigures,
  ZParcelDayFigures,
} from '../../../shared/api/parcel-clearance.ts';
import { readTogether } from '../../db/read-together.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { freshSharedReadings } from '../../platform/reading-freshness.ts';
import {
  type BinCountsRow,
  binCounts,
  binCountsFrom,
  binCountsRead,
  closedDays,
  insertParcelDay,
  leadsParcelsGroup,
  type OutstandingRow,
  outstandingParcels,
  setLeftOverReasons,
} from './clearance.repository.ts';
import { boundsOf, liveDayFigures, todayIn } from './parcel-days.service.ts';
import { buildingsOf, communityTimeZone } from './parcels.repository.ts';
import { authorizeParcelWork } from './parcels-access.ts';

const byBuildingCode = new Intl.Collator('zh-CN', { numeric: true });

const ZERO: TClearanceCounts = {
  received: 0,
  carriedOver: 0,
  waiting: 0,
  onRun: 0,
  delivered: 0,
  pickedUp: 0,
  flagged: 0,
  oldestWaitingAt: null,
};

function countsOf(row: BinCountsRow | undefined): TClearanceCounts {
  if (!row) return ZERO;
  const { buildingId: _bin, ...counts } = row;
  return counts;
}

function sumCounts(rows: readonly TClearanceCounts[]): TClearanceCounts {
  const total = { ...ZERO };
  for (const r of rows) {
    total.received += r.received;
    total.carriedOver += r.carriedOver;
    total.waiting += r.waiting;
    total.onRun += r.onRun;
    total.delivered += r.delivered;
    total.pickedUp += r.pickedUp;
    total.flagged += r.flagged;
    if (r.oldestWaitingAt && (!total.oldestWaitingAt || r.oldestWaitingAt < total.oldestWaitingAt)) {
      total.oldestWaitingAt = r.oldestWaitingAt;
    }
  }
  return total;
}

/**
 * getClearanceBoard (日清日结): for the asked local day (the community's today unless asked), every
 * building's figures, the unassigned bin, the compound's totals, and whether the day is closed.
 */
export async function getClearanceBoard(
  deps: AppDeps,
  actor: Actor,
  askedDay?: string,
): Promise<TClearanceBoard> {
  await authorizeParcelWork(deps, actor, 'parcels.board');
  const communityId = actor.communityId!;
  const timeZone = await communityTimeZone(deps.db, communityId);
  const today = todayIn(deps, timeZone);
  const day = askedDay ?? today;
  return boardReadings(
    deps.db,
    { communityId, accountId: actor.account.id },
    `${communityId}/${day}/${today}`,
    () => readBoard(deps, communityId, timeZone, today, day),
  );
}

// The board is the same for every leader of a community who may see it, and their screens ask for it
// again on every scan's live event.
const boardReadings = freshSharedReadings<TClearanceBoard>();

async function readBoard(
  deps: AppDeps,
  communityId: string,
  timeZone: string,
  today: string,
  day: string,
): Promise<TClearanceBoard> {
  const [counted, known, [closure]] = await readTogether(deps.db, deps.dbKind, [
    binCountsRead(deps.db, communityId, boundsOf(day, day, timeZone)),
    buildingsOf(deps.db, communityId),
    closedDays(deps.db, communityId, day, day),
  ]);
  const rows = binCountsFrom(counted);
  const rowOf = new Map(rows.map((r) => [r.buildingId, r]));
  const buildings: TClearanceBin[] = known
    .sort((x, y) => byBuildingCode.compare(x.code, y.code))
    .map((b) => ({ buildingId: b.id, buildingCode: b.code, ...countsOf(rowOf.get(b.id)) }));
  const unassigned: TClearanceBin = { buildingId: null, buildingCode: null, ...countsOf(rowOf.get(null)) };
  return {
    day,
    today,
    timeZone,
    compound: sumCounts([unassigned, ...buildings]),
    unassigned,
    buildings,
    closure: closure
      ? {
          closedAt: closure.closedAt.toISOString(),
          closedById: closure.closedById,
          closedByName: closure.closedByName,
          figures: ZParcelDayFigures.parse(closure.figures),
        }
      : null,
  };
}

const presentOutstanding = (p: OutstandingRow): TOutstandingParcel => ({
  ...p,
  status: p.status as TOutstandingParcel['status'],
  receivedAt: p.receivedAt.toISOString(),
});

/** listParcelDayLeftovers: the parcels that would need a reason to close the day, oldest first. */
export async function listParcelDayLeftovers(
  deps: AppDeps,
  actor: Actor,
  day: string,
): Promise<TOutstandingParcels> {
  await authorizeParcelWork(deps, actor, 'parcels.board');
  const parcels = await outstandingParcels(deps.db, actor.communityId!, day);
  return { day, parcels: parcels.map(presentOutstanding) };
}

/**
 * closeParcelDay: a day closes when nothing received on or before it is still waiting or on a run,
 * or with a reason for each such parcel. Leftovers keep their status (they stay in the bin and on
 * their run, to be delivered the next day, where the board shows them as carried over) and get the
 * reason; the day's figures are recorded. All in one transaction, with the outstanding parcels
 * locked, so a parcel received or delivered meanwhile is judged as it is at the close.
 */
export async function closeParcelDay(deps: AppDeps, actor: Actor, body: TCloseParcelDay) {
  const role = await authorizeParcelWork(deps, actor, 'parcels.close_day');
  const communityId = actor.communityId!;
  if (role === 'leader' && !(await leadsParcelsGroup(deps.db, communityId, actor.account.id))) {
    throw new AppError('FORBIDDEN');
  }
  const timeZone = await communityTimeZone(deps.db, communityId);
  if (body.day > todayIn(deps, timeZone)) throw new AppError('PARCEL_DAY_IN_FUTURE', { day: body.day });
  if ((await closedDays(deps.db, communityId, body.day, body.day)).length > 0) {
    throw new AppError('PARCEL_DAY_ALREADY_CLOSED', { day: body.day });
  }
  const reasonOf = new Map(body.reasons.map((r) => [r.parcelId, r.reason]));
  const now = deps.clock.now();

  const figures = await deps.db.transaction(async (tx) => {
    const leftovers = await outstandingParcels(tx, communityId, body.day, true);
    const missing = leftovers.filter((p) => !reasonOf.has(p.id));
    if (missing.length > 0) {
      throw new AppError(
        'PARCEL_DAY_NOT_CLEARED',
        { day: body.day, count: missing.length },
        missing.map((p) => ({
          path: `reasons.${p.id}`,
          message: [p.buildingCode ?? '?', p.room, p.waybill].filter(Boolean).join(' '),
        })),
      );
    }
    // Reasons for parcels delivered meanwhile are not needed, and are dropped.
    const reasons = leftovers.map((p) => ({ parcelId: p.id, reason: reasonOf.get(p.id)! }));
    await setLeftOverReasons(tx, communityId, reasons);

    const compound = sumCounts(await binCounts(tx, communityId, boundsOf(body.day, body.day, timeZone)));
    const live = (await liveDayFigures(tx, now, communityId, timeZone, body.day, body.day)).get(body.day)!;
    const recorded: TParcelDayFigures = {
      ...live,
      carriedOver: compound.carriedOver,
      leftOver: leftovers.length,
      leftovers: leftovers.map((p) => ({
        parcelId: p.id,
        waybill: p.waybill,
        buildingCode: p.buildingCode,
        room: p.room,
        reason: reasonOf.get(p.id)!,
      })),
    };
    const inserted = await insertParcelDay(tx, {
      communityId,
      day: body.day,
      closedAt: now,
      closedBy: actor.account.id,
      figures: recorded,
    });
    if (!inserted) throw new AppError('PARCEL_DAY_ALREADY_CLOSED', { day: body.day });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'parcels.close_day',
      targetType: 'parcel_day',
      targetId: body.day,
      params: { day: body.day, received: recorded.received, leftOver: recorded.leftOver },
    });
    await publishLive(tx, {
      communityId,
      type: PARCEL_DAY_CLOSED,
      data: { day: body.day, leftOver: recorded.leftOver },
    });
    return recorded;
  });
  return { day: body.day, closedAt: now.toISOString(), figures };
}
