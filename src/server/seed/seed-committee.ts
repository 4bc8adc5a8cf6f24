import { randomUUID } from 'node:crypto';
import { mondayOf } from '../../domain/committee/week.ts';
import { addDays, wallClockAt, wallTimeToInstant } from '../../domain/shifts/zoned-time.ts';
import { type TWeekFigures, ZWeekFigures } from '../../shared/api/committee.ts';
import { agendaFromFigures } from '../../shared/i18n/committee-agenda.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';

const HOUR = 3_600_000;

// "However busy, we met as a committee every week" (不管多忙，我们每周都要开支委会会议). Last week's
// meeting, held on Monday evening, looked back on the week before with the story's figures: parcels at
// 2,000 a day cleared daily, two testing rounds on the tidal lanes, the insulin fetched the next morning,
// the 500 bags of rice. Its figures are the record the secretary saw then, not today's database.
function storyFigures(
  weekStart: string,
  takenAt: Date,
  residents: number,
  groupIds: ReadonlyMap<string, string>,
): TWeekFigures {
  const group = (key: string, name: string, shiftsDone: number, hours: number, noShows: number) => ({
    groupId: groupIds.get(key)!,
    key,
    name,
    shiftsDone,
    hours,
    noShows,
  });
  const groups = [
    group('parcels', '快递组', 189, 612.5, 3),
    group('testing', '核酸组', 126, 541, 2),
    group('medicine', '配药组', 42, 168.5, 0),
    group('group_buying', '团购组', 36, 104, 1),
    group('disinfection', '消杀组', 28, 56, 0),
    group('publicity', '宣传组', 9, 22.5, 0),
  ];
  return ZWeekFigures.parse({
    weekStart,
    weekEnd: addDays(weekStart, 6),
    timeZone: 'Asia/Shanghai',
    takenAt: takenAt.toISOString(),
    parcels: { received: 14_236, delivered: 14_198, pickedUp: 13_905, waitingAtWeekEnd: 38 },
    testing: {
      roundsRun: 2,
      samples: 11_712,
      rounds: [
        {
          roundId: randomUUID(),
          title: '第13轮全员核酸',
          day: addDays(weekStart, 1),
          status: 'finished',
          tested: 5_841,
          expected: residents,
        },
        {
          roundId: randomUUID(),
          title: '第14轮全员核酸',
          day: addDays(weekStart, 4),
          status: 'finished',
          tested: 5_871,
          expected: residents,
        },
      ],
    },
    medicine: { requested: { critical: 3, high: 11, normal: 27 }, delivered: 37, overdue: 1 },
    groupBuys: {
      opened: 2,
      allocated: 1,
      failed: 0,
      orders: 618,
      campaigns: [
        { groupBuyId: randomUUID(), title: '东北大米（10公斤装）', status: 'allocated', households: 583 },
        { groupBuyId: randomUUID(), title: '鸡蛋（30枚装）', status: 'open', households: 35 },
      ],
    },
    volunteers: {
      shiftsDone: groups.reduce((n, g) => n + g.shiftsDone, 0),
      hours: groups.reduce((n, g) => n + g.hours, 0),
      noShows: groups.reduce((n, g) => n + g.noShows, 0),
      groups,
    },
  });
}

const MINUTES = `一、各组汇报
快递组：日均快递已过两千件，一天三班，每班增加到五人，仍做到日清日结。卸货后只通知每栋一户，请楼组长转告全楼，每栋楼从半小时缩到几分钟。
核酸组：本周两轮全员采样。潮汐车道按东西两门排队情况在 4+2 和 2+4 之间调整，一轮从 5 小时缩短到 3 个半小时。扫码岗多由年轻党员担任，有人中暑晕倒，休息后又上岗，要注意轮换。
配药组：独居的耳背老人夫妇坚持当面、书面慢慢问清需求。一位老人的胰岛素告急，志愿者第二天一早开车跑了几家医院配齐送上门。本周有 1 条需求超时，原因是医院缺货。
团购组：500 袋大米已按公开的随机种子分配，全部送到楼。
二、决议
1. 快递组每班增加一名分拣志愿者，由支部书记协调报名。
2. 居委干部核对独居老人和慢病用药名单，交配药组提前一周提醒。
3. 核酸扫码岗每两小时轮换，准备遮阳棚和饮用水。
4. 宣传组把本周各组数据做成海报，贴到各楼公告栏。`;

/** Last week's committee meeting with its minutes and action items (one done, one overdue). */
export async function seedDemoCommittee(
  db: Db,
  row: {
    communityId: string;
    now: Date;
    timeZone: string;
    residents: number;
    groupIds: ReadonlyMap<string, string>;
    secretary: string;
    /** staff1 … staff3 */
    staff: readonly string[];
  },
) {
  const { communityId, now, timeZone } = row;
  const today = wallClockAt(now, timeZone).day;
  const lastMonday = addDays(mondayOf(today), -7);
  const heldAt = wallTimeToInstant(lastMonday, '19:00', timeZone);
  const figures = storyFigures(
    addDays(lastMonday, -7),
    new Date(heldAt.getTime() - HOUR),
    row.residents,
    row.groupIds,
  );
  const meetingId = randomUUID();
  await db.insert(t.committeeMeetings).values({
    communityId,
    id: meetingId,
    title: '临时党支部支委会（周例会）',
    heldAt,
    weekStart: figures.weekStart,
    figures,
    agenda: agendaFromFigures(figures, 'zh-CN'),
    minutes: MINUTES,
    attendees:
      '支部书记、居委干部1、居委干部2、快递组组长、核酸组组长、配药组组长、团购组组长、消杀组组长、宣传组组长',
    status: 'held',
    createdAt: new Date(heldAt.getTime() - HOUR),
    createdBy: row.secretary,
    updatedAt: new Date(heldAt.getTime() + 2 * HOUR),
  });
  const item = (title: string, owner: string, dueOn: string, doneOn?: string) => ({
    communityId,
    meetingId,
    title,
    ownerAccountId: owner,
    dueOn,
    status: doneOn ? 'done' : 'open',
    note: doneOn ? '已在志愿者群发出报名，每班多了一人。' : null,
    doneAt: doneOn ? wallTimeToInstant(doneOn, '20:00', timeZone) : null,
    createdAt: heldAt,
    createdBy: row.secretary,
    updatedAt: doneOn ? wallTimeToInstant(doneOn, '20:00', timeZone) : heldAt,
  });
  await db.insert(t.actionItems).values([
    item(
      '快递组每班增加一名分拣志愿者，协调报名',
      row.secretary,
      addDays(lastMonday, 3),
      addDays(lastMonday, 2),
    ),
    // due last Wednesday and still open: overdue
    item('核对独居老人和慢病用药名单，交配药组', row.staff[0]!, addDays(lastMonday, 2)),
    item('准备核酸扫码岗遮阳棚和饮用水', row.staff[1]!, addDays(today, 2)),
    item('本周各组数据做成海报，贴到各楼公告栏', row.staff[2]!, addDays(today, 4)),
  ]);
}
