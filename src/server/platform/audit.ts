import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import type { PolicyRole } from './authorize.ts';
import type { SignedInAccount } from './context.ts';

export interface AuditRecord {
  communityId: string;
  account: Pick<SignedInAccount, 'id' | 'displayName'> | null;
  role: PolicyRole | 'system';
  action: string;
  targetType: string;
  targetId?: string | null;
  summary: string;
  data?: unknown;
}

type Executor = Pick<Db, 'insert'>;

/** Appends to the audit log; call it inside the transaction of the change it records. */
export async function audit(tx: Executor, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    communityId: record.communityId,
    accountId: record.account?.id ?? null,
    actorName: record.account?.displayName ?? 'system',
    role: record.role,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId ?? null,
    summary: record.summary.slice(0, 500),
    data: record.data ?? null,
  });
}
