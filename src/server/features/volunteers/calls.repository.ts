import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { buildings, communities, volunteerCalls, volunteers } from '../../db/schema/index.ts';
import { buildingOrder } from '../registry/buildings.repository.ts';

export async function listCalls(db: Db, communityId: string) {
  return db
    .select({
      id: volunteerCalls.id,
      token: volunteerCalls.token,
      title: volunteerCalls.title,
      createdAt: volunteerCalls.createdAt,
      closedAt: volunteerCalls.closedAt,
      registrations: sql<number>`(select count(*)::int from ${volunteers} v where v.community_id = ${volunteerCalls.communityId} and v.call_id = ${volunteerCalls.id})`,
      slug: communities.slug,
    })
    .from(volunteerCalls)
    .innerJoin(communities, eq(communities.id, volunteerCalls.communityId))
    .where(eq(volunteerCalls.communityId, communityId))
    .orderBy(desc(volunteerCalls.createdAt));
}
export type CallRow = Awaited<ReturnType<typeof listCalls>>[number];

/** The call behind a public link, with its community; undefined when the link is unknown. */
export async function findCallByLink(db: Db, slug: string, token: string) {
  const [row] = await db
    .select({
      communityId: communities.id,
      communityName: communities.name,
      callId: volunteerCalls.id,
      title: volunteerCalls.title,
      closedAt: volunteerCalls.closedAt,
    })
    .from(volunteerCalls)
    .innerJoin(communities, eq(communities.id, volunteerCalls.communityId))
    .where(and(eq(communities.slug, slug), eq(volunteerCalls.token, token)));
  return row;
}

export async function buildingCodes(db: Db, communityId: string) {
  const rows = await db
    .select({ code: buildings.code })
    .from(buildings)
    .where(eq(buildings.communityId, communityId))
    .orderBy(buildingOrder);
  return rows.map((r) => r.code);
}
