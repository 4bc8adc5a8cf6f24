import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TShift } from '../../../shared/api/shifts.ts';
import { useShiftDraw } from '../../api/shift-draws.ts';
import { shiftsKey } from '../../api/shifts.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatMoment, windowState } from '../../lib/shift-time.ts';
import '../../styles/draw.css';
import { DrawResultDrawer } from './DrawResultDrawer.tsx';
import { useRoleName } from './ShiftLines.tsx';
import { useDayWords } from './ShiftWhen.tsx';

interface Props {
  communityId: string;
  shift: TShift;
  timeZone: string;
  now: number;
  canSignUp: boolean;
  canManage: boolean;
  waitlistPosition?: number | null;
  busy: boolean;
  onRequest: (role: string) => void;
  onWithdraw: (signupId: string) => void;
}

/**
 * A draw-mode shift on its card: the rule in one sentence, requests so far, "request a place (draw at
 * 20:00)" instead of "sign up", the person's standing, and the draw itself once made.
 */
export function DrawSection(props: Props) {
  const { communityId, shift, timeZone, now, canSignUp, canManage, busy } = props;
  const { t } = useTranslation();
  const words = useDayWords();
  const roleName = useRoleName(shift.roles.length);
  // A notice about the draw links here with ?draw=<shift>: open its result straight away.
  const [params] = useSearchParams();
  const [viewing, setViewing] = useState(() => params.get('draw') === shift.id);
  const state = windowState(shift, now);
  const collecting = state === 'open' || state === 'not_open';
  const drawAt = formatMoment(shift.signupClosesAt, timeZone, currentLocale(), now, words);
  const requests = shift.roles.reduce((n, r) => n + (r.requested ?? 0), 0);
  const mine = shift.mine;
  useOutcomeWhenDrawn(communityId, shift.id, mine?.status === 'requested' && !collecting);

  return (
    <div className="draw-section">
      <p className="draw-rule">
        <span className="badge badge-blue">{t('draw.badge')}</span> {t('draw.rule')}
      </p>
      {collecting && (
        <p className="draw-requests" data-testid="draw-requests">
          {t('draw.requests', { count: requests })}
        </p>
      )}
      {mine && (
        <DrawStanding
          mine={mine}
          role={roleName(mine.role)}
          collecting={collecting}
          drawAt={drawAt}
          position={props.waitlistPosition}
        />
      )}
      {canSignUp && !mine && collecting && (
        <div className="shift-actions">
          {shift.roles.map((r) => {
            const role = roleName(r.role);
            return (
              <Button
                key={r.role}
                type="primary"
                size="large"
                block
                disabled={state !== 'open'}
                loading={busy}
                onClick={() => props.onRequest(r.role)}
              >
                {role ? t('draw.requestRole', { role, time: drawAt }) : t('draw.request', { time: drawAt })}
              </Button>
            );
          })}
        </div>
      )}
      {mine?.status === 'requested' && state === 'open' && (
        <div className="shift-cancel">
          <Button danger size="large" block loading={busy} onClick={() => props.onWithdraw(mine.signupId)}>
            {t('draw.withdraw')}
          </Button>
          <p className="muted shift-deadline">{t('draw.withdrawUntil', { time: drawAt })}</p>
        </div>
      )}
      <Button className="draw-see" size="large" onClick={() => setViewing(true)}>
        {collecting ? t('draw.seeRule') : t('draw.see')}
      </Button>
      {viewing && (
        <DrawResultDrawer
          communityId={communityId}
          shift={shift}
          timeZone={timeZone}
          now={now}
          canManage={canManage}
          onClose={() => setViewing(false)}
        />
      )}
    </div>
  );
}

/**
 * While my request waits for the draw, asks for it every few seconds; once made, refreshes the shifts
 * so the card says at once whether I got a place (a live places event does not carry my outcome).
 */
function useOutcomeWhenDrawn(communityId: string, shiftId: string, awaiting: boolean) {
  const queryClient = useQueryClient();
  const drawn = useShiftDraw(communityId, shiftId, awaiting).data?.status === 'drawn';
  useEffect(() => {
    if (awaiting && drawn) void queryClient.invalidateQueries({ queryKey: shiftsKey(communityId) });
  }, [awaiting, drawn, communityId, queryClient]);
}

interface StandingProps {
  mine: NonNullable<TShift['mine']>;
  role: string;
  collecting: boolean;
  drawAt: string;
  position?: number | null;
}

/** Where the person stands: requested, waiting for the draw, drawn, or on the waitlist at a place. */
function DrawStanding({ mine, role, collecting, drawAt, position }: StandingProps) {
  const { t } = useTranslation();
  let text: string;
  let tone: string;
  if (mine.status === 'requested') {
    tone = 'requested';
    if (!collecting) text = t('draw.drawing');
    else
      text = role
        ? t('draw.mineRequestedRole', { role, time: drawAt })
        : t('draw.mineRequested', { time: drawAt });
  } else if (mine.status === 'waitlisted') {
    tone = 'waitlisted';
    text = position ? t('draw.lost', { position }) : t('draw.lostNoPlace');
  } else {
    tone = 'confirmed';
    text = role ? t('draw.wonRole', { role }) : t('draw.won');
  }
  return (
    <p className={`shift-mine mine-${tone}`} data-testid="shift-mine">
      {text}
    </p>
  );
}
