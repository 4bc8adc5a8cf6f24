import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMySignups } from '../../api/shifts.ts';
import { MineLine } from '../shifts/ShiftLines.tsx';
import { ShiftWhen } from '../shifts/ShiftWhen.tsx';
import { useShiftNames } from '../shifts/useShiftNames.ts';

/** A volunteer's first question on opening the app: when and where am I next? */
export function NextShift({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const signups = useMySignups(communityId);
  const names = useShiftNames(communityId);
  if (signups.isPending || signups.error) return null;
  const now = Date.now();
  const next = signups.data
    .filter((s) => Date.parse(s.shift.endsAt) > now)
    .sort((a, b) => a.shift.startsAt.localeCompare(b.shift.startsAt))[0];
  return (
    <section className="panel next-shift" aria-labelledby="next-shift-title" data-testid="next-shift">
      <h2 id="next-shift-title">{t('nextShift.title')}</h2>
      {next ? (
        <>
          <p className="next-shift-title">{names(next.shift).title}</p>
          <ShiftWhen shift={next.shift} timeZone={timeZone} withDay />
          <MineLine mine={next} position={next.position} roleCount={next.shift.roles.length} />
          <Link className="button-link" to="/my-shifts">
            {t('nextShift.all')}
          </Link>
        </>
      ) : (
        <>
          <p className="muted">{t('nextShift.none')}</p>
          <Link className="button-link button-link-primary" to="/shifts">
            {t('nextShift.goSignUp')}
          </Link>
        </>
      )}
    </section>
  );
}
