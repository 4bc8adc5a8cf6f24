// The deadline of each urgency, set on the medicine queue (issue 7). Spread into zh-CN.ts.
export const medicineSettingsZhCN = {
  medicineSettings: {
    title: '配药期限',
    urgencyHours: '{{urgency}} {{hours}} 小时',
    intro: '登记配药需求后，配药组要在这个时间内送到。越紧急，期限越短。',
    hours: '小时',
    field: {
      criticalHours: '危急（如胰岛素快用完）',
      highHours: '较急（长期药 3 天内用完）',
      normalHours: '普通',
    },
    range: '每项填 1 到 168 之间的整数（最长一周），危急 ≤ 较急 ≤ 普通。',
    newOnly: '只对之后登记的需求生效；已经登记的需求保持原来的期限。',
    save: '保存期限',
    saved: '已保存。新登记的需求按新期限计算，已有需求不变。',
  },
};
