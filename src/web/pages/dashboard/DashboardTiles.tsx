import type { ComponentType } from 'react';
import type { TDashboard } from '../../../shared/api/dashboard.ts';
import { DisinfectionTile, GroupBuysTile, MedicineTile, RelaysTile } from './CareTiles.tsx';
import type { TileKey } from './tile-order.ts';
import { ParcelsTile, PeopleTile, TestingTile, type TileProps } from './WorkTiles.tsx';

const TILE: Record<TileKey, ComponentType<TileProps>> = {
  people: PeopleTile,
  parcels: ParcelsTile,
  testing: TestingTile,
  medicine: MedicineTile,
  groupBuys: GroupBuysTile,
  disinfection: DisinfectionTile,
  relays: RelaysTile,
};

interface Props {
  d: TDashboard;
  order: readonly TileKey[];
  links: Record<TileKey, string | null>;
  now: number;
  className: string;
  label: string;
}

/** The tiles in the given order (the phone's urgency order, or the big screen's fixed places). */
export function DashboardTiles({ d, order, links, now, className, label }: Props) {
  return (
    <section className={className} aria-label={label}>
      {order.map((key) => {
        const Tile = TILE[key];
        return <Tile key={key} d={d} link={links[key]} now={now} />;
      })}
    </section>
  );
}
