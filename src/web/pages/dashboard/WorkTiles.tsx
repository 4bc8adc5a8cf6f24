import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../shared/api/dashboard.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount, groupName } from '../../lib/format.ts';
import { DashboardTile, Figure, ShareBar } from './DashboardTile.tsx';
import { dayAndTime, formatPercent, waitSpan } from './dashboard-format.ts';
import { LONG_WAIT_HOURS } from './tile-order.ts';

export interface TileProps {
  d: TDashboard;
  link: string | null;
  /** the moment to measure waits from (ms), ticking on the page */
  now: number;
}

/** The story's "2+6+280": committee staff + the volunteer groups + the volunteers, then each group now. */
export function PeopleTile({ d, link }: TileProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const p = d.people;
  const figures = [
    { id: 'staff', value: p.staff, label: t('dashboard.people.staff') },
    { id: 'groups', value: p.groups.length, label: t('dashboard.people.groups') },
    { id: 'volunteers', value: p.volunteers.approved, label: t('dashboard.people.volunteers') },
  ];
  return (
    <DashboardTile
      tile="people"
      title={t('dashboard.people.title')}
      link={link ? { to: link, label: t('dashboard.people.link') } : null}
    >
      {/* said once as a sentence; the big numbers are for the eye */}
      <p className="visually-hidden">
        {t('dashboard.people.headlineLabel', {
          staff: p.staff,
          groups: p.groups.length,
          volunteers: p.volunteers.approved,
        })}
      </p>
      <div className="dash-headline" aria-hidden>
        {figures.map((f, i) => (
          <Fragment key={f.id}>
            {i > 0 && (
              <span className="dash-plus" aria-hidden>
                +
              </span>
            )}
            <Figure value={formatCount(f.value, locale)} label={f.label} testId={`dash-people-${f.id}`} />
          </Fragment>
        ))}
      </div>
      <p className="dash-line">
        <strong data-testid="dash-people-on-shift">
          {t('dashboard.people.onShiftNow', { count: p.onShiftNow })}
        </strong>
        {p.volunteers.pending > 0 && (
          <span className="dash-warn">
            {' '}
            · {t('dashboard.people.pending', { count: p.volunteers.pending })}
          </span>
        )}
      </p>
      <ul className="dash-list dash-groups">
        {p.groups.map((g) => (
          <li key={g.groupId}>
            <span>{groupName(g, locale)}</span>
            <span className={g.onShiftNow > 0 ? 'dash-on-shift' : undefined}>
              {t('dashboard.people.group', { members: g.members, onShift: g.onShiftNow })}
            </span>
          </li>
        ))}
      </ul>
    </DashboardTile>
  );
}

/** Parcels: how many are not yet at their building and for how long, and the day's flow. */
export function ParcelsTile({ d, link, now }: TileProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const p = d.parcels;
  const waited = p.oldestWaitingSince ? now - Date.parse(p.oldestWaitingSince) : 0;
  const late = waited >= LONG_WAIT_HOURS * 3_600_000;
  const span = waitSpan(waited);
  return (
    <DashboardTile
      tile="parcels"
      title={t('dashboard.parcels.title')}
      alert={late}
      link={link ? { to: link, label: t('dashboard.parcels.link') } : null}
    >
      <Figure
        size="large"
        value={formatCount(p.waiting, locale)}
        label={t('dashboard.parcels.waiting')}
        testId="dash-parcels-waiting"
        tone={late ? 'alert' : undefined}
      />
      <p className={late ? 'dash-line dash-alert-text' : 'dash-line'}>
        {p.oldestWaitingSince
          ? t('dashboard.parcels.oldest', {
              time: dayAndTime(p.oldestWaitingSince, d.timeZone, locale),
              span: t(`dashboard.span.${span.unit}`, { count: span.count }),
            })
          : t('dashboard.parcels.allDelivered')}
      </p>
      <div className="dash-figures">
        <Figure
          value={formatCount(p.receivedToday, locale)}
          label={t('dashboard.parcels.receivedToday')}
          testId="dash-parcels-received-today"
        />
        <Figure
          value={formatCount(p.deliveredToday, locale)}
          label={t('dashboard.parcels.deliveredToday')}
          testId="dash-parcels-delivered-today"
        />
        <Figure value={formatCount(p.pickedUpToday, locale)} label={t('dashboard.parcels.pickedUpToday')} />
      </div>
    </DashboardTile>
  );
}

/** Testing: the round under way gate by gate, or what the last one came to. */
export function TestingTile({ d, link }: TileProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { current, last } = d.testing;
  const roundLink = current && link ? `/testing/rounds/${current.roundId}` : link;
  return (
    <DashboardTile
      tile="testing"
      title={t('dashboard.testing.title')}
      link={roundLink ? { to: roundLink, label: t('dashboard.testing.link') } : null}
    >
      {current ? (
        <>
          <p className="dash-line">
            <strong>{t('dashboard.testing.current', { title: current.title })}</strong>
          </p>
          <Figure
            size="large"
            value={formatPercent(current.coverage, locale)}
            label={t('dashboard.testing.tested', { tested: current.tested, expected: current.expected })}
            testId="dash-testing-coverage"
          />
          <ShareBar
            share={current.coverage}
            label={t('dashboard.testing.coverage', { percent: formatPercent(current.coverage, locale) })}
          />
          <h3 className="dash-subtitle">{t('dashboard.testing.gates')}</h3>
          <ul className="dash-list dash-gates">
            {current.gates.map((g) => (
              <li key={g.gateId} data-testid="dash-testing-gate">
                <span className="dash-gate-name">{g.name}</span>
                <span>{t('dashboard.testing.gate', { tested: formatCount(g.tested, locale) })}</span>
                <span className="dash-queue">
                  {g.queue === null
                    ? t('dashboard.testing.queueUnknown')
                    : t('dashboard.testing.queue', { count: g.queue })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : last ? (
        <>
          <p className="dash-line">
            <strong>{t('dashboard.testing.last', { title: last.title })}</strong>
          </p>
          <Figure
            size="large"
            value={formatPercent(last.coverage, locale)}
            label={t('dashboard.testing.tested', { tested: last.tested, expected: last.expected })}
            testId="dash-testing-coverage"
          />
          <p className="dash-line">
            {last.endedAt && last.durationMinutes !== null
              ? t('dashboard.testing.lastDone', {
                  time: dayAndTime(last.endedAt, d.timeZone, locale),
                  minutes: last.durationMinutes,
                })
              : t('dashboard.testing.lastDoneNoTime')}
          </p>
        </>
      ) : (
        <p className="dash-line dash-quiet">{t('dashboard.testing.none')}</p>
      )}
    </DashboardTile>
  );
}
