import { Button, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClearanceBin } from '../../../shared/api/parcel-clearance.ts';
import { useNow } from '../../lib/useNow.ts';
import { type BoardSort, isBusy, outstanding, sortBins, waitAge } from './board-format.ts';

/** Rows shown before "show all": the buildings that need the crew first, by the chosen order. */
const FIRST_ROWS = 12;

/**
 * Each building's line of the board, the unassigned bin first when it holds anything. Quiet buildings
 * (nothing that day, nothing left) and all but the first rows are folded away: a compound has 125.
 */
export function BoardBuildings({
  unassigned,
  buildings,
}: {
  unassigned: TClearanceBin;
  buildings: TClearanceBin[];
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<BoardSort>('waiting');
  const [expanded, setExpanded] = useState(false);
  const busy = buildings.filter(isBusy);
  const sorted = sortBins(expanded ? buildings : busy, sort);
  const shown = expanded ? sorted : sorted.slice(0, FIRST_ROWS);
  const hidden = buildings.length - shown.length;
  return (
    <section className="board-buildings" aria-labelledby="board-buildings-title">
      <div className="board-section-head">
        <h2 id="board-buildings-title">{t('parcelBoard.buildings')}</h2>
        <Segmented<BoardSort>
          aria-label={t('parcelBoard.sortBy')}
          className="board-sort"
          value={sort}
          onChange={setSort}
          options={[
            { value: 'waiting', label: t('parcelBoard.sortWaiting') },
            { value: 'oldest', label: t('parcelBoard.sortOldest') },
          ]}
        />
      </div>
      <ul className="board-list">
        {isBusy(unassigned) && <BinRow bin={unassigned} />}
        {shown.map((bin) => (
          <BinRow key={bin.buildingId} bin={bin} />
        ))}
      </ul>
      {!expanded && buildings.length > busy.length && (
        <p className="page-note">
          {t('parcelBoard.quietBuildings', { count: buildings.length - busy.length })}
        </p>
      )}
      {(expanded || hidden > 0) && (
        <Button size="large" className="board-toggle" onClick={() => setExpanded((on) => !on)}>
          {expanded ? t('parcelBoard.showFewer') : t('parcelBoard.showAll', { count: buildings.length })}
        </Button>
      )}
    </section>
  );
}

type FactKey = 'rowReceived' | 'rowDelivered' | 'rowPickedUp' | 'rowCarried' | 'rowFlagged';

function BinRow({ bin }: { bin: TClearanceBin }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const left = outstanding(bin);
  const name = bin.buildingId
    ? t('parcelBoard.building', { code: bin.buildingCode })
    : t('parcelBoard.unassigned');
  const facts: [FactKey, number][] = [
    ['rowReceived', bin.received],
    ['rowDelivered', bin.delivered],
    ['rowPickedUp', bin.pickedUp],
    ['rowCarried', bin.carriedOver],
    ['rowFlagged', bin.flagged],
  ];
  return (
    <li
      className={`board-row${left > 0 ? ' is-open' : ''}${bin.buildingId ? '' : ' is-unassigned'}`}
      data-testid={bin.buildingId ? `board-row-${bin.buildingCode}` : 'board-row-unassigned'}
    >
      <h3 className="board-row-name">{name}</h3>
      <p className="board-row-state">
        {left > 0 ? (
          <>
            {bin.waiting > 0 && (
              <span className="is-waiting">{t('parcelBoard.rowWaiting', { count: bin.waiting })}</span>
            )}
            {bin.onRun > 0 && (
              <span className="is-on-run">{t('parcelBoard.rowOnRun', { count: bin.onRun })}</span>
            )}
          </>
        ) : (
          <span className="is-cleared">{t('parcelBoard.rowCleared')}</span>
        )}
      </p>
      <p className="board-row-facts">
        {facts
          .filter(([key, n]) => n > 0 || key === 'rowReceived' || key === 'rowDelivered')
          .map(([key, n]) => (
            <span key={key} className={key === 'rowFlagged' ? 'is-flagged' : undefined}>
              {t(`parcelBoard.${key}`, { count: n })}
            </span>
          ))}
        {bin.oldestWaitingAt && (
          <span className="is-oldest">
            {t('parcelBoard.rowOldest', { age: waitAge(t, bin.oldestWaitingAt, now) })}
          </span>
        )}
      </p>
    </li>
  );
}
