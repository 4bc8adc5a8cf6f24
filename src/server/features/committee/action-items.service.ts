// Decisions turned into work (决议事项): an owner, a due day, tracked until done. The committee manages
// them all; an owner sees theirs and marks them done. The new owner is told in the same transaction.
import { itemsPerPerson } from '../../../domain/committee/action-items.ts';
import { wallClockAt, wallTimeToInstant } from '../../../domain/shifts/zoned-time.ts';
import type {
  TActionItem,
  TActionItemList,
  TActionItemQuery,
  TCommitteeMembers,
  TCreateActionItem,
  TUpdateActionItem,
} from '../../../shared/api/committee.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { notify } from '../../platform/notices.ts';
import { committeeActions } from './committee.policy.ts';
import { presentItem, sortedItems } from './committee.presenter.ts';
import {
  communityTimeZone,
  insertItem,
  itemsOf,
  lockItem,
  meetingById,
  memberOf,
  ownerCandidates,
  updateItemRow,
} from './committee.repository.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The committee's role when the actor is on it, else null (they may still own items). */
function committeeRole(actor: Actor): PolicyRole | null {
  try {
    return authorize(actor, committeeActions['committee.items.manage']);
  } catch {
    return null;
  }
}

async function todayOf(deps: AppDeps, communityId: string) {
  return wallClockAt(deps.clock.now(), await communityTimeZone(deps.db, communityId)).day;
}

async function loadItem(deps: AppDeps, communityId: string, id: string): Promise<TActionItem> {
  const [row] = await itemsOf(deps.db, communityId, { id });
  if (!row) throw notFound('actionItem');
  return presentItem(row, await todayOf(deps, communityId));
}

/** An owner must be a member of the community (any role): 400 before anything is written. */
async function requireMember(deps: AppDeps, communityId: string, accountId: string) {
  const member = await memberOf(deps.db, communityId, accountId);
  if (!member) throw new AppError('COMMITTEE_OWNER_NOT_MEMBER');
  return member;
}

/**
 * Tells the new owner, unless they gave the item to themselves. The due day travels as its noon on the
 * community's clock, so the notice shows that day in any reader's language.
 */
async function tellOwner(
  tx: Tx,
  actor: Actor,
  item: { title: string; dueOn: string; ownerAccountId: string },
  timeZone: string,
  now: Date,
) {
  if (item.ownerAccountId === actor.account.id) return;
  await notify(
    tx,
    {
      communityId: actor.communityId!,
      accountIds: [item.ownerAccountId],
      kind: 'committee.item_assigned',
      params: {
        title: item.title,
        due: wallTimeToInstant(item.dueOn, '12:00', timeZone).toISOString(),
        timeZone,
        by: actor.account.displayName,
      },
      // the home page lists one's own action items, whoever one is
      link: '/',
    },
    now,
  );
}

export async function createActionItem(deps: AppDeps, actor: Actor, body: TCreateActionItem) {
  const role = authorize(actor, committeeActions['committee.items.manage']);
  const communityId = actor.communityId!;
  const owner = await requireMember(deps, communityId, body.ownerAccountId);
  if (body.meetingId && !(await meetingById(deps.db, communityId, body.meetingId))) {
    throw new AppError('COMMITTEE_MEETING_UNKNOWN');
  }
  const timeZone = await communityTimeZone(deps.db, communityId);
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const itemId = await insertItem(tx, {
      communityId,
      meetingId: body.meetingId ?? null,
      title: body.title,
      ownerAccountId: owner.accountId,
      dueOn: body.dueOn,
      note: body.note ?? null,
      createdAt: now,
      createdBy: actor.account.id,
      updatedAt: now,
    });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'committee.item.create',
      targetType: 'action_item',
      targetId: itemId,
      params: { title: body.title, owner: owner.name, due: body.dueOn },
    });
    await tellOwner(tx, actor, body, timeZone, now);
    return itemId;
  });
  return loadItem(deps, communityId, id);
}

const STATUS_ACTIONS = {
  done: 'committee.item.done',
  dropped: 'committee.item.drop',
  open: 'committee.item.reopen',
};

/**
 * updateActionItem. The committee changes anything; the owner only the status between open and done,
 * and the note (dropping a decision, moving its due day or giving it away is the committee's).
 */
export async function updateActionItem(deps: AppDeps, actor: Actor, itemId: string, body: TUpdateActionItem) {
  const ownRole = authorize(actor, committeeActions['committee.items.own']);
  const managing = committeeRole(actor);
  const communityId = actor.communityId!;
  const newOwner =
    managing && body.ownerAccountId ? await requireMember(deps, communityId, body.ownerAccountId) : null;
  const timeZone = await communityTimeZone(deps.db, communityId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const item = await lockItem(tx, communityId, itemId);
    if (!item) throw notFound('actionItem');
    if (!managing) {
      const ownerOnly =
        body.dueOn === undefined && body.ownerAccountId === undefined && body.title === undefined;
      const allowedStatus = body.status === undefined || body.status !== 'dropped';
      if (item.ownerAccountId !== actor.account.id || !ownerOnly || !allowedStatus)
        throw new AppError('FORBIDDEN');
    }
    const set = {
      ...(body.title !== undefined && body.title !== item.title ? { title: body.title } : {}),
      ...(body.dueOn !== undefined && body.dueOn !== item.dueOn ? { dueOn: body.dueOn } : {}),
      ...(newOwner && newOwner.accountId !== item.ownerAccountId
        ? { ownerAccountId: newOwner.accountId }
        : {}),
      ...(body.note !== undefined && (body.note || null) !== item.note ? { note: body.note || null } : {}),
      ...(body.status !== undefined && body.status !== item.status
        ? { status: body.status, doneAt: body.status === 'done' ? now : null }
        : {}),
    };
    const changes = Object.keys(set).filter((k) => k !== 'doneAt');
    // a repeat of the same change changes nothing, and leaves no trace
    if (changes.length === 0) return;
    await updateItemRow(tx, communityId, itemId, { ...set, updatedAt: now });
    await audit(tx, {
      communityId,
      account: actor.account,
      role: managing ?? ownRole,
      action: set.status ? STATUS_ACTIONS[set.status] : 'committee.item.update',
      targetType: 'action_item',
      targetId: itemId,
      params: { title: set.title ?? item.title, changes: changes.join(', ') },
    });
    if (set.ownerAccountId) {
      await tellOwner(
        tx,
        actor,
        {
          title: set.title ?? item.title,
          dueOn: set.dueOn ?? item.dueOn,
          ownerAccountId: set.ownerAccountId,
        },
        timeZone,
        now,
      );
    }
  });
  return loadItem(deps, communityId, itemId);
}

/** listActionItems: one's own (anyone), or everyone's (the committee), per person, overdue first. */
export async function listActionItems(
  deps: AppDeps,
  actor: Actor,
  query: TActionItemQuery,
): Promise<TActionItemList> {
  authorize(actor, committeeActions['committee.items.own']);
  if (query.owner === 'all') authorize(actor, committeeActions['committee.items.manage']);
  const communityId = actor.communityId!;
  const rows = await itemsOf(deps.db, communityId, {
    ownerAccountId: query.owner === 'me' ? actor.account.id : undefined,
    status: query.status === 'all' ? undefined : query.status,
  });
  const today = await todayOf(deps, communityId);
  const items = sortedItems(rows, today).map((i) => ({
    ...i,
    ownerAccountId: i.owner.accountId,
    ownerName: i.owner.name,
  }));
  return {
    today,
    people: itemsPerPerson(items, today).map((p) => ({
      owner: { accountId: p.ownerAccountId, name: p.ownerName },
      overdue: p.overdue,
      items: p.items.map(({ ownerAccountId: _id, ownerName: _name, ...item }) => item),
    })),
  };
}

/** The members an item may be given to (the owner picker). */
export async function listCommitteeMembers(
  deps: AppDeps,
  actor: Actor,
  q: string | undefined,
): Promise<TCommitteeMembers> {
  authorize(actor, committeeActions['committee.items.manage']);
  return { items: await ownerCandidates(deps.db, actor.communityId!, q || undefined) };
}
