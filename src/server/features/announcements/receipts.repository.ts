import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, announcementRecipients, buildings, relayTasks } from '../../db/schema/index.ts';

type Executor = Pick<Db, 'select'>;

/**
 * Everyone an announcement reached, with their building and reading, and how the registry knows them:
 * the resident's name, room and mobile in that building when they live there, else the account's name.
 */
export async function recipientRows(db: Executor, communityId: string, announcementId: string) {
  // one resident row of this account in this building (an account is rarely two residents)
  const resident = (column: 'res.name' | 'res.mobile' | 'h.room') =>
    sql.raw(
      `(select ${column} from residents res join households h on h.community_id = res.community_id and h.id = res.household_id where res.community_id = "announcement_recipients"."community_id" and res.account_id = "announcement_recipients"."account_id" and h.building_id is not distinct from "announcement_recipients"."building_id" order by res.name limit 1)`,
    );
  return db
    .select({
      accountId: announcementRecipients.accountId,
      buildingId: announcementRecipients.buildingId,
      buildingCode: buildings.code,
      readAt: announcementRecipients.readAt,
      name: sql<string>`coalesce(${resident('res.name')}, ${accounts.displayName})`,
      room: sql<string | null>`${resident('h.room')}`,
      mobile: sql<string | null>`coalesce(${resident('res.mobile')}, ${accounts.mobile})`,
    })
    .from(announcementRecipients)
    .innerJoin(accounts, eq(accounts.id, announcementRecipients.accountId))
    .leftJoin(
      buildings,
      and(
        eq(buildings.communityId, announcementRecipients.communityId),
        eq(buildings.id, announcementRecipients.buildingId),
      ),
    )
    .where(
      and(
        eq(announcementRecipients.communityId, communityId),
        eq(announcementRecipients.announcementId, announcementId),
      ),
    );
}

/** The relay tasks made for this announcement, one per building (read only: the relays feature owns them). */
export async function relayRows(db: Executor, communityId: string, announcementId: string) {
  return db
    .select({
      buildingId: relayTasks.buildingId,
      buildingCode: buildings.code,
      relayAccountId: relayTasks.relayAccountId,
      confirmedAt: relayTasks.confirmedAt,
      escalatedAt: relayTasks.escalatedAt,
    })
    .from(relayTasks)
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, relayTasks.communityId), eq(buildings.id, relayTasks.buildingId)),
    )
    .where(
      and(
        eq(relayTasks.communityId, communityId),
        eq(relayTasks.sourceType, 'announcement'),
        eq(relayTasks.sourceId, announcementId),
      ),
    );
}
