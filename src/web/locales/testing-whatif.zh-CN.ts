// The "what if" simulator page (issue 6, item 7).
export const testingWhatIfZhCN = {
  testingWhatIf: {
    title: '检测模拟推演',
    link: '模拟推演：先试试通道和叫号',
    intro:
      '从本小区的名册出发：{{residents}} 位居民（{{gates}}）。调整下面的设置，比较三种做法各要多久、排队多长。',
    gateResidents: '{{gate}} {{n}} 人',
    settings: '设置',
    lanes: '通道总数',
    gateLanes: '{{gate}}的通道',
    crowdLimit: '每个大门最多排队（人）',
    callInterval: '每隔多久叫一栋楼（秒）',
    serviceMean: '每人采样用时（秒）',
    run: '比较三种做法',
    stale: '设置改了，点“比较三种做法”重新计算。',
    lowerBound:
      '理论最短 {{time}}：所有人的采样时间平均分到每条通道，再加上最短的步行时间。谁都不可能比这更快。',
    policy: {
      fixed: '固定通道',
      tidal: '潮汐通道',
      planned: '邻里叫号',
    },
    explain: {
      fixed: '通道按上面的分配一直不动；每个大门按楼号顺序，每隔一段时间叫一栋楼。',
      tidal: '叫号和“固定通道”一样，但看哪边排队长，就把通道调过去（潮汐车道）。',
      planned: '由邻里根据排队情况安排每栋楼的叫号时间，同时按排队调通道：通道尽量不闲，排队不超上限。',
    },
    makespan: '全部采完',
    vsBound: '比理论最短多 {{percent}}%',
    maxQueue: '{{gate}}最长排队',
    queueValue: '{{n}} 人 / 上限 {{limit}}',
    overLimit: '超过上限',
    switches: '调通道',
    switchesValue: '{{n}} 次',
    idle: '通道空闲',
    idleValue: '{{n}} 通道·分钟',
    fastest: '最快',
    noSite: '名册里还没有楼栋和大门，无法模拟。',
  },
  testingDuration: {
    hoursMinutes: '{{h}} 小时 {{m}} 分',
    minutes: '{{m}} 分钟',
  },
};
