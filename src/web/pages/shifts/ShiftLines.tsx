import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TShift } from '../../../shared/api/shifts.ts';
import { currentLocale } from '../../i18n/index.ts';
import {
  cancelDeadline,
  canStillCancel,
  formatMoment,
  placesLeft,
  type WindowState,
  windowState,
} from '../../lib/shift-time.ts';
import { isDefaultRole } from '../../lib/volunteer-format.ts';
import { useDayWords } from './ShiftWhen.tsx';

/** A role's name as shown: none for a shift's only unnamed role, "volunteer" translated among several. */
export function useRoleName(roleCount: number) {
  const { t } = useTranslation();
  return (role: string) => {
    if (!isDefaultRole(role)) return role;
    return roleCount > 1 ? t('shifts.defaultRole') : '';
  };
}

/** When sign-up opens or closes, in words and on the community's clock. */
export function WindowLine({
  shift,
  state,
  timeZone,
  now,
}: {
  shift: AnyShift;
  state: WindowState;
  timeZone: string;
  now: number;
}) {
  const { t } = useTranslation();
  const words = useDayWords();
  const at = (iso: string) => formatMoment(iso, timeZone, currentLocale(), now, words);
  const text = {
    not_open: t('shifts.notOpen', { time: at(shift.signupOpensAt) }),
    open: t('shifts.open', { time: at(shift.signupClosesAt) }),
    closed: t('shifts.closed'),
    ended: t('shifts.ended'),
  }[state];
  return <p className={`shift-window window-${state}`}>{text}</p>;
}

/** "剩余 1/2" per role, and how many wait. Not a live region: a stampede would drown a screen reader. */
export function RolePlaces({ roles }: { roles: TShift['roles'] }) {
  const { t } = useTranslation();
  const roleName = useRoleName(roles.length);
  return (
    <ul className="shift-roles">
      {roles.map((r) => {
        const left = placesLeft(r);
        const name = roleName(r.role);
        return (
          <li key={r.role} className="shift-role">
            {name && <span className="role-name">{name}</span>}
            <span className={left === 0 ? 'places places-full' : 'places'} data-testid={`places-${r.role}`}>
              {t('shifts.placesLeft', { left, capacity: r.capacity })}
            </span>
            {left === 0 && <span className="badge badge-red">{t('shifts.full')}</span>}
            {r.waiting > 0 && <span className="muted">{t('shifts.waiting', { count: r.waiting })}</span>}
          </li>
        );
      })}
    </ul>
  );
}

interface MineProps {
  mine: { role: string; status: string };
  position?: number | null;
  roleCount: number;
}

/** The person's own standing on a shift, the first thing they look for. */
export function MineLine({ mine, position, roleCount }: MineProps) {
  const { t } = useTranslation();
  const role = useRoleName(roleCount)(mine.role);
  if (mine.status === 'requested') {
    return (
      <p className="shift-mine mine-requested" data-testid="shift-mine">
        {t('draw.awaiting')}
      </p>
    );
  }
  if (mine.status === 'waitlisted') {
    return (
      <p className="shift-mine mine-waitlisted" data-testid="shift-mine">
        {position ? t('shifts.mineWaitlistedAt', { position }) : t('shifts.mineWaitlisted')}
      </p>
    );
  }
  return (
    <p className="shift-mine mine-confirmed" data-testid="shift-mine">
      {role ? t('shifts.mineConfirmedRole', { role }) : t('shifts.mineConfirmed')}
    </p>
  );
}

type AnyShift = Omit<TShift, 'mine'>;

interface CancelProps {
  shift: AnyShift;
  waitlisted: boolean;
  timeZone: string;
  now: number;
  busy: boolean;
  onCancel: () => void;
}

/** Give the place back while the cut-off allows, and say until when; after it, whom to tell. */
export function CancelLine({ shift, waitlisted, timeZone, now, busy, onCancel }: CancelProps) {
  const { t } = useTranslation();
  const words = useDayWords();
  if (windowState(shift, now) === 'ended') return null;
  if (!canStillCancel(shift, now)) return <p className="muted">{t('shifts.tooLateToCancel')}</p>;
  const deadline = formatMoment(cancelDeadline(shift), timeZone, currentLocale(), now, words);
  return (
    <div className="shift-cancel">
      <Button danger size="large" block loading={busy} onClick={onCancel}>
        {waitlisted ? t('shifts.leaveWaitlist') : t('shifts.cancel')}
      </Button>
      <p className="muted shift-deadline">{t('shifts.cancelUntil', { time: deadline })}</p>
    </div>
  );
}
