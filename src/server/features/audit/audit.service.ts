import type { TAuditPage, TAuditQuery } from '../../../shared/api/audit.ts';
import { auditSummary } from '../../../shared/i18n/audit-messages.ts';
import type { Locale } from '../../../shared/roles.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { auditActions } from './audit.policy.ts';
import * as repo from './audit.repository.ts';

export async function listAuditLog(
  deps: AppDeps,
  actor: Actor,
  query: TAuditQuery,
  locale: Locale,
): Promise<TAuditPage> {
  authorize(actor, auditActions['audit.list']);
  const rows = await repo.listAudit(deps.db, actor.communityId!, query);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      accountId: row.accountId,
      actorName: row.actorName,
      role: row.role,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      summary: auditSummary(locale, row.action, (row.data ?? {}) as Record<string, string>) ?? row.summary,
      at: row.at.toISOString(),
    })),
    nextBefore: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}
