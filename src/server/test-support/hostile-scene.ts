// The community the hostile-input walk runs in: the dashboard tests' small compound (a bit of every
// feature, made through the features' own endpoints), and the real ids its path parameters take.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { dashboardScene, seedToday, seedYesterday } from '../features/dashboard/dashboard.test-support.ts';
import type { Session, TestApp } from './test-app.ts';

/** Which table a path parameter names, by the segment before it (`…/buildings/{id}`). */
const TABLES: Record<string, string> = {
  'buildings/{id}': 'buildings',
  'buildings/{buildingId}': 'buildings',
  'residents/{id}': 'residents',
  'roster-imports/{id}': 'roster_imports',
  'dead-letters/{id}': 'outbox',
  'volunteer-calls/{callId}': 'volunteer_calls',
  'volunteers/{id}': 'volunteers',
  'groups/{groupId}': 'volunteer_groups',
  'shifts/{shiftId}': 'shifts',
  'signups/{signupId}': 'shift_signups',
  'shift-templates/{templateId}': 'shift_templates',
  'testing-rounds/{roundId}': 'testing_rounds',
  'tubes/{tubeId}': 'testing_tubes',
  'gates/{gateId}': 'gates',
  'delivery-runs/{runId}': 'delivery_runs',
  'medicine-requests/{requestId}': 'medicine_requests',
  'attachments/{attachmentId}': 'medicine_attachments',
  'group-buys/{groupBuyId}': 'group_buys',
  'orders/{orderId}': 'group_buy_orders',
  'areas/{areaId}': 'disinfection_areas',
  'tasks/{taskId}': 'disinfection_tasks',
  'relay-tasks/{taskId}': 'relay_tasks',
  'meetings/{meetingId}': 'committee_meetings',
  'action-items/{actionItemId}': 'action_items',
  'announcements/{announcementId}': 'announcements',
};

/** Children are picked inside the parent chosen for the same URL. */
const PARENT: Record<string, string> = {
  group_buy_orders: 'group_buy_id',
  testing_tubes: 'round_id',
  medicine_attachments: 'request_id',
};

/** A parent is picked among those that have children (child table, its column), so the child's URL is a real one. */
const WITH_CHILDREN: Record<string, [string, string]> = {
  group_buys: ['group_buy_orders', 'group_buy_id'],
  testing_rounds: ['testing_tubes', 'round_id'],
  medicine_requests: ['medicine_attachments', 'request_id'],
};

export interface HostileScene {
  communityId: string;
  /** Sessions to try in turn until one is not refused for its role. */
  sessions: [string, Session][];
  /** The real id a path parameter of `path` takes (a fresh uuid when the scene has none). */
  idsFor(path: string): Promise<(name: string) => string>;
}

export async function hostileScene(t: TestApp): Promise<HostileScene> {
  const x = await dashboardScene(t);
  await seedToday(t, x, await seedYesterday(t, x));
  const a = x.a;
  const rows = async (query: ReturnType<typeof sql>) =>
    (await t.deps.db.execute(query)) as unknown as { rows: Record<string, string>[] };
  const first = async (table: string, where = sql``) => {
    const found = await rows(
      sql`select id::text as id from ${sql.identifier(table)} where community_id = ${a} ${where} order by id limit 1`,
    );
    return found.rows[0]?.id ?? randomUUID();
  };
  const call = (await rows(sql`select token from volunteer_calls where community_id = ${a} limit 1`)).rows[0];
  const volunteer = (await rows(sql`select calendar_token from volunteers where community_id = ${a} limit 1`))
    .rows[0];
  const fixed: Record<string, string> = {
    communityId: a,
    seq: '1',
    day: '2026-04-09',
    slug: 'community-a',
    token: call?.token ?? 'abcdefgh12345678',
  };
  const sessionOrder = [
    'coordinator',
    'staff',
    'gbLeader',
    'rider',
    'swab',
    'gbMember',
    'resident',
    'viewer',
  ];
  return {
    communityId: a,
    sessions: sessionOrder.filter((k) => x.s[k]).map((k) => [k, x.s[k]!]),
    async idsFor(path) {
      const ids: Record<string, string> = { ...fixed };
      if (path.startsWith('/api/calendar/')) ids.token = volunteer?.calendar_token ?? 'abcdefgh12345678';
      for (const [, segment, name] of path.matchAll(/([\w-]+)\/\{(\w+)\}/g)) {
        if (name! in fixed) continue;
        const chosen = TABLES[`${segment}/{${name}}`];
        if (!chosen) {
          ids[name!] = randomUUID();
          continue;
        }
        const parentColumn = PARENT[chosen];
        const parentId = parentColumn ? Object.values(ids).at(-1) : undefined;
        const [child, column] = WITH_CHILDREN[chosen] ?? [];
        const where = parentId
          ? sql`and ${sql.identifier(parentColumn!)} = ${parentId}::uuid`
          : child
            ? sql`and id in (select ${sql.identifier(column!)} from ${sql.identifier(child)})`
            : sql``;
        ids[name!] = await first(chosen, where);
      }
      return (name) => ids[name] ?? randomUUID();
    },
  };
}
