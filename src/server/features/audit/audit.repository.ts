import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { TAuditQuery } from '../../../shared/api/audit.ts';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';

export async function listAudit(db: Db, communityId: string, q: TAuditQuery) {
  const where: SQL[] = [eq(auditLog.communityId, communityId)];
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.accountId) where.push(eq(auditLog.accountId, q.accountId));
  if (q.targetType) where.push(eq(auditLog.targetType, q.targetType));
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
  if (q.before) where.push(lt(auditLog.id, q.before));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
}
