import { and, asc, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedRead } from '../../db/read-together.ts';
import { buildings, households, parcels, residents } from '../../db/schema/index.ts';
import { perDatabase } from '../../platform/batched-lookup.ts';
import { pickupColumns, withBuilding } from './pickup.repository.ts';

const communityId = sql.placeholder('communityId');
const accountId = sql.placeholder('accountId');
const since = sql.placeholder('since');

/**
 * A resident's own parcels, the page residents open most: its three reads are built once per database
 * and, on PostgreSQL, parsed and planned once per connection (named statements). Planning them took
 * several times as long as running them. They are sent together (readTogether) when read together.
 */
const myReads = perDatabase((db: Db) => ({
  households: db
    .selectDistinct({
      id: households.id,
      buildingId: households.buildingId,
      buildingCode: buildings.code,
      room: households.room,
    })
    .from(residents)
    .innerJoin(
      households,
      and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
    )
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
    )
    .where(and(eq(residents.communityId, communityId), eq(residents.accountId, accountId)))
    .prepare('my_parcels_households'),
  // The same households as above, named by the account, so that both reads need no list of ids.
  parcels: db
    .select(pickupColumns)
    .from(parcels)
    .leftJoin(buildings, withBuilding)
    .where(
      and(
        eq(parcels.communityId, communityId),
        sql`${parcels.householdId} in (select r.household_id from ${residents} r
          where r.community_id = ${communityId} and r.account_id = ${accountId})`,
        or(
          inArray(parcels.status, ['waiting', 'on_run', 'delivered']),
          gte(parcels.receivedAt, since),
          gte(parcels.pickedUpAt, since),
        ),
      ),
    )
    .orderBy(desc(parcels.receivedAt), asc(parcels.waybill), asc(parcels.id))
    .prepare('my_parcels_parcels'),
  relayBuildings: db
    .select({ id: buildings.id, code: buildings.code })
    .from(buildings)
    .innerJoin(
      residents,
      and(eq(residents.communityId, buildings.communityId), eq(residents.id, buildings.relayResidentId)),
    )
    .where(and(eq(buildings.communityId, communityId), eq(residents.accountId, accountId)))
    .prepare('my_parcels_relay_buildings'),
}));

const who = (community: string, account: string) => ({ communityId: community, accountId: account });

/** The households the account lives in (through its resident rows), with where they are. */
export const myHouseholds = (db: Db, community: string, account: string) =>
  preparedRead(myReads(db).households, who(community, account));

/**
 * The account's households' parcels worth showing: everything still on its way or waiting at the
 * building, and what arrived or was picked up since `from`.
 */
export const myParcelsSince = (db: Db, community: string, account: string, from: Date) =>
  preparedRead(myReads(db).parcels, { ...who(community, account), since: from });

/** The buildings whose relay contact (楼组长) is a resident signed in as this account. */
export const myRelayBuildings = (db: Db, community: string, account: string) =>
  preparedRead(myReads(db).relayBuildings, who(community, account));
