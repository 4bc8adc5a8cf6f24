import { z } from 'zod';
import { ROLES } from '../roles.ts';

export const ZUuid = z.uuid();
export const ZRole = z.enum(ROLES);
export const ZLocale = z.enum(['zh-CN', 'en']);

/** C0 controls other than tab, newline and carriage return, and DEL: never typed by a person. */
function hasControlCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}

/** Free text typed by a person: trimmed, no control characters, bounded. */
export const zText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasControlCharacters(s), {
      message: 'control characters',
    });

/**
 * "YYYY-MM-DD" names a day that exists (no 31 February). zod runs refinements even after the pattern
 * failed, so text that is no date at all must come out false here, not throw.
 */
export function isCalendarDay(day: string): boolean {
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(at) && new Date(at).toISOString().startsWith(day);
}

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
