import { describe, expect, it } from 'vitest';
import type { TWeekFigures } from '../api/committee.ts';
import { agendaFromFigures } from './committee-agenda.ts';

const figures: TWeekFigures = {
  weekStart: '2026-04-06',
  weekEnd: '2026-04-12',
  timeZone: 'Asia/Shanghai',
  takenAt: '2026-04-13T10:00:00.000Z',
  parcels: { received: 14236, delivered: 14198, pickedUp: 13905, waitingAtWeekEnd: 38 },
  testing: {
    roundsRun: 1,
    samples: 5841,
    rounds: [
      {
        roundId: '00000000-0000-4000-8000-000000000001',
        title: '第13轮',
        day: '2026-04-07',
        status: 'finished',
        tested: 5841,
        expected: 6145,
      },
    ],
  },
  medicine: { requested: { critical: 3, high: 11, normal: 27 }, delivered: 37, overdue: 1 },
  groupBuys: { opened: 2, allocated: 1, failed: 0, orders: 618, campaigns: [] },
  volunteers: {
    shiftsDone: 189,
    hours: 612.5,
    noShows: 3,
    groups: [
      {
        groupId: '00000000-0000-4000-8000-000000000002',
        key: 'parcels',
        name: '快递组',
        shiftsDone: 189,
        hours: 612.5,
        noShows: 3,
      },
      {
        groupId: '00000000-0000-4000-8000-000000000003',
        key: 'publicity',
        name: '宣传组',
        shiftsDone: 0,
        hours: 0,
        noShows: 0,
      },
    ],
  },
};

describe('the agenda drafted from the week’s figures', () => {
  it('reads in Chinese, one line per group, and leaves out groups with nothing to report', () => {
    const lines = agendaFromFigures(figures, 'zh-CN').split('\n');
    expect(lines[0]).toBe('一、上周各组工作数据（4月6日至4月12日）');
    expect(lines[2]).toBe('2. 核酸：检测 1 轮，采样 5841 人次（覆盖率：第13轮 95%）。');
    expect(lines[5]).toBe(
      '5. 志愿者：完成班次 189 人次，服务 612.5 小时，缺席 3 人次。其中快递组 189 人次 612.5 小时。',
    );
  });

  it('reads in English with the default groups’ English names', () => {
    const text = agendaFromFigures(figures, 'en');
    expect(text).toContain("1. Last week's figures (Apr 6 – Apr 12)");
    expect(text).toContain(
      '1.5 Volunteers: 189 shifts done, 612.5 hours, 3 no-show(s). By group: Parcels 189 shifts, 612.5 h.',
    );
    expect(text).not.toMatch(/undefined|NaN/);
  });
});
