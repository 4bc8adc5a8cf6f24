import type { relaysZhCN } from './relays.zh-CN.ts';
import type { Catalogue } from './zh-CN.ts';

export const relaysEn: Catalogue<typeof relaysZhCN> = {
  relays: {
    nav: 'Building relays',
    title: 'Building relays',
    relayIntro:
      'Please pass these on to the residents of your building, above all elderly people without a phone. Then tap "Passed on".',
    tellBuilding: 'Tell building {{building}}',
    passedOn: 'Passed on',
    passedOnForThem: 'Confirm for the relay contact',
    passedOnDone: 'Noted: passed on to building {{building}}',
    confirmedBy: 'Passed on, confirmed by {{name}} at {{time}}',
    confirmedByOnBehalf: 'Confirmed by {{name}} on their behalf at {{time}}',
    askedAt: 'Sent {{time}}',
    escalateAt: 'Please pass it on by {{time}}; after that it goes to the publicity group',
    escalatedAt:
      'Not confirmed by {{time}}: sent to the publicity group, and residents with an account were told directly',
    open: 'Open',
    openBySource: {
      announcement: 'Read the announcement',
      testing_call: 'Open',
      parcels: 'Pickup desk (hand over by code)',
    },
    noneOpen:
      'Nothing to pass on right now. New announcements, testing calls and parcels for your building appear here, and you are notified.',
    confirmedToday: 'Passed on today',
    mineTitle: 'My buildings',
    source: {
      all: 'All',
      announcement: 'Announcements',
      testing_call: 'Testing calls',
      parcels: 'Parcels',
    },
    status: {
      open: 'Open',
      escalated: 'Overdue',
      confirmed: 'Passed on',
    },
    figures: {
      open: 'Open',
      escalated: 'Overdue',
      confirmed: 'Passed on today',
    },
    overviewIntro:
      "How each building's relay contact is doing: open, overdue (sent to the publicity group), and confirmed today.",
    filtersLabel: 'Filters',
    sourceLabel: 'Kind',
    buildingsTitle: 'By building',
    buildingFilter: 'Only building {{building}}',
    allBuildingsShow: 'Show all {{count}} buildings',
    allBuildings: 'All buildings',
    noRelay: 'No relay contact',
    tasksTitle: 'Relay tasks',
    moreTasks: 'Show 20 more ({{count}} left)',
    noTasks: 'No relay tasks match.',
    relayOf: 'Relay contact: {{name}}',
    home: {
      title: 'Building relays',
      open: '{{count}} to pass on',
      none: 'Nothing to pass on right now',
      go: 'Pass them on',
    },
    settings: {
      title: 'Time to confirm',
      now: 'Escalated to the publicity group after {{minutes}} minutes unconfirmed',
      intro:
        'How long a relay contact has to tap "Passed on". After that the task goes to the publicity group, and residents of the building with an account are told directly.',
      field: 'Time to confirm (minutes)',
      minutes: 'min',
      range: 'Whole minutes from {{min}} to {{max}}. Applies to relay tasks sent from now on.',
      save: 'Save',
      saved: 'Saved. Relay tasks sent from now on use the new time.',
    },
  },
};
