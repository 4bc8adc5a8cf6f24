import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TWeekFigures } from '../../../shared/api/committee.ts';
import { DEFAULT_GROUPS } from '../../../shared/groups.ts';
import { formatDateTime } from '../../lib/time.ts';
import { percentOf } from './committee-format.ts';

interface Figure {
  id: string;
  label: string;
  value: number;
  /** red when above zero: something left undone */
  alarm?: boolean;
}

function Tile({
  title,
  main,
  rest,
  children,
}: {
  title: string;
  main: Figure;
  rest: Figure[];
  children?: ReactNode;
}) {
  const cell = (f: Figure) => (
    <div key={f.id} className={f.alarm && f.value > 0 ? 'is-alarm' : undefined}>
      <dt>{f.label}</dt>
      <dd data-testid={`figure-${f.id}`}>{f.value.toLocaleString()}</dd>
    </div>
  );
  return (
    <section className="cm-tile" aria-label={title}>
      <h3>{title}</h3>
      <p className="cm-tile-main">
        <span className="cm-tile-value" data-testid={`figure-${main.id}`}>
          {main.value.toLocaleString()}
        </span>
        <span className="cm-tile-label">{main.label}</span>
      </p>
      <dl className="cm-tile-rest">{rest.map(cell)}</dl>
      {children}
    </section>
  );
}

/** The week's figures as tiles, one per group's work, then volunteer hours per group. */
export function WeekFigureTiles({ figures, timeZone }: { figures: TWeekFigures; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const f = figures;
  const requested = f.medicine.requested.critical + f.medicine.requested.high + f.medicine.requested.normal;
  const groupName = (g: { key: string; name: string }) => {
    const known = DEFAULT_GROUPS.find((d) => d.key === g.key && d.name === g.name);
    return i18n.language === 'en' && known ? known.nameEn : g.name;
  };
  return (
    <section className="panel cm-figures" aria-labelledby="cm-figures-title">
      <h2 id="cm-figures-title">{t('committee.figures.title')}</h2>
      <div className="cm-tiles">
        <Tile
          title={t('committee.figures.parcels')}
          main={{ id: 'parcels-received', label: t('committee.figures.received'), value: f.parcels.received }}
          rest={[
            { id: 'parcels-delivered', label: t('committee.figures.delivered'), value: f.parcels.delivered },
            { id: 'parcels-picked-up', label: t('committee.figures.pickedUp'), value: f.parcels.pickedUp },
            {
              id: 'parcels-waiting',
              label: t('committee.figures.waiting'),
              value: f.parcels.waitingAtWeekEnd,
              alarm: true,
            },
          ]}
        />
        <Tile
          title={t('committee.figures.testing')}
          main={{ id: 'testing-rounds', label: t('committee.figures.rounds'), value: f.testing.roundsRun }}
          rest={[{ id: 'testing-samples', label: t('committee.figures.samples'), value: f.testing.samples }]}
        >
          <ul className="cm-tile-notes">
            {f.testing.rounds.length === 0 && <li>{t('committee.figures.noRounds')}</li>}
            {f.testing.rounds.map((r) => (
              <li key={r.roundId}>
                {t('committee.figures.coverage', {
                  title: r.title,
                  percent: percentOf(r.tested, r.expected),
                  tested: r.tested.toLocaleString(),
                  expected: r.expected.toLocaleString(),
                })}
              </li>
            ))}
          </ul>
        </Tile>
        <Tile
          title={t('committee.figures.medicine')}
          main={{ id: 'medicine-requested', label: t('committee.figures.requested'), value: requested }}
          rest={[
            {
              id: 'medicine-delivered',
              label: t('committee.figures.medicineDelivered'),
              value: f.medicine.delivered,
            },
            {
              id: 'medicine-overdue',
              label: t('committee.figures.overdue'),
              value: f.medicine.overdue,
              alarm: true,
            },
          ]}
        >
          <p className="cm-tile-notes">{t('committee.figures.urgency', f.medicine.requested)}</p>
        </Tile>
        <Tile
          title={t('committee.figures.groupBuys')}
          main={{ id: 'group-buys-opened', label: t('committee.figures.opened'), value: f.groupBuys.opened }}
          rest={[
            {
              id: 'group-buys-allocated',
              label: t('committee.figures.allocated'),
              value: f.groupBuys.allocated,
            },
            {
              id: 'group-buys-failed',
              label: t('committee.figures.failed'),
              value: f.groupBuys.failed,
              alarm: true,
            },
            { id: 'group-buys-orders', label: t('committee.figures.orders'), value: f.groupBuys.orders },
          ]}
        />
        <Tile
          title={t('committee.figures.volunteers')}
          main={{ id: 'volunteer-hours', label: t('committee.figures.hours'), value: f.volunteers.hours }}
          rest={[
            {
              id: 'volunteer-shifts',
              label: t('committee.figures.shiftsDone'),
              value: f.volunteers.shiftsDone,
            },
            {
              id: 'volunteer-no-shows',
              label: t('committee.figures.noShows'),
              value: f.volunteers.noShows,
              alarm: true,
            },
          ]}
        />
      </div>
      <table className="cm-groups">
        <caption>{t('committee.figures.byGroup')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('committee.figures.group')}</th>
            <th scope="col">{t('committee.figures.colShifts')}</th>
            <th scope="col">{t('committee.figures.colHours')}</th>
            <th scope="col">{t('committee.figures.colNoShows')}</th>
          </tr>
        </thead>
        <tbody>
          {f.volunteers.groups.map((g) => (
            <tr key={g.groupId}>
              <th scope="row">{groupName(g)}</th>
              <td>{g.shiftsDone}</td>
              <td>{g.hours}</td>
              <td>{g.noShows}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="page-note">
        {t('committee.figures.takenAt', { at: formatDateTime(f.takenAt, timeZone, i18n.language) })}
      </p>
    </section>
  );
}
