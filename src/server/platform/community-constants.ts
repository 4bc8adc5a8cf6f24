import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communities } from '../db/schema/index.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

interface Constants {
  timeZone: string;
  slug: string;
}

/**
 * What never changes about a community once it exists: its time zone and its slug (no operation
 * changes them). Kept per process once read: nearly every request that speaks of "today" needs the
 * zone, and a gate scan or a notice list paid a statement for it each time. Ids are random UUIDs, so
 * one map serves every database of a process (tests' copies of one demo hold the same values).
 * A community not found is not remembered.
 */
const known = new Map<string, Constants>();
const MAX_ENTRIES = 10_000;

export async function communityConstants(
  db: Pick<Db, 'select'>,
  communityId: string,
): Promise<Constants | undefined> {
  const kept = known.get(communityId);
  if (kept) return kept;
  const [row] = await db
    .select({ timeZone: communities.timezone, slug: communities.slug })
    .from(communities)
    .where(eq(communities.id, communityId));
  if (!row) return undefined;
  if (known.size >= MAX_ENTRIES) known.delete(known.keys().next().value!);
  known.set(communityId, row);
  return row;
}

/** The community's time zone (Asia/Shanghai for a community not found). */
export async function communityTimeZone(db: Pick<Db, 'select'>, communityId: string): Promise<string> {
  return (await communityConstants(db, communityId))?.timeZone ?? DEFAULT_TIME_ZONE;
}
