import { accountEn } from './account.en.ts';
import { announcementsEn } from './announcements.en.ts';
import { attendanceEn } from './attendance.en.ts';
import { committeeEn } from './committee.en.ts';
import { dashboardEn } from './dashboard.en.ts';
import { deliveryRunsEn } from './delivery-runs.en.ts';
import { disinfectionEn } from './disinfection.en.ts';
import { drawEn } from './draw.en.ts';
import { groupBuysEn } from './group-buys.en.ts';
import { medicineAskEn } from './medicine-ask.en.ts';
import { medicineIntakeEn } from './medicine-intake.en.ts';
import { medicineSettingsEn } from './medicine-settings.en.ts';
import { medicineWorkEn } from './medicine-work.en.ts';
import { noticeSettingsEn } from './notice-settings.en.ts';
import { notificationsEn } from './notifications.en.ts';
import { parcelBoardEn } from './parcel-board.en.ts';
import { parcelImportEn } from './parcel-import.en.ts';
import { parcelRidesEn } from './parcel-rides.en.ts';
import { parcelsEn } from './parcels.en.ts';
import { registryEn } from './registry.en.ts';
import { relaysEn } from './relays.en.ts';
import { rosterEn } from './roster.en.ts';
import { shiftTemplatesEn } from './shift-templates.en.ts';
import { shiftsEn } from './shifts.en.ts';
import { streetEn } from './street.en.ts';
import { testingCallsEn } from './testing-calls.en.ts';
import { testingLiveEn } from './testing-live.en.ts';
import { testingOfflineEn } from './testing-offline.en.ts';
import { testingReportEn } from './testing-report.en.ts';
import { testingRoundsEn } from './testing-rounds.en.ts';
import { testingScansEn } from './testing-scans.en.ts';
import { testingWhatIfEn } from './testing-whatif.en.ts';
import { volunteerCallsEn } from './volunteer-calls.en.ts';
import { volunteersEn } from './volunteers.en.ts';
import type { Messages } from './zh-CN.ts';

export const en: Messages = {
  app: {
    name: 'Linli',
    tagline: 'Neighbourhood volunteers and lockdown operations',
  },
  common: {
    working: 'Working…',
    retry: 'Retry',
    loading: 'Loading…',
    loadFailed: 'Could not load',
    cannotReach: 'Cannot reach the server. Please check your connection and try again.',
    serverError: 'The server had a problem ({{status}}). Please try again later.',
    badResponse: 'The server sent data this page does not understand. Please reload the page.',
    forbidden: 'You are not allowed to see this page.',
    backHome: 'Back to home',
    notFound: 'Page not found',
    cancel: 'Cancel',
    cancelled: 'Cancelled',
    save: 'Save',
    edit: 'Edit',
    delete: 'Delete',
  },
  demo: {
    banner: 'Demo data: the people and figures here are for demonstration only.',
    hint: 'Demo sign-ins: secretary (branch secretary), staff1 (committee), v001 (volunteer), r0001 (resident); password linli-demo',
  },
  language: {
    switchTo: 'Switch language: {{language}}',
    zh: '中文',
    en: 'English',
    saveFailed: 'Language changed, but it could not be saved to your account: {{message}}',
  },
  login: {
    title: 'Sign in',
    username: 'Username or mobile number',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Please enter your username or mobile number',
    passwordRequired: 'Please enter your password',
  },
  shell: {
    mainNav: 'Main navigation',
    openMenu: 'Open menu',
    menuTitle: 'Menu',
    signOut: 'Sign out',
    signOutFailed: 'Could not sign out: {{message}}',
    community: 'Community',
    signedInAs: 'Signed in as',
    noCommunityTitle: 'You are not a member of any community yet',
    noCommunityText: 'Please ask the neighbourhood committee or the branch secretary to add you.',
  },
  nav: {
    home: 'Home',
    audit: 'Audit log',
    newCommunity: 'New community',
    sitePlan: 'Site plan',
    buildings: 'Buildings',
    households: 'Households',
    residents: 'Residents',
    vulnerable: 'Vulnerable residents',
    rosterImport: 'Roster import',
    shifts: 'Shifts',
    myShifts: 'My shifts',
    volunteers: 'Volunteers',
    groups: 'Groups',
    volunteerCalls: 'Call for volunteers',
  },
  roles: {
    coordinator: 'Branch secretary',
    leader: 'Group leader',
    volunteer: 'Volunteer',
    staff: 'Committee staff',
    resident: 'Resident',
    viewer: 'Viewer',
    platform_admin: 'Platform admin',
    system: 'System',
  },
  home: {
    title: 'Home',
    peopleTitle: 'Our people',
    cadres: 'Committee cadres',
    socialWorkers: 'Social workers',
    volunteers: 'Volunteers',
    pendingVolunteers: 'Volunteers awaiting approval',
    groupsTitle: 'Volunteers in each group',
    registryTitle: 'Community registry',
    buildings: 'Buildings',
    households: 'Households',
    residents: 'Residents',
    vulnerableResidents: 'Vulnerable residents',
  },
  audit: {
    title: 'Audit log',
    timezoneNote: 'Times are shown in the community time zone ({{timezone}}).',
    filtersTitle: 'Filters',
    action: 'Action',
    actionPlaceholder: 'All actions',
    from: 'From date',
    to: 'To date',
    search: 'Search',
    reset: 'Reset',
    time: 'Time',
    actor: 'By',
    operation: 'Action',
    target: 'Target',
    summary: 'Summary',
    loadMore: 'Load more',
    loadingMore: 'Loading…',
    allShown: 'All entries are shown',
    empty: 'No entries match',
    rangeInvalid: 'The end date cannot be before the start date',
    // Keyed like the server's action names: "community.seed" → actions.community.seed.
    actions: {
      community: {
        seed: 'Demo community seeded',
        create: 'Community created',
      },
      volunteer_call: { open: 'Call opened', close: 'Call closed' },
      volunteer: {
        register: 'Volunteer registered',
        approve: 'Volunteer approved',
        reject: 'Volunteer not accepted',
        groups: 'Groups set',
        calendar_reset: 'Calendar link reset',
      },
      group: { create: 'Group created', rename: 'Group renamed' },
      shift_template: {
        create: 'Shift template created',
        archive: 'Shift template archived',
        generate: 'Shifts made from template',
      },
      shift: {
        create: 'Shift created',
        capacity: 'Places changed',
        signup: 'Signed up',
        waitlist: 'Joined waitlist',
        cancel_signup: 'Sign-up cancelled',
        cancel: 'Shift cancelled',
        cancel_reason: 'Shift cancelled, with reason',
        check_in: 'Checked in',
        check_in_undo: 'Check-in taken back',
        check_out: 'Checked out',
        check_out_undo: 'Check-out taken back',
        no_show: 'No-show marked',
        no_show_undo: 'No-show taken back',
        draw_request: 'Draw requested',
        draw: 'Places drawn',
      },
    },
    targetTypes: {
      community: 'Community',
      volunteer_call: 'Call',
      volunteer: 'Volunteer',
      group: 'Group',
      shift: 'Shift',
      shift_template: 'Shift template',
    },
  },
  newCommunity: {
    title: 'New community',
    intro:
      'You will become its branch secretary and committee staff; it starts with the six volunteer groups.',
    name: 'Community name',
    namePlaceholder: 'e.g. Gelin Chuntian',
    nameRequired: 'Please enter the community name',
    slug: 'Community id',
    slugHelp: 'Used in web addresses: lowercase letters, digits and dashes, e.g. gelin-2',
    slugRequired: 'Please enter the community id',
    slugPattern: 'Use lowercase letters, digits and dashes, starting with a letter or digit',
    timezone: 'Time zone',
    submit: 'Create community',
    created: 'Community “{{name}}” created',
  },
  ...registryEn,
  ...rosterEn,
  ...volunteerCallsEn,
  ...volunteersEn,
  ...shiftsEn,
  ...shiftTemplatesEn,
  ...drawEn,
  ...notificationsEn,
  ...noticeSettingsEn,
  ...attendanceEn,
  ...parcelsEn,
  ...parcelRidesEn,
  ...deliveryRunsEn,
  ...parcelImportEn,
  ...parcelBoardEn,
  ...testingScansEn,
  ...testingRoundsEn,
  ...testingLiveEn,
  ...testingCallsEn,
  ...testingReportEn,
  ...testingWhatIfEn,
  ...medicineAskEn,
  ...medicineIntakeEn,
  ...medicineWorkEn,
  ...medicineSettingsEn,
  ...testingOfflineEn,
  ...groupBuysEn,
  ...disinfectionEn,
  ...committeeEn,
  ...announcementsEn,
  ...relaysEn,
  ...dashboardEn,
  ...streetEn,
  ...accountEn,
};
