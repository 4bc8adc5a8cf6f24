import type { testingWhatIfZhCN } from './testing-whatif.zh-CN.ts';
import type { Catalogue } from './zh-CN.ts';

export const testingWhatIfEn: Catalogue<typeof testingWhatIfZhCN> = {
  testingWhatIf: {
    title: 'What if: simulate a round',
    link: 'What if: try lanes and calls first',
    intro:
      'Starting from your registry: {{residents}} residents ({{gates}}). Change the settings below and compare how long each way takes and how long the queues get.',
    gateResidents: '{{gate}} {{n}}',
    settings: 'Settings',
    lanes: 'Lanes in all',
    gateLanes: 'Lanes at {{gate}}',
    crowdLimit: 'Most people waiting at a gate',
    callInterval: 'Call a building every (seconds)',
    serviceMean: 'Swab time per person (seconds)',
    run: 'Compare the three ways',
    stale: 'Settings changed: tap “Compare the three ways” again.',
    lowerBound:
      'Shortest possible {{time}}: everyone’s swab time spread evenly over the lanes, plus the shortest walk. No way can be faster.',
    policy: {
      fixed: 'Fixed lanes',
      tidal: 'Tidal lanes',
      planned: 'Linli calls',
    },
    explain: {
      fixed:
        'Lanes stay where they are set above; each gate calls its buildings in order, one every interval.',
      tidal: 'The same calls, but lanes move to whichever gate has the longer queue (tidal lanes).',
      planned:
        'Linli times each building’s call by the queues and moves lanes too: lanes rarely idle, queues stay within the limit.',
    },
    makespan: 'Everyone tested in',
    vsBound: '{{percent}}% over the shortest possible',
    maxQueue: 'Longest queue at {{gate}}',
    queueValue: '{{n}} / limit {{limit}}',
    overLimit: 'over the limit',
    switches: 'Lane moves',
    switchesValue: '{{n}}',
    idle: 'Idle lanes',
    idleValue: '{{n}} lane-minutes',
    fastest: 'Fastest',
    noSite: 'The registry has no buildings and gates yet, so there is nothing to simulate.',
  },
  testingDuration: {
    hoursMinutes: '{{h}} h {{m}} min',
    minutes: '{{m}} min',
  },
};
