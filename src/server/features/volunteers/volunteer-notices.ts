import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { communities } from '../../db/schema/index.ts';
import { notify } from '../../platform/notices.ts';

/** Tells newly approved volunteers they are in, inside the approval's transaction. */
export async function notifyApproved(
  tx: Pick<Db, 'select' | 'insert'>,
  communityId: string,
  accountIds: readonly string[],
  now: Date,
) {
  if (accountIds.length === 0) return;
  const [community] = await tx
    .select({ name: communities.name })
    .from(communities)
    .where(eq(communities.id, communityId));
  await notify(
    tx,
    {
      communityId,
      accountIds,
      kind: 'volunteer.approved',
      params: { community: community?.name ?? '' },
      link: '/shifts',
    },
    now,
  );
}
