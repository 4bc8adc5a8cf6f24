import { randomBytes } from 'node:crypto';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { TJoinInfo, TRegisterVolunteer, TVolunteerCall } from '../../../shared/api/volunteers.ts';
import { ZRegisterVolunteer } from '../../../shared/api/volunteers.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { accounts, volunteerCalls, volunteers } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { buildingIdsByCode } from '../registry/buildings.repository.ts';
import * as repo from './calls.repository.ts';
import { volunteerActions } from './volunteers.policy.ts';

const present = (row: repo.CallRow): TVolunteerCall => ({
  id: row.id,
  title: row.title,
  path: `/join/${row.slug}/${row.token}`,
  createdAt: row.createdAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
  registrations: row.registrations,
});

export async function listVolunteerCalls(deps: AppDeps, actor: Actor) {
  authorize(actor, volunteerActions['volunteers.call']);
  return { items: (await repo.listCalls(deps.db, actor.communityId!)).map(present) };
}

export async function openVolunteerCall(deps: AppDeps, actor: Actor, title: string) {
  const role = authorize(actor, volunteerActions['volunteers.call']);
  const communityId = actor.communityId!;
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(volunteerCalls)
      .values({
        communityId,
        token: randomBytes(12).toString('base64url'),
        title,
        createdBy: actor.account.id,
        createdAt: deps.clock.now(),
      })
      .returning({ id: volunteerCalls.id });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'volunteer_call.open',
      targetType: 'volunteer_call',
      targetId: row!.id,
      params: { title },
    });
    return row!.id;
  });
  return present((await repo.listCalls(deps.db, communityId)).find((c) => c.id === id)!);
}

export async function closeVolunteerCall(deps: AppDeps, actor: Actor, callId: string) {
  const role = authorize(actor, volunteerActions['volunteers.call']);
  const communityId = actor.communityId!;
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(volunteerCalls)
      .set({ closedAt: deps.clock.now() })
      .where(
        and(
          eq(volunteerCalls.communityId, communityId),
          eq(volunteerCalls.id, callId),
          isNull(volunteerCalls.closedAt),
        ),
      )
      .returning({ title: volunteerCalls.title });
    if (!row) throw notFound('call');
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'volunteer_call.close',
      targetType: 'volunteer_call',
      targetId: callId,
      params: { title: row.title },
    });
  });
  return present((await repo.listCalls(deps.db, communityId)).find((c) => c.id === callId)!);
}

/** The QR code of a call's link, for the poster on the notice board. */
export async function volunteerCallQr(deps: AppDeps, actor: Actor, callId: string, origin: string) {
  authorize(actor, volunteerActions['volunteers.call']);
  const call = (await repo.listCalls(deps.db, actor.communityId!)).find((c) => c.id === callId);
  if (!call) throw notFound('call');
  return QRCode.toBuffer(`${origin}${present(call).path}`, {
    type: 'png',
    width: 600,
    margin: 2,
    errorCorrectionLevel: 'M',
  });
}

export async function getJoinInfo(deps: AppDeps, slug: string, token: string): Promise<TJoinInfo> {
  const call = await repo.findCallByLink(deps.db, slug, token);
  if (!call) throw notFound('call');
  return {
    communityName: call.communityName,
    title: call.title,
    open: call.closedAt === null,
    buildings: await repo.buildingCodes(deps.db, call.communityId),
  };
}

/** Registration by QR link: a new account and a pending volunteer, in one transaction. */
export async function registerVolunteer(
  deps: AppDeps,
  slug: string,
  token: string,
  input: TRegisterVolunteer,
) {
  const data = ZRegisterVolunteer.parse(input);
  const call = await repo.findCallByLink(deps.db, slug, token);
  if (!call) throw notFound('call');
  if (call.closedAt) throw new AppError('CALL_CLOSED');
  const buildingId = (await buildingIdsByCode(deps.db, call.communityId)).get(data.buildingCode);
  if (!buildingId) throw new AppError('UNKNOWN_BUILDING', {}, [{ path: 'body.buildingCode', message: '' }]);
  const taken = await deps.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(or(eq(accounts.mobile, data.mobile), eq(sql`lower(${accounts.username})`, data.mobile)));
  const mobileTaken = () => new AppError('MOBILE_REGISTERED', {}, [{ path: 'body.mobile', message: '' }]);
  if (taken.length > 0) throw mobileTaken();
  const passwordHash = await hashPassword(data.password);
  const accountId = await deps.db
    .transaction(async (tx) => {
      const [account] = await tx
        .insert(accounts)
        .values({ username: data.mobile, mobile: data.mobile, displayName: data.name, passwordHash })
        .returning({ id: accounts.id });
      const [volunteer] = await tx
        .insert(volunteers)
        .values({
          communityId: call.communityId,
          accountId: account!.id,
          status: 'pending',
          partyMember: data.partyMember,
          buildingId,
          room: data.room,
          workplace: data.workplace ?? null,
          skills: data.skills,
          vehicles: data.vehicles,
          ageBand: data.ageBand,
          note: data.note ?? null,
          callId: call.callId,
          createdAt: deps.clock.now(),
        })
        .returning({ id: volunteers.id });
      await audit(tx, {
        communityId: call.communityId,
        account: { id: account!.id, displayName: data.name },
        role: 'system',
        action: 'volunteer.register',
        targetType: 'volunteer',
        targetId: volunteer!.id,
        params: { name: data.name, building: data.buildingCode, room: data.room },
      });
      return account!.id;
    })
    .catch((err) => {
      // Two registrations with one number at the same moment: the unique index decides.
      if (isUniqueViolation(err)) throw mobileTaken();
      throw err;
    });
  return { accountId, communityName: call.communityName };
}
