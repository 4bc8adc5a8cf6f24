import { z } from 'zod';
import { ZUuid } from './common.ts';

/** The live event (to one account only) that a notice reached its inbox: the bell refetches its count. */
export const NOTIFICATIONS_NEW = 'notifications.new';

const ZBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ZNotificationQuery = z.object({
  /** only the unread ones */
  unread: ZBool.default(false),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TNotificationQuery = z.infer<typeof ZNotificationQuery>;

export const ZNotification = z.object({
  id: ZUuid,
  kind: z.string(),
  /** title and body rendered in the caller's language */
  title: z.string(),
  body: z.string(),
  /** the in-app path the notice is about */
  link: z.string().nullable(),
  critical: z.boolean(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({
  items: z.array(ZNotification),
  /** all of the caller's unread notices in this community, not only those listed */
  unread: z.number().int(),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZMarkNotificationsRead = z.union([
  z.object({ ids: z.array(ZUuid).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type TMarkNotificationsRead = z.infer<typeof ZMarkNotificationsRead>;

export const ZMarkNotificationsReadResult = z.object({
  /** how many were unread and are now read */
  marked: z.number().int(),
  unread: z.number().int(),
});
