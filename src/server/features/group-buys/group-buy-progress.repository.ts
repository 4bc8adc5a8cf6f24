import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { groupBuyDrops, groupBuyOrderLines, groupBuyOrders, households } from '../../db/schema/index.ts';

export interface DistributionProgress {
  /** buildings with goods to hand out: at least one unit shared out to an active order of theirs */
  buildings: number;
  /** of those, the buildings whose drop is recorded */
  buildingsDone: number;
}

/**
 * How far the hand-out of several campaigns has come, in one statement: the buildings the distribution
 * list shows (group-buy-distribution.presenter.ts: a building is listed when an active order of it gets
 * at least one unit) and those of them with a drop (distributedAt set). Campaigns without any are absent.
 */
export async function distributionProgress(
  db: Pick<Db, 'execute'>,
  communityId: string,
  groupBuyIds: string[],
): Promise<Map<string, DistributionProgress>> {
  if (groupBuyIds.length === 0) return new Map();
  const ids = sql.join(
    groupBuyIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute(sql`
    select o.group_buy_id as "groupBuyId", count(distinct h.building_id)::int as buildings,
      count(distinct h.building_id) filter (where d.building_id is not null)::int as "buildingsDone"
    from ${groupBuyOrders} o
    join ${groupBuyOrderLines} l on l.community_id = o.community_id and l.order_id = o.id
    join ${households} h on h.community_id = o.community_id and h.id = o.household_id
    left join ${groupBuyDrops} d on d.community_id = o.community_id and d.group_buy_id = o.group_buy_id
      and d.building_id = h.building_id
    where o.community_id = ${communityId} and o.group_buy_id in (${ids})
      and o.status = 'active' and l.allocated > 0
    group by o.group_buy_id`);
  const rows = (result as unknown as { rows: ({ groupBuyId: string } & DistributionProgress)[] }).rows;
  return new Map(
    rows.map((r) => [
      r.groupBuyId,
      { buildings: Number(r.buildings), buildingsDone: Number(r.buildingsDone) },
    ]),
  );
}
