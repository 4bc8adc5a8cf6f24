import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CHECK_IN_OPENS_MINUTES_BEFORE, type TRosterEntry } from '../../shared/api/attendance.ts';
import { type AttendanceInput, useAttendance, useShiftRoster } from '../api/attendance.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { currentLocale } from '../i18n/index.ts';
import { canSeeVolunteers } from '../lib/access.ts';
import { formatMoment } from '../lib/shift-time.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useNow } from '../lib/useNow.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import { BadgeScanner } from './shift-roster/BadgeScanner.tsx';
import { RosterRow, rosterState } from './shift-roster/RosterRow.tsx';
import { useRoleName } from './shifts/ShiftLines.tsx';
import { ShiftWhen, useDayWords } from './shifts/ShiftWhen.tsx';
import { useShiftNames } from './shifts/useShiftNames.ts';
import '../styles/attendance.css';

export function ShiftRosterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('attendance.rosterTitle'));
  const { membership } = useCommunity();
  const { shiftId = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!canSeeVolunteers(membership.roles)) return <Forbidden />;
  return (
    <Roster
      key={shiftId}
      communityId={membership.communityId}
      shiftId={shiftId}
      timeZone={membership.timezone}
    />
  );
}

interface Feedback {
  ok: boolean;
  text: string;
}

const doneMessage = {
  'check-in': 'checkedInMsg',
  'check-out': 'checkedOutMsg',
  'no-show': 'noShowMsg',
} as const;

function Roster({
  communityId,
  shiftId,
  timeZone,
}: {
  communityId: string;
  shiftId: string;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roster = useShiftRoster(communityId, shiftId);
  const attendance = useAttendance(communityId, shiftId);
  const names = useShiftNames(communityId);
  const roleName = useRoleName(roster.data?.shift.roles.length ?? 1);
  const words = useDayWords();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  // Only the row being changed waits; the leader can tap the next name meanwhile.
  const [busyRows, setBusyRows] = useState<ReadonlySet<string>>(new Set());
  const markBusy = (id: string | undefined, on: boolean) =>
    id &&
    setBusyRows((rows) => {
      const next = new Set(rows);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  useNow(15_000); // re-render so the window line follows the clock
  if (roster.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (roster.error) {
    if (roster.error instanceof ApiError && roster.error.status === 403) return <Forbidden />;
    return <LoadError error={roster.error} onRetry={() => void roster.refetch()} />;
  }
  const { shift, items, canManage } = roster.data;
  // The server's clock decides; the phone's may be wrong. Carry the server's time forward from the fetch.
  const serverNow = Date.parse(roster.data.now) + (Date.now() - roster.dataUpdatedAt);
  const opensAt = Date.parse(roster.data.checkInOpensAt);
  const checkInOpen = serverNow >= opensAt && serverNow <= Date.parse(shift.endsAt);
  const started = serverNow >= Date.parse(shift.startsAt);
  const title = names(shift).title;

  const act = (input: AttendanceInput) => {
    setFeedback(null);
    markBusy(input.signupId, true);
    // mutateAsync, not mutate: with several taps in flight, mutate's callbacks fire only for the last.
    attendance
      .mutateAsync(input)
      .then(
        (entry: TRosterEntry) => {
          const text = t(input.undo ? 'attendance.undoneMsg' : `attendance.${doneMessage[input.kind]}`, {
            name: entry.name,
          });
          setFeedback({ ok: true, text });
          // A tapped row may be far below the banner: say it where the eye is, too.
          if (input.signupId) void message.success(text);
        },
        (error) => {
          setFeedback({ ok: false, text: errorMessage(error) });
          if (input.signupId) void message.error(errorMessage(error));
        },
      )
      .finally(() => markBusy(input.signupId, false));
  };

  const placed = items.filter((e) => e.status === 'confirmed');
  const waiting = items.filter((e) => e.status !== 'confirmed');
  const arrived = placed.filter((e) => ['in', 'out'].includes(rosterState(e))).length;
  const noShows = placed.filter((e) => e.noShow).length;
  const windowText =
    serverNow < opensAt
      ? t('attendance.opensAt', {
          time: formatMoment(roster.data.checkInOpensAt, timeZone, currentLocale(), serverNow, words),
        })
      : checkInOpen
        ? t('attendance.open')
        : t('attendance.closed');
  const row = (entry: TRosterEntry) => (
    <RosterRow
      key={entry.signupId}
      entry={entry}
      roleName={roleName(entry.role)}
      timeZone={timeZone}
      act={canManage ? act : null}
      checkInOpen={checkInOpen}
      started={started}
      busy={busyRows.has(entry.signupId)}
    />
  );

  return (
    <div className="page on-the-day">
      <Link to="/shifts" className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('attendance.back')}
      </Link>
      <header className="roster-head">
        <h1 className="page-title">
          {t('attendance.rosterTitle')}：{title}
        </h1>
        <ShiftWhen shift={shift} timeZone={timeZone} withDay />
        <p className={checkInOpen ? 'roster-window is-open' : 'roster-window'}>{windowText}</p>
        <p className="roster-counts">
          <strong>{t('attendance.counts', { arrived, expected: placed.length })}</strong>
          {noShows > 0 && (
            <span className="badge badge-red">{t('attendance.noShowCount', { count: noShows })}</span>
          )}
        </p>
        <p className="roster-rule">{t('attendance.rule', { minutes: CHECK_IN_OPENS_MINUTES_BEFORE })}</p>
      </header>
      {canManage ? (
        <BadgeScanner
          onToken={(badgeToken) => act({ kind: 'check-in', badgeToken })}
          onInvalid={() => setFeedback({ ok: false, text: t('attendance.tokenInvalid') })}
        />
      ) : (
        <Alert type="info" showIcon title={t('attendance.readOnly')} />
      )}
      <div aria-live="polite" className="roster-feedback-slot">
        {feedback && (
          <p
            className={feedback.ok ? 'roster-feedback is-ok' : 'roster-feedback is-error'}
            data-testid="roster-feedback"
          >
            {feedback.text}
          </p>
        )}
      </div>
      {items.length === 0 ? (
        <p className="panel">{t('attendance.empty')}</p>
      ) : (
        <ul className="roster-list" aria-label={title}>
          {placed.map(row)}
        </ul>
      )}
      {waiting.length > 0 && (
        <section aria-labelledby="waitlist-heading">
          <h2 id="waitlist-heading" className="roster-subhead">
            {t('attendance.waitlistHeading')}
          </h2>
          <ul className="roster-list">{waiting.map(row)}</ul>
        </section>
      )}
    </div>
  );
}
