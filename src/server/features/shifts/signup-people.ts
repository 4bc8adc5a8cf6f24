import type { Role } from '../../../shared/roles.ts';
import { type Db, fixedStatement } from '../../db/client.ts';
import { BatchedLookup, perDatabase } from '../../platform/batched-lookup.ts';
import { gateMemory, type PersonFacts } from './signup-gate.ts';

/**
 * The people asking for places at the same moment, read in one statement: the first wave of a
 * stampede needs its people at once, before the group's prewarm (a read of everyone) has finished.
 */
const PEOPLE = `
  select m.account_id, array_agg(m.role) as roles, v.status,
    (select array_agg(g.group_id) from group_members g
      where g.community_id = $1 and g.volunteer_id = v.id) as group_ids
  from memberships m
    left join volunteers v on v.community_id = m.community_id and v.account_id = m.account_id
  where m.community_id = $1 and m.account_id in (select json_array_elements_text($2::json)::uuid)
  group by m.account_id, v.id, v.status`;

interface PersonRow {
  account_id: string;
  roles: Role[];
  status: string | null;
  group_ids: string[] | null;
}

type Ask = { communityId: string; accountId: string };

const lookupOf = perDatabase(
  (db: Db) =>
    new BatchedLookup<Ask, PersonFacts>(
      (ask) => `${ask.communityId}/${ask.accountId}`,
      async (asks) => {
        const found = new Map<string, PersonFacts>();
        for (const communityId of new Set(asks.map((a) => a.communityId))) {
          const ids = asks.filter((a) => a.communityId === communityId).map((a) => a.accountId);
          const rows = await fixedStatement<PersonRow>(db, PEOPLE, [communityId, JSON.stringify(ids)]);
          for (const r of rows) {
            const facts = { roles: r.roles, volunteerStatus: r.status, groupIds: r.group_ids ?? [] };
            gateMemory.rememberPerson(communityId, r.account_id, facts);
            found.set(`${communityId}/${r.account_id}`, facts);
          }
        }
        return found;
      },
    ),
);

/** A member's roles, volunteer status and groups; undefined for someone who is not a member. */
export const findSignupPerson = (db: Db, communityId: string, accountId: string) =>
  lookupOf(db).find({ communityId, accountId });
