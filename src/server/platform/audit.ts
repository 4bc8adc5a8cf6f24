import { auditSummary } from '../../shared/i18n/audit-messages.ts';
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
  /** Parameters of the action's summary sentence (shared/i18n/audit-messages.ts). */
  params: Record<string, string | number>;
}

type Executor = Pick<Db, 'insert'>;

/** The audit log's row for a record, for a caller that sends the insert itself (db/one-message.ts). */
export const auditRow = (record: AuditRecord) => ({
  communityId: record.communityId,
  accountId: record.account?.id ?? null,
  actorName: record.account?.displayName ?? 'system',
  role: record.role,
  action: record.action,
  targetType: record.targetType,
  targetId: record.targetId ?? null,
  // The English sentence is kept for readers of the raw table; the API renders it per reader.
  summary: (auditSummary('en', record.action, record.params) ?? record.action).slice(0, 500),
  data: record.params,
});

/** Appends to the audit log; call it inside the transaction of the change it records. */
export async function audit(tx: Executor, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values(auditRow(record));
}
