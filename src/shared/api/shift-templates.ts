import { z } from 'zod';
import { ZUuid, zText } from './common.ts';
import { ZShift, ZShiftMode } from './shifts.ts';

/** The most days one generation may cover: two months of shifts, a reviewable amount. */
export const MAX_GENERATE_DAYS = 62;
export const MAX_TEMPLATE_CAPACITY = 500;

// Messages our refinements set; validation-messages.ts shows them in Chinese from this map.
const M = {
  time: 'a time as HH:MM, e.g. 08:00',
  date: 'a date as YYYY-MM-DD',
  roleTwice: 'each role needs its own name',
  window: 'sign-up must open before it closes',
  rangeOrder: 'the last day comes before the first',
  rangeLength: `at most ${MAX_GENERATE_DAYS} days at a time`,
} as const;
export const shiftTemplateMessagesZh: Record<string, string> = {
  [M.time]: '请按“时:分”填写时间，如 08:00',
  [M.date]: '请按“年-月-日”填写日期，如 2022-04-20',
  [M.roleTwice]: '岗位名称不能重复',
  [M.window]: '报名开放时间必须早于截止时间',
  [M.rangeOrder]: '结束日期不能早于开始日期',
  [M.rangeLength]: `一次最多生成 ${MAX_GENERATE_DAYS} 天`,
};

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

export const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: M.time });
export const ZLocalDate = z.iso.date({ message: M.date });

export const ZTemplateRole = z.object({
  role: z.string().trim().min(1).max(30),
  capacity: z.number().int().min(1).max(MAX_TEMPLATE_CAPACITY),
});

const ZTemplateRoles = z
  .array(ZTemplateRole)
  .min(1)
  .max(10)
  .superRefine((roles, ctx) => {
    const seen = new Set<string>();
    roles.forEach((r, i) => {
      if (seen.has(r.role)) ctx.addIssue({ code: 'custom', path: [i, 'role'], message: M.roleTwice });
      seen.add(r.role);
    });
  });

export const ZCreateShiftTemplate = z
  .object({
    groupId: ZUuid,
    /** empty: the shifts are called by the group's name */
    title: zText(60).optional(),
    startTime: ZLocalTime,
    /** at or before the start: the shift ends the next day */
    endTime: ZLocalTime,
    roles: ZTemplateRoles,
    opensDaysBefore: z.number().int().min(0).max(14).default(1),
    opensAt: ZLocalTime.default('20:00'),
    closesMinutesBefore: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(60),
    cancelCutoffMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(120),
    mode: ZShiftMode.default('first_come'),
  })
  // On the clock face: opening day and time, then the closing before the start (domain/shifts/generate.ts).
  .refine(
    (t) =>
      t.opensDaysBefore * 24 * 60 + minutes(t.startTime) - minutes(t.opensAt) - t.closesMinutesBefore > 0,
    { message: M.window, path: ['opensAt'] },
  );
export type TCreateShiftTemplate = z.input<typeof ZCreateShiftTemplate>;

export const ZShiftTemplate = z.object({
  id: ZUuid,
  groupId: ZUuid,
  groupName: z.string(),
  groupKey: z.string(),
  title: z.string().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  roles: z.array(z.object({ role: z.string(), capacity: z.number().int() })),
  opensDaysBefore: z.number().int(),
  opensAt: z.string(),
  closesMinutesBefore: z.number().int(),
  cancelCutoffMinutes: z.number().int(),
  mode: ZShiftMode,
  createdAt: z.string(),
});
export type TShiftTemplate = z.infer<typeof ZShiftTemplate>;
export const ZShiftTemplateList = z.object({ items: z.array(ZShiftTemplate) });
export const ZShiftTemplateQuery = z.object({ groupId: ZUuid.optional() });
export const ZTemplateParams = z.object({ communityId: ZUuid, templateId: ZUuid });

/** Local days of the community, both included; only the named ISO weekdays (1 = Monday) if given. */
export const ZGenerateShifts = z
  .object({
    from: ZLocalDate,
    to: ZLocalDate,
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  })
  .refine((r) => r.to >= r.from, { message: M.rangeOrder, path: ['to'] })
  .refine((r) => dayNumber(r.to) - dayNumber(r.from) < MAX_GENERATE_DAYS, {
    message: M.rangeLength,
    path: ['to'],
  });
export type TGenerateShifts = z.input<typeof ZGenerateShifts>;
export const ZGeneratedShifts = z.object({
  /** shifts made by this request */
  created: z.number().int(),
  /** days on which the template's shift already existed */
  skipped: z.number().int(),
  /** days whose shift would already have started: not made */
  past: z.number().int(),
  shifts: z.array(ZShift),
});
export type TGeneratedShifts = z.infer<typeof ZGeneratedShifts>;

export const ZCancelShift = z.object({ reason: zText(200).optional() });
export type TCancelShift = z.input<typeof ZCancelShift>;
export const ZCancelledShift = z.object({
  shift: ZShift,
  /** volunteers told, signed up or waiting */
  told: z.number().int(),
});
