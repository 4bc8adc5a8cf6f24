import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../errors.ts';
import { ZLocale, ZRole, ZUuid } from './common.ts';

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZMembership = z.object({
  communityId: ZUuid,
  communityName: z.string(),
  timezone: z.string(),
  roles: z.array(ZRole),
});

export const ZSession = z.object({
  account: z.object({
    id: ZUuid,
    username: z.string(),
    displayName: z.string(),
    locale: ZLocale,
    isPlatformAdmin: z.boolean(),
  }),
  memberships: z.array(ZMembership),
  /** volunteer registrations not (yet) approved: the registrant sees where they stand */
  applications: z.array(
    z.object({ communityId: ZUuid, communityName: z.string(), status: z.enum(['pending', 'rejected']) }),
  ),
  csrfToken: z.string(),
  demo: z.boolean(),
});
export type TSession = z.infer<typeof ZSession>;

/** What an anonymous visitor learns from getSession: only whether demo accounts exist. */
export const ZSessionResponse = z.object({
  session: ZSession.nullable(),
  demo: z.boolean(),
});
export type TSessionResponse = z.infer<typeof ZSessionResponse>;

export const ZUpdateMeRequest = z.object({ locale: ZLocale });
export type TUpdateMeRequest = z.infer<typeof ZUpdateMeRequest>;

/**
 * changePassword: the current password again (a borrowed phone with an open session is not enough),
 * and a new one of at least PASSWORD_MIN_LENGTH characters. The answer is the session under its new token.
 */
export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;
