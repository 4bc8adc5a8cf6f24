import type { Role } from '../../shared/roles.ts';

/**
 * THE ACCESS POLICY, one line per operation of /api/openapi.json: who gets past authorization.
 * access-matrix.test.ts walks every operation as every identity and fails on any difference, on an
 * operation missing here, or on a name here that the API does not have.
 *
 * - `PUBLIC`: anyone, signed in or not (the join page, the public notice board, sign-in itself).
 * - `SIGNED_IN`: any signed-in account, member of a community or not; anonymous gets 401.
 * - `anywhere([...])`: a signed-in account holding one of these roles in ANY community; others 403.
 * - `[...roles]` (community operations, /api/communities/{communityId}/...): the roles of that community
 *   listed are allowed, its other roles get 403; anonymous gets 401; a member of ANOTHER community and
 *   an account of no community get 404, as if the community did not exist.
 *
 * "Allowed" means past the role check: the answer may still be a rule of the operation (404 for a row
 * the caller may not see, 409 for a state). Narrower rules inside a role (a resident's own household,
 * a leader of the feature's own group, an item's owner) are noted where they apply; the matrix runs
 * with `leader` leading every group and `volunteer` in every group, and the household and masking
 * checks in the test cover what a resident sees.
 */
export type AccessRule = 'public' | 'signed-in' | { readonly anywhere: readonly Role[] } | readonly Role[];

const PUBLIC = 'public';
const SIGNED_IN = 'signed-in';
const anywhere = (roles: readonly Role[]) => ({ anywhere: roles });
const EVERY_ROLE: readonly Role[] = ['coordinator', 'staff', 'leader', 'volunteer', 'resident', 'viewer'];

export const ACCESS_POLICY: Record<string, AccessRule> = {
  // operations
  health: PUBLIC,

  // auth
  login: PUBLIC,
  logout: PUBLIC,
  getSession: PUBLIC,
  updateMe: SIGNED_IN,
  changePassword: SIGNED_IN,

  // communities
  listMyCommunities: SIGNED_IN,
  // neighbourhood committee staff (who look after several compounds) open new ones; platform admins too
  createCommunity: anywhere(['staff']),
  getCommunityOverview: EVERY_ROLE,

  // audit
  listAuditLog: ['coordinator', 'staff'],

  // registry
  listZones: EVERY_ROLE,
  listBuildings: EVERY_ROLE,
  getBuilding: EVERY_ROLE,
  updateBuilding: ['coordinator', 'staff'],
  setRelayContact: ['coordinator', 'staff'],
  importBuildingPositions: ['coordinator', 'staff'],
  listHouseholds: EVERY_ROLE,
  listResidents: EVERY_ROLE,
  createResident: ['coordinator', 'staff'],
  // a resident reads only their own household's people (another's: 404, see the household checks)
  getResident: EVERY_ROLE,
  updateResident: ['coordinator', 'staff'],
  deleteResident: ['coordinator', 'staff'],
  exportRoster: ['coordinator', 'staff'],
  previewRosterImport: ['coordinator', 'staff'],
  commitRosterImport: ['coordinator', 'staff'],

  // volunteers
  listVolunteerCalls: ['coordinator'],
  openVolunteerCall: ['coordinator'],
  closeVolunteerCall: ['coordinator'],
  getVolunteerCallQr: ['coordinator'],
  getJoinInfo: PUBLIC,
  registerVolunteer: PUBLIC,
  listVolunteers: ['coordinator', 'staff', 'leader'],
  approveVolunteers: ['coordinator'],
  setVolunteerGroups: ['coordinator'],
  listGroups: EVERY_ROLE,
  createGroup: ['coordinator'],
  renameGroup: ['coordinator'],

  // shifts
  createShift: ['coordinator', 'leader'],
  listShifts: ['coordinator', 'staff', 'leader', 'volunteer', 'viewer'],
  setShiftCapacity: ['coordinator', 'leader'],
  signUpForShift: ['leader', 'volunteer'],
  cancelSignup: ['leader', 'volunteer'],
  listMySignups: ['leader', 'volunteer'],
  createShiftTemplate: ['coordinator', 'leader'],
  listShiftTemplates: ['coordinator', 'staff', 'leader', 'viewer'],
  archiveShiftTemplate: ['coordinator', 'leader'],
  generateShifts: ['coordinator', 'leader'],
  cancelShift: ['coordinator', 'leader'],
  getShiftDraw: ['coordinator', 'staff', 'leader', 'volunteer', 'viewer'],
  runShiftDraw: ['coordinator', 'leader'],
  listShiftRoster: ['coordinator', 'staff', 'leader'],
  checkIn: ['coordinator', 'leader'],
  checkOut: ['coordinator', 'leader'],
  markNoShow: ['coordinator', 'leader'],
  getCalendarFeed: PUBLIC,

  // volunteers
  getMyVolunteer: ['leader', 'volunteer'],
  resetCalendarToken: ['leader', 'volunteer'],

  // live
  streamLiveEvents: EVERY_ROLE,

  // notifications
  listNotifications: EVERY_ROLE,
  markNotificationsRead: EVERY_ROLE,
  getNotificationPreferences: EVERY_ROLE,
  setNotificationPreferences: EVERY_ROLE,
  getNoticeGateway: ['coordinator', 'staff'],
  setNoticeGateway: ['coordinator', 'staff'],
  testNoticeGateway: ['coordinator', 'staff'],
  listDeadLetters: ['coordinator', 'staff'],
  resendDeadLetter: ['coordinator', 'staff'],
  resendDeadLetters: ['coordinator', 'staff'],

  // parcels
  receiveParcels: ['coordinator', 'staff', 'leader', 'volunteer'],
  listParcels: ['coordinator', 'staff', 'leader', 'volunteer'],
  listParcelBins: ['coordinator', 'staff', 'leader', 'volunteer'],

  // testing
  createTestingRound: ['coordinator', 'staff', 'leader'],
  listTestingRounds: ['coordinator', 'staff', 'leader', 'volunteer'],
  getTestingRound: ['coordinator', 'staff', 'leader', 'volunteer'],
  getRoundCoverage: ['coordinator', 'staff', 'leader', 'volunteer'],
  sendToDoorToDoor: ['coordinator', 'staff', 'leader'],
  getCallDownPlan: ['coordinator', 'staff', 'leader', 'volunteer'],
  adjustCallDown: ['coordinator', 'staff', 'leader'],
  planCallDown: ['coordinator', 'staff', 'leader'],
  publishCallDown: ['coordinator', 'staff', 'leader'],
  getMyTestingCodes: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  printHouseholdCodeCards: ['coordinator', 'staff'],
  getLaneSetup: ['coordinator', 'staff', 'leader', 'volunteer'],
  openTube: ['coordinator', 'staff', 'leader', 'volunteer'],
  recordSample: ['coordinator', 'staff', 'leader', 'volunteer'],
  closeTube: ['coordinator', 'staff', 'leader', 'volunteer'],
  findResidentsForSampling: ['coordinator', 'staff', 'leader', 'volunteer'],
  simulateRound: ['coordinator', 'staff', 'leader'],
  getRoundSimulationInput: ['coordinator', 'staff', 'leader'],
  getRoundReport: ['coordinator', 'staff', 'leader'],
  exportRoundReport: ['coordinator', 'staff', 'leader'],
  recordQueueCount: ['coordinator', 'staff', 'leader', 'volunteer'],
  getLaneAdvice: ['coordinator', 'staff', 'leader', 'volunteer'],
  applyLaneSwitch: ['coordinator', 'staff', 'leader'],
  listLaneSwitches: ['coordinator', 'staff', 'leader', 'volunteer'],

  // parcels
  importParcels: ['coordinator', 'staff', 'leader', 'volunteer'],
  listMyRuns: ['coordinator', 'leader', 'volunteer'],
  startRun: ['coordinator', 'leader', 'volunteer'],
  markStopDelivered: ['coordinator', 'leader', 'volunteer'],
  // a resident only as a building's relay contact (the world's resident is 12's contact)
  findPickupParcels: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  confirmPickup: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  listMyParcels: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  getDeliveryPlanning: ['coordinator', 'leader'],
  planDeliveryRuns: ['coordinator', 'leader'],
  moveDeliveryStop: ['coordinator', 'leader'],
  confirmDeliveryRuns: ['coordinator', 'leader'],
  listDeliveryRuns: ['coordinator', 'staff', 'leader', 'volunteer'],
  getParcelSettings: ['coordinator', 'staff', 'leader', 'volunteer'],
  setParcelSettings: ['coordinator', 'leader'],
  getClearanceBoard: ['coordinator', 'staff', 'leader', 'volunteer'],
  listParcelDayLeftovers: ['coordinator', 'staff', 'leader', 'volunteer'],
  closeParcelDay: ['coordinator', 'leader'],
  listParcelDays: ['coordinator', 'staff', 'leader', 'volunteer'],

  // medicine
  createMedicineRequest: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  // a resident: their own household's requests only (medicine-access.ts)
  listMedicineRequests: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  getMedicineRequest: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  triageMedicineRequest: ['coordinator', 'staff', 'leader'],
  updateMedicineRequestStatus: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  listMedicineResidents: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  uploadMedicineAttachment: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  getMedicineAttachment: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  listMedicineAssignees: ['coordinator', 'staff', 'leader'],
  assignMedicineRequests: ['coordinator', 'staff', 'leader'],
  planMedicineTrips: ['coordinator', 'staff', 'leader'],
  listMedicineTrips: ['coordinator', 'staff', 'leader', 'volunteer'],
  listCareFollowUps: ['coordinator', 'staff', 'leader', 'volunteer'],
  recordCareContact: ['coordinator', 'staff', 'leader', 'volunteer'],
  getMedicineSettings: ['coordinator', 'staff', 'leader', 'volunteer'],
  setMedicineSettings: ['coordinator', 'staff', 'leader'],

  // group-buys
  listGroupBuys: EVERY_ROLE,
  createGroupBuy: ['coordinator', 'staff', 'leader'],
  getGroupBuy: EVERY_ROLE,
  // a resident: their own household only; a relay contact: their building's
  listOrderableHouseholds: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  placeOrder: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  // a resident: their own order only
  listGroupBuyOrders: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  changeOrder: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  withdrawOrder: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  closeGroupBuy: ['coordinator', 'staff', 'leader'],
  markPaid: ['coordinator', 'staff', 'leader', 'volunteer'],
  recordSupplierBill: ['coordinator', 'staff', 'leader'],
  recordArrival: ['coordinator', 'staff', 'leader'],
  getDistributionList: ['coordinator', 'staff', 'leader', 'volunteer'],
  exportDistributionList: ['coordinator', 'staff', 'leader', 'volunteer'],
  exportGroupBuy: ['coordinator', 'staff', 'leader', 'volunteer'],
  markBuildingDistributed: ['coordinator', 'staff', 'leader', 'volunteer'],
  confirmReceipt: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  // the group and overseers for any order; a household for its own (authorized as groupBuy.receipt)
  recordException: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  getGroupBuyRuns: ['coordinator', 'staff', 'leader', 'volunteer'],
  planGroupBuyRuns: ['coordinator', 'staff', 'leader'],

  // disinfection
  listDisinfectionAreas: ['coordinator', 'staff', 'leader', 'volunteer', 'viewer'],
  createDisinfectionArea: ['coordinator', 'staff', 'leader'],
  updateDisinfectionArea: ['coordinator', 'staff', 'leader'],
  listDisinfectionTasks: ['coordinator', 'staff', 'leader', 'volunteer', 'viewer'],
  logDisinfection: ['coordinator', 'staff', 'leader', 'volunteer'],
  uploadDisinfectionPhoto: ['coordinator', 'staff', 'leader', 'volunteer'],
  getDisinfectionPhoto: ['coordinator', 'staff', 'leader', 'volunteer', 'viewer'],
  getDisinfectionCoverage: ['coordinator', 'staff', 'leader', 'volunteer', 'viewer'],

  // relays
  // a resident only as a building's relay contact
  listRelayTasks: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  confirmRelay: ['coordinator', 'staff', 'leader', 'volunteer', 'resident'],
  getRelaySettings: ['coordinator', 'staff', 'leader', 'volunteer'],
  setRelaySettings: ['coordinator'],

  // committee
  createMeeting: ['coordinator', 'staff'],
  listMeetings: ['coordinator', 'staff'],
  getMeeting: ['coordinator', 'staff'],
  updateMeeting: ['coordinator', 'staff'],
  createActionItem: ['coordinator', 'staff'],
  // everyone sees the items they own; coordinators and staff all of them
  listActionItems: EVERY_ROLE,
  // the item's owner (the world's item is the volunteer's) and coordinators and staff
  updateActionItem: ['coordinator', 'staff', 'volunteer'],
  listCommitteeMembers: ['coordinator', 'staff'],

  // announcements
  listAnnouncements: EVERY_ROLE,
  publishAnnouncement: ['coordinator', 'staff', 'leader', 'volunteer'],
  getNoticeBoardQr: ['coordinator', 'staff', 'leader', 'volunteer'],
  // what reached the caller: a 404 for one that did not is past authorization
  getAnnouncement: EVERY_ROLE,
  markAnnouncementRead: EVERY_ROLE,
  withdrawAnnouncement: ['coordinator', 'staff', 'leader', 'volunteer'],
  getReadReceipts: ['coordinator', 'staff', 'leader', 'volunteer'],
  uploadAnnouncementImage: ['coordinator', 'staff', 'leader', 'volunteer'],
  getAnnouncementImage: EVERY_ROLE,

  // dashboard
  getDashboard: ['coordinator', 'staff', 'viewer'],
  streamDashboard: ['coordinator', 'staff', 'viewer'],

  // announcements
  listPublicAnnouncements: PUBLIC,
  getPublicAnnouncementImage: PUBLIC,

  // dashboard
  getTrends: ['coordinator', 'staff', 'viewer'],

  // street
  // the compounds where one is viewer, coordinator or staff: B's coordinator sees B
  getStreetOverview: anywhere(['viewer', 'coordinator', 'staff']),
  getCommunityPlace: ['coordinator', 'staff', 'viewer'],
  setCommunityPlace: ['coordinator'],

  // reports
  listDailyReports: ['coordinator', 'staff', 'viewer'],
  getDailyReport: ['coordinator', 'staff', 'viewer'],
  makeDailyReport: ['coordinator', 'staff'],
  exportDailyReport: ['coordinator', 'staff', 'viewer'],
};
