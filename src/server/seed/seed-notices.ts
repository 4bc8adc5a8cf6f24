import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { wallClockAt, wallTimeToInstant } from '../../domain/shifts/zoned-time.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';
import { MAX_ATTEMPTS } from '../platform/notice-worker.ts';

const HOUR = 3_600_000;

interface NoticeDemo {
  communityId: string;
  now: Date;
  timeZone: string;
}

/**
 * The demo's notice delivery: the district's SMS gateway was tried yesterday evening, answered 502 and
 * timed out, and committee cadre staff1 switched it off until the district fixes it (so the demo sends
 * nothing outside the laptop). Three notices of that evening are dead letters for staff to resend;
 * two residents and the parcels leader have chosen quiet hours or no SMS.
 */
export async function seedDemoNotices(db: Db, { communityId, now, timeZone }: NoticeDemo) {
  const people = await db
    .select({ id: t.accounts.id, username: t.accounts.username })
    .from(t.accounts)
    .where(inArray(t.accounts.username, ['staff1', 'r0001', 'r0002', 'r0003', 'r0004', 'v001', 'v010']));
  const id = (username: string) => people.find((p) => p.username === username)?.id;
  const homes = await db
    .select({ accountId: t.residents.accountId, building: t.buildings.code, room: t.households.room })
    .from(t.residents)
    .innerJoin(
      t.households,
      and(
        eq(t.households.communityId, t.residents.communityId),
        eq(t.households.id, t.residents.householdId),
      ),
    )
    .innerJoin(
      t.buildings,
      and(eq(t.buildings.communityId, t.households.communityId), eq(t.buildings.id, t.households.buildingId)),
    )
    .where(
      and(
        eq(t.residents.communityId, communityId),
        inArray(
          t.residents.accountId,
          [id('r0003'), id('r0004')].filter((x): x is string => Boolean(x)),
        ),
      ),
    );

  await db.insert(t.noticeGateways).values({
    communityId,
    url: 'https://sms-gateway.example.gov.cn/linli/notices',
    secret: randomBytes(24).toString('hex'),
    enabled: false,
    updatedAt: new Date(now.getTime() - 14 * HOUR),
    updatedBy: id('staff1') ?? null,
  });

  const choices = [
    { username: 'r0001', channels: ['webhook'], quietStart: '22:00', quietEnd: '07:00' },
    { username: 'r0002', channels: [], quietStart: null, quietEnd: null },
    { username: 'v001', channels: ['webhook'], quietStart: '23:30', quietEnd: '05:30' },
  ];
  const preferences = choices.flatMap(({ username, ...choice }) => {
    const accountId = id(username);
    return accountId
      ? [{ communityId, accountId, ...choice, updatedAt: new Date(now.getTime() - 30 * HOUR) }]
      : [];
  });
  if (preferences.length > 0) await db.insert(t.notificationPreferences).values(preferences);

  // Yesterday evening on the community's clock.
  const yesterday = wallClockAt(new Date(now.getTime() - 24 * HOUR), timeZone).day;
  const at = (time: string) => wallTimeToInstant(yesterday, time, timeZone);
  const failed = (
    accountId: string | undefined,
    createdAt: Date,
    kind: string,
    params: Record<string, unknown>,
    lastError: string,
  ) =>
    accountId
      ? [
          {
            communityId,
            accountId,
            kind,
            params,
            link: kind.startsWith('parcels.') ? '/my/parcels' : '/my-shifts',
            channel: 'webhook',
            status: 'dead',
            attempts: MAX_ATTEMPTS,
            nextAttemptAt: new Date(createdAt.getTime() + 2 * HOUR),
            lastError,
            createdAt,
          },
        ]
      : [];
  const home = (username: string) => homes.find((h) => h.accountId === id(username));
  const r3 = home('r0003');
  const r4 = home('r0004');
  const dead = [
    ...(r3
      ? failed(
          id('r0003'),
          at('19:40'),
          'parcels.delivered',
          {
            building: r3.building,
            room: r3.room,
            count: 2,
            waybills: '7731、0925',
            code: '5162',
          },
          'the gateway answered 502 Bad Gateway',
        )
      : []),
    ...(r4
      ? failed(
          id('r0004'),
          at('20:05'),
          'parcels.reminder',
          {
            building: r4.building,
            room: r4.room,
            count: 1,
            deliveredAt: at('15:10').toISOString(),
            waybills: '4410',
            code: '2207',
            timeZone,
          },
          'no answer within 10000 ms',
        )
      : []),
    ...failed(
      id('v010'),
      at('20:30'),
      'shift.cancelled',
      {
        title: '快递分拣（夜班）',
        startsAt: at('21:00').toISOString(),
        timeZone,
      },
      'the gateway answered 502 Bad Gateway',
    ),
  ];
  if (dead.length > 0) await db.insert(t.outbox).values(dead);
}
