import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../errors.ts';
import { AGE_BANDS, SKILLS, VEHICLES, VOLUNTEER_STATUSES } from '../volunteers.ts';
import { ZAttendanceFigures } from './attendance-figures.ts';
import { ZUuid, zText } from './common.ts';
import { ZMobile, ZRoom } from './registry.ts';

export const ZVolunteerStatus = z.enum(VOLUNTEER_STATUSES);

export const ZVolunteerCall = z.object({
  id: ZUuid,
  title: z.string(),
  /** path of the public registration page: /join/<community slug>/<token> */
  path: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  registrations: z.number().int(),
});
export type TVolunteerCall = z.infer<typeof ZVolunteerCall>;
export const ZVolunteerCallList = z.object({ items: z.array(ZVolunteerCall) });
export const ZOpenVolunteerCall = z.object({ title: zText(100) });

export const ZCallParams = z.object({ communityId: ZUuid, callId: ZUuid });
export const ZJoinParams = z.object({ slug: z.string().max(40), token: z.string().max(64) });

/** What the public registration page needs: whose call it is, and the buildings to choose from. */
export const ZJoinInfo = z.object({
  communityName: z.string(),
  title: z.string(),
  open: z.boolean(),
  buildings: z.array(z.string()),
});
export type TJoinInfo = z.infer<typeof ZJoinInfo>;

export const ZRegisterVolunteer = z.object({
  name: zText(50),
  mobile: ZMobile,
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
  buildingCode: z.string().trim().min(1).max(20),
  room: ZRoom,
  partyMember: z.boolean(),
  workplace: z.string().trim().max(100).nullable().optional(),
  skills: z.array(z.enum(SKILLS)).max(SKILLS.length).default([]),
  vehicles: z.array(z.enum(VEHICLES)).max(VEHICLES.length).default([]),
  ageBand: z.enum(AGE_BANDS),
  note: z.string().trim().max(500).nullable().optional(),
});
export type TRegisterVolunteer = z.input<typeof ZRegisterVolunteer>;
export const ZRegistration = z.object({ status: ZVolunteerStatus, communityName: z.string() });

export const ZVolunteerGroupRef = z.object({
  groupId: ZUuid,
  key: z.string(),
  name: z.string(),
  leader: z.boolean(),
});
export const ZVolunteer = z.object({
  id: ZUuid,
  accountId: ZUuid,
  name: z.string(),
  mobile: z.string().nullable(),
  status: ZVolunteerStatus,
  partyMember: z.boolean(),
  buildingCode: z.string().nullable(),
  room: z.string().nullable(),
  /** outside rank does not count here (只以实干论英雄): shown only when a coordinator asks */
  workplace: z.string().nullable(),
  skills: z.array(z.enum(SKILLS)),
  vehicles: z.array(z.enum(VEHICLES)),
  ageBand: z.string().nullable(),
  note: z.string().nullable(),
  groups: z.array(ZVolunteerGroupRef),
  registeredAt: z.string(),
  /** shifts done, hours, no-shows (the hours rule: server/features/shifts/attendance.repository.ts) */
  record: ZAttendanceFigures,
});
export type TVolunteer = z.infer<typeof ZVolunteer>;

const ZBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
export const ZVolunteerQuery = z.object({
  status: ZVolunteerStatus.optional(),
  groupId: ZUuid.optional(),
  q: z.string().trim().max(50).optional(),
  showWorkplace: ZBool.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type TVolunteerQuery = z.infer<typeof ZVolunteerQuery>;
export const ZVolunteerPage = z.object({ items: z.array(ZVolunteer), total: z.number().int() });

export const ZVolunteerDecision = z.object({
  volunteerIds: z.array(ZUuid).min(1).max(1000),
  decision: z.enum(['approve', 'reject']),
  /** groups to place approved volunteers in */
  groupIds: z.array(ZUuid).max(20).default([]),
});
export type TVolunteerDecision = z.input<typeof ZVolunteerDecision>;
export const ZDecisionResult = z.object({ updated: z.number().int() });

export const ZSetVolunteerGroups = z.object({
  groups: z.array(z.object({ groupId: ZUuid, leader: z.boolean().default(false) })).max(20),
});
export type TSetVolunteerGroups = z.input<typeof ZSetVolunteerGroups>;

export const ZGroup = z.object({
  id: ZUuid,
  key: z.string(),
  name: z.string(),
  sort: z.number().int(),
  members: z.number().int(),
  leaders: z.array(z.object({ volunteerId: ZUuid, name: z.string() })),
  /** the group's totals over its shifts: person-shifts done, hours, no-shows */
  record: ZAttendanceFigures,
});
export type TGroup = z.infer<typeof ZGroup>;
export const ZGroupList = z.object({ items: z.array(ZGroup) });
export const ZCreateGroup = z.object({ name: zText(30) });
export const ZRenameGroup = z.object({ name: zText(30) });
export const ZGroupParams = z.object({ communityId: ZUuid, groupId: ZUuid });
