import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TCodeCards, THouseholdCodes, TMyTestingCodes } from '../../../shared/api/testing-scans.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { buildings, households, residents } from '../../db/schema/index.ts';
import { notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { authorizeScanning } from './scanning-access.ts';

type Executor = AppDeps['db'];

/** Crockford base32: no I, L, O or U, so a code read aloud or typed from a card is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 'LL' and 10 characters of 5 random bits each: 2^50 codes, not guessable from a neighbour's card. */
export function newPersonalCode(): string {
  const bytes = randomBytes(10);
  let code = 'LL';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

/**
 * Gives every listed resident without a code one. `personal_code is null` in the UPDATE lets two
 * requests race harmlessly (the second changes nothing); a collision with another resident's code
 * (about one in 10^15 per code) is simply drawn again.
 */
async function ensureCodes(db: Executor, communityId: string, residentIds: string[]) {
  for (const id of residentIds) {
    for (let attempt = 0; ; attempt++) {
      try {
        await db
          .update(residents)
          .set({ personalCode: newPersonalCode() })
          .where(
            and(eq(residents.communityId, communityId), eq(residents.id, id), isNull(residents.personalCode)),
          );
        break;
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
      }
    }
  }
}

async function householdsWithCodes(
  db: Executor,
  communityId: string,
  householdIds: string[],
): Promise<THouseholdCodes[]> {
  if (householdIds.length === 0) return [];
  const read = () =>
    db
      .select({
        householdId: households.id,
        buildingCode: buildings.code,
        room: households.room,
        residentId: residents.id,
        name: residents.name,
        personalCode: residents.personalCode,
      })
      .from(residents)
      .innerJoin(
        households,
        and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
      )
      .innerJoin(
        buildings,
        and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
      )
      .where(and(eq(residents.communityId, communityId), inArray(residents.householdId, householdIds)))
      .orderBy(
        sql`length(${households.room})`,
        asc(households.room),
        asc(residents.createdAt),
        asc(residents.name),
      );
  let rows = await read();
  const missing = rows.filter((r) => r.personalCode === null).map((r) => r.residentId);
  if (missing.length > 0) {
    await ensureCodes(db, communityId, missing);
    rows = await read();
  }
  const byHousehold = new Map<string, THouseholdCodes>();
  for (const r of rows) {
    let h = byHousehold.get(r.householdId);
    if (!h) {
      h = { householdId: r.householdId, buildingCode: r.buildingCode, room: r.room, residents: [] };
      byHousehold.set(r.householdId, h);
    }
    h.residents.push({ residentId: r.residentId, name: r.name, personalCode: r.personalCode! });
  }
  return [...byHousehold.values()];
}

/** getMyTestingCodes: the signed-in resident's household, every member with their code. */
export async function getMyTestingCodes(deps: AppDeps, actor: Actor): Promise<TMyTestingCodes> {
  await authorizeScanning(deps, actor, 'testing.my_codes');
  const communityId = actor.communityId!;
  const mine = await deps.db
    .select({ householdId: residents.householdId })
    .from(residents)
    .where(and(eq(residents.communityId, communityId), eq(residents.accountId, actor.account.id)))
    .limit(1);
  const [household] = await householdsWithCodes(
    deps.db,
    communityId,
    mine.map((m) => m.householdId),
  );
  return { household: household ?? null };
}

/**
 * printHouseholdCodeCards: one card per household of a building, for those without phones. Making
 * codes and handing them out on paper is audited (who printed which building's cards, how many).
 */
export async function printHouseholdCodeCards(
  deps: AppDeps,
  actor: Actor,
  query: { buildingId: string; withoutAccount: boolean },
): Promise<TCodeCards> {
  const role = await authorizeScanning(deps, actor, 'testing.print_codes');
  const communityId = actor.communityId!;
  const [building] = await deps.db
    .select({ code: buildings.code })
    .from(buildings)
    .where(and(eq(buildings.communityId, communityId), eq(buildings.id, query.buildingId)));
  if (!building) throw notFound('building');
  const rows = await deps.db
    .select({ id: households.id })
    .from(households)
    .where(
      and(
        eq(households.communityId, communityId),
        eq(households.buildingId, query.buildingId),
        query.withoutAccount
          ? sql`not exists (select 1 from ${residents} r where r.community_id = ${communityId}
              and r.household_id = ${households.id} and r.account_id is not null)`
          : undefined,
      ),
    );
  const cards = await householdsWithCodes(
    deps.db,
    communityId,
    rows.map((r) => r.id),
  );
  await audit(deps.db, {
    communityId,
    account: actor.account,
    role,
    action: 'testing.print_code_cards',
    targetType: 'building',
    targetId: query.buildingId,
    params: { building: building.code, households: cards.length },
  });
  return { buildingCode: building.code, households: cards };
}
