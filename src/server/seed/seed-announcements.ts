import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { createRandom } from '../../domain/random.ts';
import { announcementPath, type TAnnouncementAudience } from '../../shared/api/announcements.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';
import { previewOf } from '../features/announcements/announcements.presenter.ts';
import { audienceAccounts, audienceBuildings } from '../features/announcements/audience.repository.ts';
import { queueRelayTasks } from '../platform/relay-tasks.ts';

const HOUR = 3_600_000;

interface DemoAnnouncement {
  title: string;
  body: string;
  audience: TAnnouncementAudience;
  /** zone codes, building codes or a group key, as the story names them */
  targets?: string[];
  by: 'secretary' | 'staff1' | 'v251';
  hoursAgo: number;
  /** hours from now; negative: already expired */
  expiresIn?: number;
  pinned?: boolean;
  critical?: boolean;
  /** share of those reached who have read it */
  readShare: number;
  /** the demo resident r0001 has read it */
  r0001Read: boolean;
  /** share of the relay contacts who confirmed passing it on (no relay tasks when absent) */
  relayConfirmed?: number;
}

// The story's notices (../shared/seed/): the lockdown from 1 April, the branch's call to party members on
// 9 April, the new parcel routine, the testing rounds, the rice; newest last.
const DEMO: DemoAnnouncement[] = [
  {
    title: '关于小区实行封控管理的通知',
    body: '根据疫情防控要求，小区自4月1日起实行封控管理，居民足不出户，快递、团购物资由志愿者送到楼下。\n\n如有就医、配药等紧急需求，请联系楼组长或居委会（电话 021-56781234）。独居老人、行动不便的居民，请家人或邻居帮忙告知楼组长。\n\n感谢大家的理解和配合！',
    audience: 'all',
    by: 'staff1',
    hoursAgo: 8 * 24,
    pinned: true,
    readShare: 0.86,
    r0001Read: true,
    relayConfirmed: 1,
  },
  {
    title: '下沉党员请向临时党支部报到',
    body: '小区临时党支部已经成立。请已向居民区报到的下沉党员扫码进入支部群，按快递、核酸、配药、团购、消杀和宣传六个小组报名。',
    audience: 'all',
    by: 'secretary',
    hoursAgo: 6 * 24,
    expiresIn: -3 * 24,
    readShare: 0.7,
    r0001Read: true,
  },
  {
    title: '快递取件新办法：一户下楼，转告全楼',
    body: '为了让快递当天送完，志愿者卸下快递后只通知本楼一户下楼，请这位邻居转告楼内其他住户凭取件码取件。\n\n开通了账号的住户会直接收到取件码通知，不用再等门铃。',
    audience: 'zones',
    targets: ['east'],
    by: 'v251',
    hoursAgo: 4 * 24,
    readShare: 0.55,
    r0001Read: false,
  },
  {
    title: '配药服务：独居老人和慢病居民请看',
    body: '配药组每天上午收集配药需求，胰岛素等救命药优先送达。家里有独居老人、慢病用药的居民，可以请家人在“申请配药”里代为登记，或告诉楼组长。听力不好的老人，志愿者会上门用书面对话的方式问清楚需求。',
    audience: 'vulnerable',
    by: 'staff1',
    hoursAgo: 3 * 24,
    critical: true,
    readShare: 0.45,
    r0001Read: false,
  },
  {
    title: '五常大米团购到货，志愿者送到各楼',
    body: '500袋五常大米已到货，志愿者正在用私家车、小推车、电瓶车和平板车送到各楼。分到大米的住户请在“团购”里查看，收到后在应用里确认收货。',
    audience: 'all',
    by: 'v251',
    hoursAgo: 5,
    expiresIn: 2 * 24,
    readShare: 0.35,
    r0001Read: false,
  },
  {
    title: '宣传组：本周通知张贴安排',
    body: '每栋楼的公告栏请贴上“小区通知公告”二维码海报（在“通知公告”里打印）。本周由 v251 至 v260 负责西区，v261 至 v280 负责东区。',
    audience: 'group',
    targets: ['publicity'],
    by: 'v251',
    hoursAgo: 2,
    readShare: 0.5,
    r0001Read: false,
  },
  {
    title: '明天上午全员核酸检测',
    body: '明天上午 7:00 起进行第十七轮全员核酸检测，按楼栋分批叫号，请听到叫号后再下楼，戴好口罩、保持一米间距，提前打开“我的核酸码”。\n\n行动不便、在上门采样名单上的居民请在家等候。',
    audience: 'all',
    by: 'staff1',
    hoursAgo: 0.5,
    expiresIn: 20,
    pinned: true,
    critical: true,
    readShare: 0.2,
    r0001Read: false,
    relayConfirmed: 0.4,
  },
];

/** Ids the story names by code: zones by code, buildings by code, groups by key. */
async function targetIds(db: Db, communityId: string, a: DemoAnnouncement) {
  const codes = a.targets ?? [];
  if (codes.length === 0) return [];
  const table = a.audience === 'zones' ? t.zones : a.audience === 'buildings' ? t.buildings : null;
  if (table) {
    const rows = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.communityId, communityId), inArray(table.code, codes)));
    return rows.map((r) => r.id);
  }
  const rows = await db
    .select({ id: t.volunteerGroups.id })
    .from(t.volunteerGroups)
    .where(and(eq(t.volunteerGroups.communityId, communityId), inArray(t.volunteerGroups.key, codes)));
  return rows.map((r) => r.id);
}

/**
 * The story's announcements with who they reached (by the same targeting the API uses), read receipts
 * partly read by a recorded seed, the inbox notices that announced them (read with them), and relay tasks
 * for the lockdown (all passed on) and tomorrow's testing (some passed on).
 */
export async function seedDemoAnnouncements(db: Db, row: { communityId: string; now: Date }) {
  const { communityId, now } = row;
  const random = createRandom(20220401);
  const people = await db
    .select({ id: t.accounts.id, username: t.accounts.username })
    .from(t.accounts)
    .where(inArray(t.accounts.username, ['secretary', 'staff1', 'v251', 'r0001']));
  const accountOf = (username: string) => people.find((p) => p.username === username)?.id ?? null;
  const [community] = await db
    .select({ minutes: t.communities.relayEscalateMinutes })
    .from(t.communities)
    .where(eq(t.communities.id, communityId));
  const relayMinutes = community?.minutes ?? 120;
  // several notices go to everyone: who that is is asked once
  const audiences = new Map<string, Awaited<ReturnType<typeof audienceAccounts>>>();
  for (const a of DEMO) {
    const id = randomUUID();
    const publishedAt = new Date(now.getTime() - a.hoursAgo * HOUR);
    const ids = await targetIds(db, communityId, a);
    await db.insert(t.announcements).values({
      communityId,
      id,
      title: a.title,
      body: a.body,
      audience: a.audience,
      audienceIds: ids,
      pinned: a.pinned ?? false,
      isPublic: a.audience !== 'group' && a.audience !== 'vulnerable',
      relay: a.relayConfirmed !== undefined,
      critical: a.critical ?? false,
      expiresAt: a.expiresIn === undefined ? null : new Date(now.getTime() + a.expiresIn * HOUR),
      publishedAt,
      publishedBy: accountOf(a.by),
    });
    const key = `${a.audience}:${ids.join()}`;
    const reached = audiences.get(key) ?? (await audienceAccounts(db, communityId, a.audience, ids));
    audiences.set(key, reached);
    const receipts = reached.map((r) => {
      const read = r.accountId === accountOf('r0001') ? a.r0001Read : random.chance(a.readShare);
      const readAt = read
        ? new Date(publishedAt.getTime() + random.int(5, Math.min(600, a.hoursAgo * 60)) * 60_000)
        : null;
      return { ...r, readAt: readAt && readAt > now ? now : readAt };
    });
    for (let i = 0; i < receipts.length; i += 1000) {
      const part = receipts.slice(i, i + 1000);
      await db
        .insert(t.announcementRecipients)
        .values(part.map((r) => ({ communityId, announcementId: id, ...r })));
      await db.insert(t.notifications).values(
        part.map((r) => ({
          communityId,
          id: randomUUID(),
          accountId: r.accountId,
          kind: 'announcement.published',
          params: { title: a.title, preview: previewOf(a.body) },
          link: announcementPath(id),
          critical: a.critical ?? false,
          createdAt: publishedAt,
          readAt: r.readAt,
        })),
      );
    }
    if (a.relayConfirmed === undefined) continue;
    const escalateAt = new Date(publishedAt.getTime() + relayMinutes * 60_000);
    const made = await queueRelayTasks(
      db,
      {
        communityId,
        sourceType: 'announcement',
        sourceId: id,
        buildingIds: await audienceBuildings(db, communityId, a.audience, ids),
        kind: 'announcement.relay',
        params: { title: a.title },
        link: announcementPath(id),
        critical: a.critical ?? false,
      },
      publishedAt,
    );
    for (const task of made) {
      const confirmed = task.relayAccountId !== null && random.chance(a.relayConfirmed);
      // long-past tasks nobody confirmed were escalated back then, not on the demo's first start
      const escalated = !confirmed && escalateAt < now;
      if (!confirmed && !escalated) continue;
      await db
        .update(t.relayTasks)
        .set(
          confirmed
            ? {
                confirmedAt: new Date(
                  Math.min(now.getTime(), publishedAt.getTime() + random.int(3, 25) * 60_000),
                ),
                confirmedBy: task.relayAccountId,
              }
            : { escalatedAt: escalateAt },
        )
        .where(and(eq(t.relayTasks.communityId, communityId), eq(t.relayTasks.id, task.id)));
    }
  }
}
