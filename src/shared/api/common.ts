import { z } from 'zod';
import { ROLES } from '../roles.ts';

export const ZUuid = z.uuid();
export const ZRole = z.enum(ROLES);
export const ZLocale = z.enum(['zh-CN', 'en']);

/** Free text typed by a person: trimmed, no control characters, bounded. */
export const zText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: 'control characters' });

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
    requestId: z.string().optional(),
  }),
});

export const ZCommunityParams = z.object({ communityId: ZUuid });
export type TCommunityParams = z.infer<typeof ZCommunityParams>;
