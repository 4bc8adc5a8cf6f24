// The weekly committee meeting (支委会): created with the week's figures and an agenda drafted from
// them, then the secretary's agenda, minutes and attendees; the figures re-taken on request.
import { mondayOf, weekBefore } from '../../../domain/committee/week.ts';
import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import type { TCreateMeeting, TMeeting, TUpdateMeeting } from '../../../shared/api/committee.ts';
import { agendaFromFigures } from '../../../shared/i18n/committee-agenda.ts';
import type { Locale } from '../../../shared/roles.ts';
import { notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { committeeActions } from './committee.policy.ts';
import { presentMeeting, presentSummary, sortedItems } from './committee.presenter.ts';
import {
  communityTimeZone,
  insertMeeting,
  itemsOf,
  meetingById,
  meetingsOf,
  updateMeetingRow,
} from './committee.repository.ts';
import { weekFigures } from './week-figures.ts';

const authorizeMeetings = (actor: Actor) => authorize(actor, committeeActions['committee.meetings']);

async function loadMeeting(deps: AppDeps, communityId: string, meetingId: string): Promise<TMeeting> {
  const meeting = await meetingById(deps.db, communityId, meetingId);
  if (!meeting) throw notFound('committeeMeeting');
  const timeZone = await communityTimeZone(deps.db, communityId);
  const today = wallClockAt(deps.clock.now(), timeZone).day;
  const items = await itemsOf(deps.db, communityId, { meetingId });
  return presentMeeting(meeting, sortedItems(items, today), timeZone);
}

/** createMeeting: the week before heldAt unless asked; figures taken now; the agenda drafted from them. */
export async function createMeeting(
  deps: AppDeps,
  actor: Actor,
  body: TCreateMeeting,
  locale: Locale,
): Promise<TMeeting> {
  const role = authorizeMeetings(actor);
  const communityId = actor.communityId!;
  const timeZone = await communityTimeZone(deps.db, communityId);
  const heldAt = new Date(body.heldAt);
  const weekStart = body.week ? mondayOf(body.week) : weekBefore(heldAt, timeZone);
  const now = deps.clock.now();
  const figures = await weekFigures(deps.db, now, communityId, weekStart);
  const meeting = await deps.db.transaction(async (tx) => {
    const row = await insertMeeting(tx, {
      communityId,
      title: body.title,
      heldAt,
      weekStart,
      figures,
      agenda: agendaFromFigures(figures, locale),
      createdAt: now,
      createdBy: actor.account.id,
      updatedAt: now,
    });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'committee.meeting.create',
      targetType: 'committee_meeting',
      targetId: row.id,
      params: { title: row.title, week: weekStart },
    });
    return row;
  });
  return presentMeeting(meeting, [], timeZone);
}

export async function listMeetings(deps: AppDeps, actor: Actor) {
  authorizeMeetings(actor);
  const communityId = actor.communityId!;
  const rows = await meetingsOf(deps.db, communityId);
  return {
    items: rows.map((r) => presentSummary(r.meeting, r.openItems)),
    timeZone: await communityTimeZone(deps.db, communityId),
  };
}

export async function getMeeting(deps: AppDeps, actor: Actor, meetingId: string): Promise<TMeeting> {
  authorizeMeetings(actor);
  return loadMeeting(deps, actor.communityId!, meetingId);
}

/**
 * updateMeeting: the fields given, and with refreshFigures the week's figures taken again (the agenda is
 * the secretary's text by then, so it is left as it is). One audit entry names what changed.
 */
export async function updateMeeting(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  body: TUpdateMeeting,
): Promise<TMeeting> {
  const role = authorizeMeetings(actor);
  const communityId = actor.communityId!;
  const existing = await meetingById(deps.db, communityId, meetingId);
  if (!existing) throw notFound('committeeMeeting');
  const now = deps.clock.now();
  const figures = body.refreshFigures
    ? await weekFigures(deps.db, now, communityId, existing.weekStart)
    : undefined;
  const { refreshFigures: _refresh, heldAt, ...text } = body;
  const set = {
    ...text,
    ...(heldAt === undefined ? {} : { heldAt: new Date(heldAt) }),
    ...(figures ? { figures } : {}),
  };
  const changed = Object.keys(set);
  if (changed.length === 0) return loadMeeting(deps, communityId, meetingId);
  await deps.db.transaction(async (tx) => {
    const locked = await meetingById(tx, communityId, meetingId, true);
    if (!locked) throw notFound('committeeMeeting');
    const row = await updateMeetingRow(tx, communityId, meetingId, { ...set, updatedAt: now });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: figures && changed.length === 1 ? 'committee.meeting.refresh' : 'committee.meeting.update',
      targetType: 'committee_meeting',
      targetId: meetingId,
      params: { title: row.title, changes: changed.join(', ') },
    });
  });
  return loadMeeting(deps, communityId, meetingId);
}
