import { CheckSquareOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TShift } from '../../../shared/api/shifts.ts';
import { windowState } from '../../lib/shift-time.ts';
import { CancelledShiftCard, CancelShiftButton } from './CancelShift.tsx';
import { DrawSection } from './DrawSection.tsx';
import { CancelLine, MineLine, RolePlaces, useRoleName, WindowLine } from './ShiftLines.tsx';
import { ShiftWhen } from './ShiftWhen.tsx';
import { useShiftNames } from './useShiftNames.ts';
import { useSignupActions } from './useSignupActions.ts';

interface Props {
  communityId: string;
  shift: TShift;
  timeZone: string;
  now: number;
  /** Volunteers and leaders take places; others only look. */
  canSignUp: boolean;
  canManage: boolean;
  waitlistPosition?: number | null;
  onEditCapacity: (shift: TShift) => void;
}

export function ShiftCard({
  communityId,
  shift,
  timeZone,
  now,
  canSignUp,
  canManage,
  waitlistPosition,
  onEditCapacity,
}: Props) {
  const { t } = useTranslation();
  const roleName = useRoleName(shift.roles.length);
  const names = useShiftNames(communityId)(shift);
  const { take, giveBack, problem, busy } = useSignupActions(communityId, {
    id: shift.id,
    title: names.title,
  });
  const state = windowState(shift, now);
  const titleId = `shift-${shift.id}`;
  // A draw-mode shift takes requests instead of sign-ups (DrawSection).
  const draw = shift.mode === 'draw';
  const offerSignUp = !draw && canSignUp && !shift.mine && (state === 'open' || state === 'not_open');
  if (shift.status === 'cancelled') {
    return <CancelledShiftCard shift={shift} title={names.title} group={names.group} timeZone={timeZone} />;
  }

  return (
    <li className="shift-card" aria-labelledby={titleId} data-testid="shift-card">
      <div className="shift-head">
        <h3 id={titleId}>{names.title}</h3>
        {names.group && <span className="muted">{names.group}</span>}
      </div>
      <ShiftWhen shift={shift} timeZone={timeZone} />
      <WindowLine shift={shift} state={state} timeZone={timeZone} now={now} />
      <RolePlaces roles={shift.roles} />
      {shift.mine && !draw && (
        <MineLine mine={shift.mine} position={waitlistPosition} roleCount={shift.roles.length} />
      )}
      {problem && (
        <Alert
          type={problem.fullRole !== undefined ? 'warning' : 'error'}
          showIcon
          role="alert"
          title={problem.message}
        />
      )}
      {offerSignUp && (
        <div className="shift-actions">
          {shift.roles.map((r) => {
            const full = r.taken >= r.capacity || problem?.fullRole === r.role;
            const label = roleName(r.role);
            return (
              <Button
                key={r.role}
                type="primary"
                size="large"
                block
                ghost={full}
                disabled={state !== 'open'}
                loading={busy}
                onClick={() => take(r.role, full)}
              >
                {full
                  ? label
                    ? t('shifts.waitlistRole', { role: label })
                    : t('shifts.waitlist')
                  : label
                    ? t('shifts.signUpRole', { role: label })
                    : t('shifts.signUp')}
              </Button>
            );
          })}
        </div>
      )}
      {draw && (
        <DrawSection
          communityId={communityId}
          shift={shift}
          timeZone={timeZone}
          now={now}
          canSignUp={canSignUp}
          canManage={canManage}
          waitlistPosition={waitlistPosition}
          busy={busy}
          onRequest={(role) => take(role, false)}
          onWithdraw={giveBack}
        />
      )}
      {shift.mine && shift.mine.status !== 'requested' && (
        <CancelLine
          shift={shift}
          waitlisted={shift.mine.status === 'waitlisted'}
          now={now}
          timeZone={timeZone}
          busy={busy}
          onCancel={() => giveBack(shift.mine!.signupId)}
        />
      )}
      {canManage && (
        // One wrapping row of the manager's actions, rather than three full lines on a phone.
        <div className="shift-manage-row">
          <Link className="button-link shift-manage" to={`/shifts/${shift.id}/roster`}>
            <CheckSquareOutlined aria-hidden />
            {t('attendance.openRoster')}
            <span className="visually-hidden">{` ${names.title}`}</span>
          </Link>
          {state !== 'ended' && (
            <Button
              className="shift-manage"
              icon={<EditOutlined aria-hidden />}
              onClick={() => onEditCapacity(shift)}
            >
              {t('shifts.editCapacity')}
            </Button>
          )}
          {state !== 'ended' && (
            <CancelShiftButton
              communityId={communityId}
              shift={shift}
              title={names.title}
              timeZone={timeZone}
            />
          )}
        </div>
      )}
    </li>
  );
}
