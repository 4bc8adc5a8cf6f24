import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TRosterEntry } from '../../../shared/api/attendance.ts';
import type { AttendanceInput } from '../../api/attendance.ts';
import { formatHours } from '../../components/RecordFigures.tsx';
import { wallClock } from '../../lib/time.ts';

export type RosterState = 'waiting' | 'in' | 'out' | 'no_show' | 'waitlisted' | 'requested';

export function rosterState(e: TRosterEntry): RosterState {
  if (e.status !== 'confirmed') return e.status;
  if (e.noShow) return 'no_show';
  if (e.checkedOutAt) return 'out';
  if (e.checkedInAt) return 'in';
  return 'waiting';
}

interface Props {
  entry: TRosterEntry;
  roleName: string;
  timeZone: string;
  /** null: may look but not tap (committee staff) */
  act: ((input: AttendanceInput) => void) | null;
  checkInOpen: boolean;
  started: boolean;
  busy: boolean;
}

/** One person on the day: name large, where they stand in words and colour, one big button for the next step. */
export function RosterRow({ entry, roleName, timeZone, act, checkInOpen, started, busy }: Props) {
  const { t } = useTranslation();
  const state = rosterState(entry);
  const name = entry.name;
  const time = (iso: string) => wallClock(iso, timeZone).time;
  const inAt = () => t('attendance.checkedInAt', { time: time(entry.checkedInAt!) });
  const stateText = {
    waiting: () => t('attendance.notArrived'),
    in: inAt,
    out: () => `${inAt()} · ${t('attendance.checkedOutAt', { time: time(entry.checkedOutAt!) })}`,
    no_show: () => t('attendance.markedNoShow'),
    waitlisted: () => t('attendance.waitlistedAt', { position: entry.position ?? '' }),
    requested: () => t('attendance.drawPending'),
  }[state]();
  const undo = (action: string, input: AttendanceInput) => (
    <Button
      size="large"
      className="roster-undo"
      disabled={busy}
      aria-label={t('attendance.undoName', { action, name })}
      onClick={() => act?.({ ...input, undo: true })}
    >
      {action}
    </Button>
  );
  const id = { signupId: entry.signupId };
  return (
    <li className={`roster-row roster-${state}`} data-testid="roster-row">
      <div className="roster-who">
        <span className="roster-name">{name}</span>
        {roleName && <span className="roster-role">{roleName}</span>}
        <span className="roster-state" data-testid="roster-state">
          {stateText}
        </span>
        {entry.minutes > 0 && (
          <span className="roster-hours">
            {t('attendance.worked', { hours: formatHours(entry.minutes / 60) })}
          </span>
        )}
        {entry.mobile && (
          <a className="roster-phone" href={`tel:${entry.mobile}`}>
            <span className="visually-hidden">{`${t('attendance.callName', { name })} `}</span>
            {entry.mobile}
          </a>
        )}
      </div>
      {act && (
        <div className="roster-actions">
          {state === 'waiting' && (
            <>
              <Button
                type="primary"
                size="large"
                className="roster-main"
                disabled={busy || !checkInOpen}
                aria-label={t('attendance.checkInName', { name })}
                onClick={() => act({ kind: 'check-in', ...id })}
              >
                {t('attendance.checkIn')}
              </Button>
              {started && (
                <Button
                  size="large"
                  danger
                  disabled={busy}
                  aria-label={t('attendance.noShowName', { name })}
                  onClick={() => act({ kind: 'no-show', ...id })}
                >
                  {t('attendance.noShow')}
                </Button>
              )}
            </>
          )}
          {state === 'in' && (
            <>
              <Button
                type="primary"
                size="large"
                className="roster-main"
                disabled={busy}
                aria-label={t('attendance.checkOutName', { name })}
                onClick={() => act({ kind: 'check-out', ...id })}
              >
                {t('attendance.checkOut')}
              </Button>
              {undo(t('attendance.undoCheckIn'), { kind: 'check-in', ...id })}
            </>
          )}
          {state === 'out' && undo(t('attendance.undoCheckOut'), { kind: 'check-out', ...id })}
          {state === 'no_show' && undo(t('attendance.undoNoShow'), { kind: 'no-show', ...id })}
        </div>
      )}
    </li>
  );
}
