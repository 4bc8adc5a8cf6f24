import { CloseOutlined } from '@ant-design/icons';
import { Button, Segmented } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RELAY_SOURCES,
  RELAY_STATUSES,
  type RelaySource,
  type RelayStatus,
  type TRelayTask,
  type TRelayTaskList,
} from '../../../shared/api/relay-tasks.ts';
import { useConfirmRelay } from '../../api/relay-tasks.ts';
import { currentLocale } from '../../i18n/index.ts';
import { relayMoment } from './relay-format.ts';

const BUILDINGS_FIRST = 8;
/** Rows shown at once on a phone; more on request (the list holds up to 300). */
const TASKS_PAGE = 20;

export interface RelayFilters {
  status?: RelayStatus;
  source?: RelaySource;
  buildingId?: string;
}

interface Props {
  communityId: string;
  timeZone: string;
  list: TRelayTaskList;
  filters: RelayFilters;
  onFilter: (next: RelayFilters) => void;
}

/**
 * Every building's relays for those who oversee them (coordinators, staff, the publicity group): the
 * day's figures (tap one to filter by it), the kind of thing passed on, the tasks themselves, each
 * confirmable on the relay contact's behalf, and the buildings with the most overdue first.
 */
export function RelayOverview({ communityId, timeZone, list, filters, onFilter }: Props) {
  const { t } = useTranslation();
  const building = list.buildings.find((b) => b.buildingId === filters.buildingId);
  // the most overdue first; the whole compound (125 buildings) only when asked for
  const [allBuildings, setAllBuildings] = useState(false);
  const tasksRef = useRef<HTMLElement>(null);
  const [shownTasks, setShownTasks] = useState(TASKS_PAGE);
  const shownBuildings = allBuildings ? list.buildings : list.buildings.slice(0, BUILDINGS_FIRST);
  return (
    <>
      <section className="panel relay-overview" aria-labelledby="relay-overview-title">
        <h2 id="relay-overview-title" className="visually-hidden">
          {t('relays.filtersLabel')}
        </h2>
        <p className="relay-intro">{t('relays.overviewIntro')}</p>
        <div className="relay-figures">
          {RELAY_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              className={`relay-figure is-${status}`}
              aria-pressed={filters.status === status}
              onClick={() => onFilter({ status: filters.status === status ? undefined : status })}
              data-testid={`relay-figure-${status}`}
            >
              <strong>{list.totals[status]}</strong>
              <span>{t(`relays.figures.${status}`)}</span>
            </button>
          ))}
        </div>
        <Segmented
          block
          className="relay-source-filter"
          aria-label={t('relays.sourceLabel')}
          value={filters.source ?? 'all'}
          onChange={(value) => onFilter({ source: value === 'all' ? undefined : (value as RelaySource) })}
          options={['all' as const, ...RELAY_SOURCES].map((source) => ({
            value: source,
            label: t(`relays.source.${source}`),
          }))}
        />
        {building && (
          <Button
            className="relay-building-chip"
            icon={<CloseOutlined aria-hidden />}
            onClick={() => onFilter({ buildingId: undefined })}
          >
            {t('relays.buildingFilter', { building: building.buildingCode })}
          </Button>
        )}
      </section>
      <section className="panel" aria-labelledby="relay-tasks-title" ref={tasksRef}>
        <h2 id="relay-tasks-title">{t('relays.tasksTitle')}</h2>
        {list.tasks.length === 0 ? (
          <p className="relay-empty">{t('relays.noTasks')}</p>
        ) : (
          <>
            <ul className="relay-rows">
              {list.tasks.slice(0, shownTasks).map((task) => (
                <TaskRow key={task.id} communityId={communityId} timeZone={timeZone} task={task} />
              ))}
            </ul>
            {list.tasks.length > shownTasks && (
              <Button block className="relay-more" onClick={() => setShownTasks((n) => n + TASKS_PAGE)}>
                {t('relays.moreTasks', { count: list.tasks.length - shownTasks })}
              </Button>
            )}
          </>
        )}
      </section>
      {list.buildings.length > 0 && (
        <section className="panel" aria-labelledby="relay-buildings-title">
          <h2 id="relay-buildings-title">{t('relays.buildingsTitle')}</h2>
          <ul className="relay-buildings">
            {shownBuildings.map((b) => (
              <li key={b.buildingId}>
                <button
                  type="button"
                  className="relay-building-row"
                  aria-pressed={filters.buildingId === b.buildingId}
                  onClick={() => {
                    onFilter({ buildingId: filters.buildingId === b.buildingId ? undefined : b.buildingId });
                    // the tasks are above the list: show them, not the row just tapped
                    tasksRef.current?.scrollIntoView({ block: 'start' });
                  }}
                >
                  <span className="relay-building-code">{b.buildingCode}</span>
                  <span className="relay-building-name">{b.relayName ?? t('relays.noRelay')}</span>
                  <span className="relay-building-counts">
                    {RELAY_STATUSES.filter((status) => b[status] > 0).map((status) => (
                      <StatusTag key={status} status={status} count={b[status]} />
                    ))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {list.buildings.length > shownBuildings.length && (
            <Button block className="relay-more" onClick={() => setAllBuildings(true)}>
              {t('relays.allBuildingsShow', { count: list.buildings.length })}
            </Button>
          )}
        </section>
      )}
    </>
  );
}

/** A status in words (and colour, dark enough to read on its tint), with a count in the building list. */
function StatusTag({ status, count }: { status: RelayStatus; count?: number }) {
  const { t } = useTranslation();
  return (
    <span
      className={`relay-tag is-${status}`}
      data-testid={count === undefined ? 'relay-row-status' : undefined}
    >
      {t(`relays.status.${status}`)}
      {count !== undefined && ` ${count}`}
    </span>
  );
}

function TaskRow({
  communityId,
  timeZone,
  task,
}: {
  communityId: string;
  timeZone: string;
  task: TRelayTask;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const confirm = useConfirmRelay(communityId);
  const at = (iso: string) => relayMoment(iso, timeZone, locale);
  return (
    <li className={`relay-row is-${task.status}`} data-testid="relay-row" data-building={task.buildingCode}>
      <div className="relay-row-head">
        <span className="relay-row-building">
          {t('relays.tellBuilding', { building: task.buildingCode })}
        </span>
        <StatusTag status={task.status} />
      </div>
      <p className="relay-row-title">{task.title}</p>
      <p className="relay-row-meta">
        {task.relayName ? t('relays.relayOf', { name: task.relayName }) : t('relays.noRelay')} ·{' '}
        {task.confirmedBy
          ? t(task.confirmedBy.onBehalf ? 'relays.confirmedByOnBehalf' : 'relays.confirmedBy', {
              name: task.confirmedBy.name,
              time: at(task.confirmedAt!),
            })
          : t('relays.askedAt', { time: at(task.createdAt) })}
      </p>
      {task.canConfirm && (
        <Button
          className="relay-row-confirm"
          loading={confirm.isPending}
          onClick={() => confirm.mutate(task.id)}
        >
          {t('relays.passedOnForThem')}
        </Button>
      )}
    </li>
  );
}
