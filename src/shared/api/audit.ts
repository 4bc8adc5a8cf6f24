import { z } from 'zod';
import { ZUuid } from './common.ts';

export const ZAuditQuery = z.object({
  action: z.string().max(100).optional(),
  accountId: ZUuid.optional(),
  targetType: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  id: z.number().int(),
  accountId: ZUuid.nullable(),
  actorName: z.string(),
  role: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  summary: z.string(),
  at: z.string(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = z.object({ items: z.array(ZAuditEntry), nextBefore: z.number().int().nullable() });
export type TAuditPage = z.infer<typeof ZAuditPage>;
