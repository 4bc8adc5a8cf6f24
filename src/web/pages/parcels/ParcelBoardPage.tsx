import { LeftOutlined, LockOutlined, RightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Input, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DELIVERY_RUNS_CHANGED } from '../../../shared/api/delivery-runs.ts';
import { LIVE_RESYNC } from '../../../shared/api/live-events.ts';
import { PARCEL_DAY_CLOSED, type TClearanceBoard } from '../../../shared/api/parcel-clearance.ts';
import { PARCELS_STATUS } from '../../../shared/api/parcel-rides.ts';
import { PARCELS_RECEIVED } from '../../../shared/api/parcels.ts';
import { useClearanceBoard } from '../../api/parcel-clearance.ts';
import { parcelsKey } from '../../api/parcels.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { addDays, formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLiveEvents } from '../../lib/useLiveEvents.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { BoardBuildings } from './BoardBuildings.tsx';
import { BoardTotals } from './BoardTotals.tsx';
import { canCloseParcelDay } from './board-format.ts';
import { CloseDayDrawer } from './CloseDayDrawer.tsx';
import { ParcelDayHistory } from './ParcelDayHistory.tsx';
import { canWorkParcels } from './parcel-access.ts';
import { ReminderSetting } from './ReminderSetting.tsx';
import '../../styles/parcels.css';
import '../../styles/parcel-board.css';

export function ParcelBoardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('parcelBoard.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canWorkParcels(membership.roles)) return <Forbidden />;
  return (
    <Board
      key={membership.communityId}
      communityId={membership.communityId}
      canClose={canCloseParcelDay(membership.roles)}
    />
  );
}

function Board({ communityId, canClose }: { communityId: string; canClose: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('day') ?? undefined;
  const board = useClearanceBoard(communityId, asked);
  const [closing, setClosing] = useState(false);
  const queryClient = useQueryClient();
  // Any change to a parcel anywhere (intake, runs, delivery, pickup, a close) moves the board.
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: [...parcelsKey(communityId), 'board'] });
  useLiveEvents(communityId, {
    [PARCELS_RECEIVED]: refresh,
    [PARCELS_STATUS]: refresh,
    [DELIVERY_RUNS_CHANGED]: refresh,
    [PARCEL_DAY_CLOSED]: refresh,
    [LIVE_RESYNC]: refresh,
  });
  const pick = (day: string | null) => {
    setParams(day ? { day } : {}, { replace: true });
    window.scrollTo({ top: 0 });
  };

  if (board.error) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;
  if (board.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  const b = board.data;
  return (
    <div className="page parcel-board">
      <h1 className="page-title">{t('parcelBoard.title')}</h1>
      <DayPicker board={b} onPick={pick} />
      <BoardTotals counts={b.compound} />
      <Closure board={b} canClose={canClose} onClose={() => setClosing(true)} />
      <BoardBuildings unassigned={b.unassigned} buildings={b.buildings} />
      <ParcelDayHistory communityId={communityId} onPickDay={pick} />
      <ReminderSetting communityId={communityId} canChange={canClose} />
      {closing && <CloseDayDrawer communityId={communityId} day={b.day} onClose={() => setClosing(false)} />}
    </div>
  );
}

function DayPicker({ board, onPick }: { board: TClearanceBoard; onPick: (day: string | null) => void }) {
  const { t } = useTranslation();
  const { day, today } = board;
  return (
    <div className="board-day">
      <Button
        size="large"
        icon={<LeftOutlined aria-hidden />}
        aria-label={t('parcelBoard.prevDay')}
        onClick={() => onPick(addDays(day, -1))}
      />
      <Input
        type="date"
        size="large"
        aria-label={t('parcelBoard.day')}
        className="board-day-input"
        value={day}
        max={today}
        onChange={(e) => e.target.value && onPick(e.target.value >= today ? null : e.target.value)}
      />
      <Button
        size="large"
        icon={<RightOutlined aria-hidden />}
        aria-label={t('parcelBoard.nextDay')}
        disabled={day >= today}
        onClick={() => onPick(addDays(day, 1) >= today ? null : addDays(day, 1))}
      />
      {day !== today && (
        <Button size="large" onClick={() => onPick(null)}>
          {t('parcelBoard.today')}
        </Button>
      )}
      <p className="board-day-note">{t('parcelBoard.timeZoneNote', { timeZone: board.timeZone })}</p>
    </div>
  );
}

function Closure({
  board,
  canClose,
  onClose,
}: {
  board: TClearanceBoard;
  canClose: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { closure } = board;
  if (closure) {
    const time = formatDateTime(closure.closedAt, board.timeZone, currentLocale());
    return (
      <div className="board-closed" data-testid="board-closed">
        <LockOutlined aria-hidden />
        <div>
          <p>{t('parcelBoard.closedBanner', { day: board.day, name: closure.closedByName ?? '—', time })}</p>
          <p className="board-closed-note">
            {closure.figures.leftOver > 0
              ? t('parcelBoard.closedLeftOver', { count: closure.figures.leftOver })
              : t('parcelBoard.closedClean')}
          </p>
        </div>
      </div>
    );
  }
  if (!canClose || board.day > board.today) return null;
  return (
    <Button type="primary" size="large" className="big-button board-close-button" block onClick={onClose}>
      {t('parcelBoard.closeDay')}
    </Button>
  );
}
