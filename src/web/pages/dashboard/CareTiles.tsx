import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { buildingLabel } from '../../lib/registry-format.ts';
import { DashboardTile, Figure, ShareBar } from './DashboardTile.tsx';
import { dayAndTime, listOf } from './dashboard-format.ts';
import type { TileProps } from './WorkTiles.tsx';

type Urgency = 'critical' | 'high' | 'normal';
/** Buildings named on the relays tile; past this, how many in all (a list of 75 helps nobody). */
const BUILDINGS_NAMED = 8;
type Status = 'requested' | 'triaged' | 'assigned' | 'purchasing' | 'delivered';

/** Medicine: the overdue count on top, then open requests by urgency and the most urgent few. */
export function MedicineTile({ d, link }: TileProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const m = d.medicine;
  const open = m.open.critical + m.open.high + m.open.normal;
  return (
    <DashboardTile
      tile="medicine"
      title={t('dashboard.medicine.title')}
      alert={m.overdue > 0}
      link={link ? { to: link, label: t('dashboard.medicine.link') } : null}
    >
      <div className="dash-figures">
        <Figure
          size="large"
          value={formatCount(m.overdue, locale)}
          label={t('dashboard.medicine.overdue')}
          testId="dash-medicine-overdue"
          tone={m.overdue > 0 ? 'alert' : 'good'}
        />
        <Figure
          size="large"
          value={formatCount(open, locale)}
          label={t('dashboard.medicine.open')}
          testId="dash-medicine-open"
        />
      </div>
      <p className="dash-line">{t('dashboard.medicine.openByUrgency', m.open)}</p>
      {m.top.length === 0 ? (
        <p className="dash-line dash-quiet">{t('dashboard.medicine.none')}</p>
      ) : (
        <>
          <h3 className="dash-subtitle">{t('dashboard.medicine.top')}</h3>
          <ul className="dash-list dash-requests">
            {m.top.map((r) => {
              const text = t('dashboard.medicine.request', {
                urgency: t(`medicineWork.urgency.${r.urgency as Urgency}`),
                status: t(`medicineWork.status.${r.status as Status}`),
              });
              return (
                <li
                  key={r.id}
                  className={r.overdue ? 'is-overdue' : undefined}
                  data-testid="dash-medicine-request"
                >
                  {link ? <Link to={`/medicine/requests/${r.id}`}>{text}</Link> : <span>{text}</span>}
                  <span className={r.overdue ? 'dash-alert-text' : 'dash-quiet'}>
                    {r.overdue
                      ? t('medicineWork.overdue')
                      : r.dueAt
                        ? t('dashboard.medicine.due', { time: dayAndTime(r.dueAt, d.timeZone, locale) })
                        : t('dashboard.medicine.noDeadline')}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </DashboardTile>
  );
}

/** Group buying: campaigns taking orders, and those being handed out building by building. */
export function GroupBuysTile({ d, link }: TileProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const g = d.groupBuys;
  const to = (id: string) => (link ? `/group-buys/${id}` : null);
  return (
    <DashboardTile
      tile="groupBuys"
      title={t('dashboard.groupBuys.title')}
      link={link ? { to: link, label: t('dashboard.groupBuys.link') } : null}
    >
      {g.open.length === 0 && g.inDistribution.length === 0 && (
        <p className="dash-line dash-quiet">{t('dashboard.groupBuys.none')}</p>
      )}
      {g.inDistribution.length > 0 && (
        <>
          <h3 className="dash-subtitle">{t('dashboard.groupBuys.distributing')}</h3>
          <ul className="dash-list dash-campaigns">
            {g.inDistribution.map((c) => {
              const done = t('dashboard.groupBuys.buildings', { done: c.buildingsDone, total: c.buildings });
              return (
                <li key={c.id}>
                  <MaybeLink to={to(c.id)} text={c.title} />
                  <span>{done}</span>
                  <ShareBar
                    share={c.buildings ? c.buildingsDone / c.buildings : 0}
                    label={`${c.title} ${done}`}
                  />
                </li>
              );
            })}
          </ul>
        </>
      )}
      {g.open.length > 0 && (
        <>
          <h3 className="dash-subtitle">{t('dashboard.groupBuys.open')}</h3>
          <ul className="dash-list dash-campaigns">
            {g.open.map((c) => (
              <li key={c.id}>
                <MaybeLink to={to(c.id)} text={c.title} />
                <span className="dash-quiet">
                  {t('dashboard.groupBuys.closes', {
                    time: dayAndTime(c.closesAt, d.timeZone, locale),
                    count: c.households,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </DashboardTile>
  );
}

function MaybeLink({ to, text }: { to: string | null; text: string }) {
  return to ? (
    <Link to={to} className="dash-item-title">
      {text}
    </Link>
  ) : (
    <span className="dash-item-title">{text}</span>
  );
}

/** Disinfection: today's rounds done, and the areas overdue by name. */
export function DisinfectionTile({ d, link }: TileProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const x = d.disinfection;
  return (
    <DashboardTile
      tile="disinfection"
      title={t('dashboard.disinfection.title')}
      alert={x.overdue > 0}
      link={link ? { to: link, label: t('dashboard.disinfection.link') } : null}
    >
      <div className="dash-figures">
        <Figure
          size="large"
          value={formatCount(x.overdue, locale)}
          label={t('dashboard.disinfection.overdue')}
          testId="dash-disinfection-overdue"
          tone={x.overdue > 0 ? 'alert' : 'good'}
        />
      </div>
      <p className="dash-line">
        {t('dashboard.disinfection.summary', { done: x.doneToday, due: x.dueToday })}
      </p>
      <p className={x.overdueAreas.length > 0 ? 'dash-line dash-alert-text' : 'dash-line dash-quiet'}>
        {x.overdueAreas.length > 0
          ? t('dashboard.disinfection.overdueAreas', {
              list: listOf(
                x.overdueAreas.map((a) => a.name),
                locale,
              ),
            })
          : t('dashboard.disinfection.noneOverdue')}
      </p>
    </DashboardTile>
  );
}

/** Relays (楼组转达): announcements the buildings' contacts have not confirmed passing on. */
export function RelaysTile({ d, link }: TileProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const r = d.relays;
  return (
    <DashboardTile
      tile="relays"
      title={t('dashboard.relays.title')}
      alert={r.escalated > 0}
      link={link ? { to: link, label: t('dashboard.relays.link') } : null}
    >
      <div className="dash-figures">
        <Figure
          size="large"
          value={formatCount(r.unconfirmed, locale)}
          label={t('dashboard.relays.unconfirmed')}
          testId="dash-relays-unconfirmed"
        />
        <Figure
          value={formatCount(r.escalated, locale)}
          label={t('dashboard.relays.escalated')}
          tone={r.escalated > 0 ? 'alert' : undefined}
        />
      </div>
      <p className="dash-line dash-quiet">
        {r.buildings.length === 0
          ? t('dashboard.relays.allConfirmed')
          : t(
              r.buildings.length > BUILDINGS_NAMED
                ? 'dashboard.relays.buildingsMore'
                : 'dashboard.relays.buildings',
              {
                list: listOf(
                  r.buildings.slice(0, BUILDINGS_NAMED).map((code) => buildingLabel(code, locale)),
                  locale,
                ),
                count: r.buildings.length,
              },
            )}
      </p>
    </DashboardTile>
  );
}
