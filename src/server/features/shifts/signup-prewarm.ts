import { sql } from 'drizzle-orm';
import type { Role } from '../../../shared/roles.ts';
import type { AppDeps } from '../../platform/context.ts';
import { cacheGeneration, rememberAuth } from '../../platform/session-cache.ts';
import { type SessionSqlRow, sessionFromRow } from '../../platform/session-lookup.ts';
import { gateMemory } from './signup-gate.ts';

/**
 * 预热: when a shift's places are looked at afresh, everyone who may ask for them in the next seconds
 * is looked at too, in two statements for the whole group, instead of two statements per person on
 * their first request in the rush. It only fills the same memories the requests would fill.
 */
const REWARM_AFTER_MS = 4_000;
const lastWarmed = new Map<string, number>();
const warming = new Map<string, Promise<void>>();

interface PersonRow {
  account_id: string;
  status: string;
  roles: Role[] | null;
  group_ids: string[] | null;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Requests arriving while the group is being looked at wait for that one look rather than start
 * another. They wait only for the people; the sessions are remembered for the requests after them.
 */
export async function prewarmGroup(deps: AppDeps, communityId: string, groupId: string) {
  const key = `${communityId}/${groupId}`;
  const inFlight = warming.get(key);
  if (inFlight) return inFlight;
  const since = lastWarmed.get(key);
  if (since !== undefined && performance.now() - since < REWARM_AFTER_MS) return;
  lastWarmed.set(key, performance.now());
  const run = warmPeople(deps, communityId, groupId).finally(() => warming.delete(key));
  warming.set(key, run);
  void run.then(() => warmSessions(deps, communityId, groupId)).catch(() => {});
  return run;
}

async function warmPeople(deps: AppDeps, communityId: string, groupId: string) {
  const people = rowsOf<PersonRow>(
    await deps.db.execute(sql`
      select v.account_id, v.status,
        (select array_agg(m.role) from memberships m
          where m.community_id = ${communityId} and m.account_id = v.account_id) as roles,
        (select array_agg(g.group_id) from group_members g
          where g.community_id = ${communityId} and g.volunteer_id = v.id) as group_ids
      from group_members gm join volunteers v on v.community_id = gm.community_id and v.id = gm.volunteer_id
      where gm.community_id = ${communityId} and gm.group_id = ${groupId}`),
  );
  for (const p of people) {
    if (!p.roles?.length) continue;
    gateMemory.rememberPerson(communityId, p.account_id, {
      roles: p.roles,
      volunteerStatus: p.status,
      groupIds: p.group_ids ?? [],
    });
  }
}

async function warmSessions(deps: AppDeps, communityId: string, groupId: string) {
  const now = deps.clock.now();
  const generation = cacheGeneration(deps.db);
  const sessions = rowsOf<SessionSqlRow>(
    await deps.db.execute(sql`
      select s.token_hash, s.csrf_token, s.last_seen_at, s.expires_at, a.id, a.username, a.display_name, a.locale,
        a.is_platform_admin, a.is_demo
      from group_members gm
        join volunteers v on v.community_id = gm.community_id and v.id = gm.volunteer_id
        join sessions s on s.account_id = v.account_id
        join accounts a on a.id = s.account_id
      where gm.community_id = ${communityId} and gm.group_id = ${groupId}
        and s.revoked_at is null and s.expires_at > ${now} and a.disabled_at is null`),
  );
  for (const row of sessions) {
    const { csrfToken, expiresAt, account } = sessionFromRow(row);
    rememberAuth(deps.db, { tokenHash: row.token_hash, csrfToken, account }, now, expiresAt, generation);
  }
}
