import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema/index.ts';

export interface Notice {
  communityId: string;
  /** the accounts to tell; each gets its own outbox row per channel */
  accountIds: readonly string[];
  /** template key in shared/i18n/notice-messages.ts */
  kind: string;
  params: Record<string, string | number>;
  /** the in-app path the notice is about */
  link?: string | null;
  /** critical notices ignore quiet hours */
  critical?: boolean;
  /**
   * Channels besides the inbox, which every notice goes to (platform/notice-channels.ts). Until
   * people choose their channels (issue 9), a caller names them; each gets its own outbox row.
   */
  channels?: readonly string[];
}

type Executor = Pick<Db, 'insert'>;

/**
 * Queues a notice in the outbox. Call it inside the transaction of the change that causes it, so the
 * notice exists exactly when the change does; the notice worker delivers it afterwards.
 */
export async function notify(tx: Executor, notice: Notice, now: Date): Promise<void> {
  const accountIds = [...new Set(notice.accountIds)];
  if (accountIds.length === 0) return;
  const channels = [...new Set(['inbox', ...(notice.channels ?? [])])];
  await tx.insert(outbox).values(
    accountIds.flatMap((accountId) =>
      channels.map((channel) => ({
        communityId: notice.communityId,
        accountId,
        kind: notice.kind,
        params: notice.params,
        link: notice.link ?? null,
        critical: notice.critical ?? false,
        channel,
        nextAttemptAt: now,
        createdAt: now,
      })),
    ),
  );
}
