// The branch committee's weekly meeting (支委会) and its action items (决议事项), issue 9 item 6.
import { z } from 'zod';
import { ZAttendanceFigures } from './attendance-figures.ts';
import { ZUuid, zText } from './common.ts';

const ZInstant = z.iso.datetime({ offset: true });
const ZDay = z.iso.date();

export const MEETING_STATUSES = ['planned', 'held'] as const;
export const ACTION_ITEM_STATUSES = ['open', 'done', 'dropped'] as const;
export type TActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/**
 * The week's figures of every group, as the features themselves count them (week-figures.ts says
 * which query each comes from). A snapshot: stored with the meeting, re-taken on request.
 */
export const ZWeekFigures = z.object({
  /** Monday, first day of the week, and Sunday, its last (community time) */
  weekStart: ZDay,
  weekEnd: ZDay,
  timeZone: z.string(),
  takenAt: z.string(),
  parcels: z.object({
    received: z.number().int(),
    /** reached their building during the week */
    delivered: z.number().int(),
    pickedUp: z.number().int(),
    /** received and not yet at their building when the week ended (or now, for a week not over) */
    waitingAtWeekEnd: z.number().int(),
  }),
  testing: z.object({
    /** rounds that started during the week and ran (running or finished) */
    roundsRun: z.number().int(),
    samples: z.number().int(),
    rounds: z.array(
      z.object({
        roundId: ZUuid,
        title: z.string(),
        day: ZDay,
        status: z.string(),
        tested: z.number().int(),
        expected: z.number().int(),
      }),
    ),
  }),
  medicine: z.object({
    /** requests made during the week, by urgency */
    requested: z.object({ critical: z.number().int(), high: z.number().int(), normal: z.number().int() }),
    /** medicine handed over during the week (any week's requests) */
    delivered: z.number().int(),
    /** the week's requests that missed their deadline: delivered late, or still not there */
    overdue: z.number().int(),
  }),
  groupBuys: z.object({
    opened: z.number().int(),
    /** closed during the week with the stock shared out */
    allocated: z.number().int(),
    /** closed during the week below the supplier's minimum */
    failed: z.number().int(),
    /** households' active orders in the campaigns listed */
    orders: z.number().int(),
    campaigns: z.array(
      z.object({ groupBuyId: ZUuid, title: z.string(), status: z.string(), households: z.number().int() }),
    ),
  }),
  /** from check-in and check-out on the shifts that started during the week */
  volunteers: ZAttendanceFigures.extend({
    groups: z.array(ZAttendanceFigures.extend({ groupId: ZUuid, key: z.string(), name: z.string() })),
  }),
});
export type TWeekFigures = z.infer<typeof ZWeekFigures>;

const ZPerson = z.object({ accountId: ZUuid, name: z.string() });

export const ZActionItem = z.object({
  id: ZUuid,
  meetingId: ZUuid.nullable(),
  meetingTitle: z.string().nullable(),
  title: z.string(),
  owner: ZPerson,
  dueOn: ZDay,
  status: z.enum(ACTION_ITEM_STATUSES),
  note: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** open and its due day has passed (community time) */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TActionItem = z.infer<typeof ZActionItem>;

export const ZMeetingSummary = z.object({
  id: ZUuid,
  title: z.string(),
  heldAt: z.string(),
  weekStart: ZDay,
  status: z.enum(MEETING_STATUSES),
  openItems: z.number().int(),
  createdAt: z.string(),
});
export type TMeetingSummary = z.infer<typeof ZMeetingSummary>;

export const ZMeeting = ZMeetingSummary.extend({
  figures: ZWeekFigures,
  agenda: z.string(),
  minutes: z.string(),
  attendees: z.string(),
  updatedAt: z.string(),
  actionItems: z.array(ZActionItem),
  timeZone: z.string(),
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZMeetingList = z.object({ items: z.array(ZMeetingSummary), timeZone: z.string() });

export const ZMeetingParams = z.object({ communityId: ZUuid, meetingId: ZUuid });
export const ZActionItemParams = z.object({ communityId: ZUuid, actionItemId: ZUuid });

/** Agenda, minutes and attendees are the secretary's free text: long, with line breaks. */
const zLongText = (max: number) => z.string().max(max);

export const ZCreateMeeting = z
  .object({
    title: zText(100),
    heldAt: ZInstant,
    /** any day of the week the figures cover; default the week before the one heldAt falls in */
    week: ZDay.optional(),
  })
  .strict();
export type TCreateMeeting = z.infer<typeof ZCreateMeeting>;

export const ZUpdateMeeting = z
  .object({
    title: zText(100).optional(),
    heldAt: ZInstant.optional(),
    agenda: zLongText(20_000).optional(),
    minutes: zLongText(50_000).optional(),
    attendees: zLongText(2_000).optional(),
    status: z.enum(MEETING_STATUSES).optional(),
    /** true re-takes the week's figures now */
    refreshFigures: z.boolean().optional(),
  })
  .strict();
export type TUpdateMeeting = z.infer<typeof ZUpdateMeeting>;

export const ZCreateActionItem = z
  .object({
    title: zText(200),
    ownerAccountId: ZUuid,
    dueOn: ZDay,
    meetingId: ZUuid.optional(),
    note: zText(2_000).optional(),
  })
  .strict();
export type TCreateActionItem = z.infer<typeof ZCreateActionItem>;

export const ZUpdateActionItem = z
  .object({
    status: z.enum(ACTION_ITEM_STATUSES).optional(),
    /** empty clears it */
    note: z.string().trim().max(2_000).optional(),
    dueOn: ZDay.optional(),
    ownerAccountId: ZUuid.optional(),
    title: zText(200).optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change' });
export type TUpdateActionItem = z.infer<typeof ZUpdateActionItem>;

export const ZActionItemQuery = z.object({
  owner: z.enum(['me', 'all']).default('me'),
  status: z.enum([...ACTION_ITEM_STATUSES, 'all']).default('open'),
});
export type TActionItemQuery = z.infer<typeof ZActionItemQuery>;

/** listActionItems: per person, the people with overdue items first; each person's items overdue first. */
export const ZActionItemList = z.object({
  /** the community's today, which "overdue" is judged against */
  today: ZDay,
  people: z.array(z.object({ owner: ZPerson, overdue: z.number().int(), items: z.array(ZActionItem) })),
});
export type TActionItemList = z.infer<typeof ZActionItemList>;

/** Who may own an action item: the community's members, found by name or sign-in. */
export const ZCommitteeMemberQuery = z.object({ q: z.string().trim().max(50).optional() });
export const ZCommitteeMembers = z.object({
  items: z.array(ZPerson.extend({ username: z.string(), roles: z.array(z.string()) })),
});
export type TCommitteeMembers = z.infer<typeof ZCommitteeMembers>;
