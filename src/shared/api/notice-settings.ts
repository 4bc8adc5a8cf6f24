import { z } from 'zod';
import { ZUuid } from './common.ts';

/**
 * The external channels a person may choose besides the in-app inbox (always on). Today one: the
 * district's SMS / WeChat gateway, reached by the `webhook` notice channel.
 */
export const EXTERNAL_CHANNELS = ['webhook'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

export const GATEWAY_SECRET_MIN_LENGTH = 16;
export const GATEWAY_SECRET_MAX_LENGTH = 200;
export const GATEWAY_URL_MAX_LENGTH = 500;

const ZWallTime = z.string().describe('a time on the community clock, "HH:MM" (24-hour)');

export const ZQuietHours = z.object({
  start: ZWallTime,
  end: ZWallTime.describe('"HH:MM"; earlier than start means the span passes midnight (22:00–07:00)'),
});
export type TQuietHours = z.infer<typeof ZQuietHours>;

export const ZNotificationPreferences = z.object({
  /** the external channels chosen; without a saved choice, every channel the community offers */
  channels: z.array(z.enum(EXTERNAL_CHANNELS)),
  quietHours: ZQuietHours.nullable(),
  /** false until the person saves a choice of their own */
  saved: z.boolean(),
  /** what the community offers now: a channel whose gateway is off reaches nobody until switched on */
  available: z.array(z.object({ channel: z.enum(EXTERNAL_CHANNELS), enabled: z.boolean() })),
  /** the zone quiet hours are read in */
  timeZone: z.string(),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

export const ZSetNotificationPreferences = z
  .object({
    channels: z.array(z.enum(EXTERNAL_CHANNELS)).max(10),
    quietHours: ZQuietHours.nullable(),
  })
  .strict();
export type TSetNotificationPreferences = z.infer<typeof ZSetNotificationPreferences>;

export const ZNoticeGateway = z.object({
  /** false when the community has never saved a gateway */
  configured: z.boolean(),
  url: z.string().nullable(),
  /** the secret is never shown again once saved: its last four characters, the rest masked */
  secretMasked: z.string().nullable(),
  enabled: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type TNoticeGateway = z.infer<typeof ZNoticeGateway>;

export const ZSetNoticeGateway = z
  .object({
    url: z.string().trim().max(GATEWAY_URL_MAX_LENGTH).describe('http(s) address the notices are POSTed to'),
    secret: z
      .string()
      .max(GATEWAY_SECRET_MAX_LENGTH)
      .optional()
      .describe(
        `HMAC-SHA256 key, at least ${GATEWAY_SECRET_MIN_LENGTH} characters; leave out to keep the saved one`,
      ),
    enabled: z.boolean(),
  })
  .strict();
export type TSetNoticeGateway = z.infer<typeof ZSetNoticeGateway>;

export const ZNoticeGatewayTest = z.object({
  /** the gateway answered 2xx */
  ok: z.boolean(),
  /** its HTTP status, null when there was no answer */
  status: z.number().int().nullable(),
  /** why it failed, in words: the status line or the network error */
  error: z.string().nullable(),
  elapsedMs: z.number().int(),
  /** the Idempotency-Key the test message carried */
  messageId: ZUuid,
});
export type TNoticeGatewayTest = z.infer<typeof ZNoticeGatewayTest>;

export const ZDeadLetter = z.object({
  id: ZUuid,
  recipient: z.string(),
  kind: z.string(),
  /** the notice's title in the caller's language */
  title: z.string(),
  channel: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  critical: z.boolean(),
  createdAt: z.string(),
});
export type TDeadLetter = z.infer<typeof ZDeadLetter>;

export const ZOutboxCounts = z.object({
  channel: z.string(),
  pending: z.number().int(),
  dead: z.number().int(),
});

export const ZDeadLetterList = z.object({
  items: z.array(ZDeadLetter),
  /** pending and dead rows of the outbox per channel: what the worker still has to do */
  counts: z.array(ZOutboxCounts),
});
export type TDeadLetterList = z.infer<typeof ZDeadLetterList>;

export const DEAD_LETTERS_PAGE = 200;
export const RESEND_MAX = 200;

export const ZDeadLetterParams = z.object({ communityId: ZUuid, id: ZUuid });
export const ZResendDeadLetters = z.object({ ids: z.array(ZUuid).min(1).max(RESEND_MAX) }).strict();
export type TResendDeadLetters = z.infer<typeof ZResendDeadLetters>;
export const ZResendResult = z.object({ resent: z.number().int() });
