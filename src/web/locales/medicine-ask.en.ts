import type { medicineAskZhCN } from './medicine-ask.zh-CN.ts';

export const medicineAskEn: typeof medicineAskZhCN = {
  medicineAsk: {
    title: 'Ask for medicine',
    forOthers: 'For a resident',
    forMine: 'For my household',
    forWhom: 'Which resident is it for?',
    find: {
      building: 'Building',
      room: 'Room',
      q: 'Name',
      search: 'Find',
      none: 'Nobody found: try another building, room or name.',
    },
    openRequests: '{{count}} open',
    askingFor: 'For {{name}} (Bldg {{building}}, Rm {{room}})',
    otherResident: 'Someone else',
    noHousehold: 'Your account is not linked to a household yet: please ask the committee.',
    modeWritten: 'Written (large type)',
    modeForm: 'Ordinary form',
    form: {
      drug: 'Medicine',
      strength: 'Strength (e.g. 300 units per pen)',
      quantity: 'Amount',
      daysLeft: 'Days the current supply lasts',
      chronic: 'Taken long-term',
      source: 'Usual hospital or pharmacy',
      note: 'Anything else',
      photo: 'Photo of the prescription, insurance card or box (optional)',
      choosePhoto: 'Take or choose a photo',
      submit: 'Send the request',
    },
  },
};
