import { ROSTER_FILE_PROBLEMS, type RosterFileProblem } from './roster-codes.ts';

// Every error the API can return, with its HTTP status. The web turns the code
// into a message or a field error; the server renders the message in the caller's language.
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  // changing one's password: not 401, which the web app reads as "signed out"
  WRONG_CURRENT_PASSWORD: 400,
  PASSWORD_UNCHANGED: 400,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_IN_GROUP: 403,
  IDEMPOTENCY_KEY_REUSED: 422,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  UNKNOWN_ZONE: 400,
  UNKNOWN_BUILDING: 400,
  UNKNOWN_GROUP: 400,
  UNKNOWN_ROLE: 400,
  RELAY_NOT_IN_BUILDING: 400,
  SLUG_TAKEN: 409,
  RESIDENT_EXISTS: 409,
  MOBILE_REGISTERED: 409,
  VOLUNTEER_NOT_APPROVED: 409,
  CALL_CLOSED: 410,
  SHIFT_FULL: 409,
  SIGNUP_NOT_OPEN: 409,
  SIGNUP_CLOSED: 409,
  SHIFT_CANCELLED: 409,
  ALREADY_SIGNED_UP: 409,
  SHIFT_OVERLAP: 409,
  CAP_REACHED: 409,
  CAPACITY_BELOW_TAKEN: 409,
  CANCEL_TOO_LATE: 409,
  SHIFT_ENDED: 409,
  TEMPLATE_ARCHIVED: 409,
  // on the day (check-in, check-out, no-shows)
  BADGE_UNKNOWN: 404,
  BADGE_NOT_ON_SHIFT: 409,
  SIGNUP_NOT_CONFIRMED: 409,
  CHECK_IN_NOT_OPEN: 409,
  CHECK_IN_CLOSED: 409,
  ALREADY_CHECKED_IN: 409,
  NOT_CHECKED_IN: 409,
  ALREADY_CHECKED_OUT: 409,
  CHECK_OUT_CLOSED: 409,
  MARKED_NO_SHOW: 409,
  NO_SHOW_TOO_EARLY: 409,
  DRAW_NOT_YET: 409,
  NOT_A_DRAW: 409,
  IMPORT_ALREADY_COMMITTED: 409,
  IMPORT_EXPIRED: 410,
  // parcels at the gate
  DUPLICATE_WAYBILL: 409,
  WAYBILL_REPEATED: 409,
  // importParcels: a courier sheet without a waybill column, with no usable row, or too long
  PARCEL_SHEET_NO_WAYBILL_COLUMN: 400,
  PARCEL_SHEET_NO_USABLE_ROW: 400,
  PARCEL_SHEET_TOO_LONG: 400,
  // the daily clearance board (closeParcelDay, listParcelDays)
  PARCEL_DAY_NOT_CLEARED: 409,
  PARCEL_DAY_ALREADY_CLOSED: 409,
  PARCEL_DAY_IN_FUTURE: 400,
  PARCEL_DAYS_RANGE: 400,
  // planning delivery runs (planDeliveryRuns, moveDeliveryStop, confirmDeliveryRuns)
  NO_WAITING_PARCELS: 409,
  BUILDING_OVER_CAPACITY: 409,
  UNKNOWN_RIDER: 400,
  RIDER_ON_TWO_VEHICLES: 400,
  RUN_OVER_CAPACITY: 409,
  PLAN_ALREADY_CONFIRMED: 409,
  PLAN_OUTDATED: 409,
  // riding a run and the pickup (startRun, markStopDelivered, confirmPickup)
  NOT_YOUR_RUN: 403,
  RUN_NOT_CONFIRMED: 409,
  RUN_ALREADY_DONE: 409,
  PICKUP_CODES_EXHAUSTED: 409,
  PICKUP_CODE_UNKNOWN: 404,
  NO_HOUSEHOLD: 403,
  NOTHING_TO_PICK_UP: 409,
  PARCEL_NOT_DELIVERED: 409,
  // testing rounds (createTestingRound, sendToDoorToDoor)
  TESTING_ROUND_GATES_INVALID: 400,
  TESTING_ROUND_LANES_MISMATCH: 400,
  TESTING_ROUND_ZONE_WITHOUT_GATE: 400,
  TESTING_ROUND_SHIFT_NOT_TESTING: 400,
  TESTING_ROUND_UNKNOWN_RESIDENT: 400,
  // the call-down plan (planCallDown, adjustCallDown, publishCallDown)
  TESTING_ROUND_NOT_DRAFT: 409,
  TESTING_CALL_DOWN_NOBODY: 400,
  TESTING_CALL_DOWN_NOT_PLANNED: 409,
  TESTING_CALL_NOT_PLANNED: 400,
  // scanning at the lanes (openTube, recordSample, closeTube)
  TESTING_ROUND_NOT_OPEN: 409,
  TUBE_BARCODE_USED: 409,
  TUBE_FULL: 409,
  TUBE_CLOSED: 409,
  NOT_A_RESIDENT_HERE: 404,
  RESIDENT_ALREADY_SAMPLED: 409,
  // the "what if" simulator over HTTP (simulateRound, getRoundSimulationInput)
  ROUND_SIMULATION_TOO_LARGE: 400,
  ROUND_SIMULATION_NO_SITE: 409,
  // live queues and lane switches (recordQueueCount, applyLaneSwitch)
  TESTING_ROUND_NOT_LIVE: 409,
  LANES_NOT_AVAILABLE: 409,
  // medicine requests (createMedicineRequest, triageMedicineRequest, updateMedicineRequestStatus)
  MEDICINE_UNKNOWN_RESIDENT: 400,
  MEDICINE_NOT_YOUR_HOUSEHOLD: 403,
  MEDICINE_STATUS_NOT_ALLOWED: 409,
  MEDICINE_REASON_REQUIRED: 400,
  MEDICINE_NOT_ASSIGNED_TO_YOU: 403,
  MEDICINE_NOT_ASSIGNED_YET: 409,
  MEDICINE_SUBSTITUTION_NOT_CONFIRMED: 409,
  MEDICINE_DELIVERY_PHOTO_NEEDED: 409,
  MEDICINE_REQUEST_FINISHED: 409,
  // medicine photos, assignment and trips (uploadMedicineAttachment, assignMedicineRequests, planMedicineTrips)
  MEDICINE_PHOTO_NOT_IMAGE: 415,
  MEDICINE_PHOTO_DAMAGED: 400,
  MEDICINE_PHOTO_EMPTY: 400,
  MEDICINE_PHOTO_TOO_LARGE: 413,
  MEDICINE_PHOTO_ONE_AT_A_TIME: 400,
  MEDICINE_PHOTO_KIND_NOT_ALLOWED: 403,
  MEDICINE_ASSIGNEE_NOT_IN_GROUP: 403,
  MEDICINE_REQUEST_NOT_TRIAGED: 409,
  MEDICINE_NOTHING_TO_PLAN: 409,
  // the deadline of each urgency (setMedicineSettings)
  MEDICINE_DEADLINE_HOURS_INVALID: 400,
  MEDICINE_DEADLINE_ORDER: 400,
  // group buys after closing (recordArrival, distribution, receipts, exceptions, delivery runs)
  GROUP_BUY_NOT_ARRIVABLE: 409,
  GROUP_BUY_ARRIVAL_ONLY_DOWN: 409,
  GROUP_BUY_DISTRIBUTION_STARTED: 409,
  GROUP_BUY_ARRIVAL_ITEM_UNKNOWN: 400,
  GROUP_BUY_NO_DISTRIBUTION_YET: 409,
  GROUP_BUY_NOT_ARRIVED: 409,
  GROUP_BUY_BUILDING_NOTHING: 409,
  GROUP_BUY_ORDER_NOTHING_ALLOCATED: 409,
  GROUP_BUY_EXCEPTION_ITEM_UNKNOWN: 400,
  GROUP_BUY_EXCEPTION_TOO_MANY: 400,
  GROUP_BUY_NOT_DELIVERY: 409,
  GROUP_BUY_NOTHING_TO_DELIVER: 409,
  GROUP_BUY_UNKNOWN_RIDER: 400,
  // group buys (createGroupBuy, placeOrder, changeOrder, withdrawOrder, closeGroupBuy, markPaid)
  GROUP_BUY_NOT_YET_OPEN: 409,
  GROUP_BUY_CLOSED: 409,
  GROUP_BUY_OVER_LIMIT: 409,
  GROUP_BUY_UNKNOWN_ITEM: 400,
  GROUP_BUY_ORDER_EXISTS: 409,
  GROUP_BUY_ORDER_WITHDRAWN: 409,
  GROUP_BUY_NOT_YOUR_HOUSEHOLD: 403,
  GROUP_BUY_NO_HOUSEHOLD: 400,
  GROUP_BUY_CANCELLED: 409,
  GROUP_BUY_NOT_PAYABLE: 409,
  // the committee's action items (createActionItem, updateActionItem)
  COMMITTEE_OWNER_NOT_MEMBER: 400,
  COMMITTEE_MEETING_UNKNOWN: 400,
  // disinfection rounds (createDisinfectionArea, updateDisinfectionArea, logDisinfection)
  DISINFECTION_AREA_NAME_TAKEN: 409,
  DISINFECTION_WEEKDAY_REQUIRED: 400,
  DISINFECTION_TIMES_REQUIRED: 400,
  DISINFECTION_ONE_PLACE: 400,
  DISINFECTION_UNKNOWN_GATE: 400,
  DISINFECTION_ALREADY_LOGGED: 409,
  DISINFECTION_TASK_SKIPPED: 409,
  DISINFECTION_TOO_EARLY: 409,
  DISINFECTION_NOT_LOGGED: 409,
  // notification preferences, the notice gateway and dead letters (setNotificationPreferences,
  // setNoticeGateway, testNoticeGateway, resendDeadLetter)
  NOTICE_QUIET_HOURS_INVALID: 400,
  NOTICE_GATEWAY_URL_INVALID: 400,
  NOTICE_GATEWAY_SECRET_TOO_SHORT: 400,
  NOTICE_GATEWAY_NOT_CONFIGURED: 409,
  DEAD_LETTER_NOT_DEAD: 409,
  // announcements (publishAnnouncement, withdrawAnnouncement, uploadAnnouncementImage)
  ANNOUNCEMENT_AUDIENCE_EMPTY: 400,
  ANNOUNCEMENT_ONE_GROUP: 400,
  ANNOUNCEMENT_EXPIRY_PAST: 400,
  ANNOUNCEMENT_WITHDRAWN: 409,
  ANNOUNCEMENT_IMAGE_NOT_IMAGE: 415,
  ANNOUNCEMENT_IMAGE_DAMAGED: 400,
  ANNOUNCEMENT_IMAGE_EMPTY: 400,
  ANNOUNCEMENT_IMAGE_TOO_LARGE: 413,
  ANNOUNCEMENT_IMAGE_ONE_AT_A_TIME: 400,
  USERNAME_TAKEN: 409,
  // day reports: only today's can be made now (a report is the state when it is made)
  REPORT_DAY_NOT_TODAY: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  // Problems of an uploaded roster file as a whole (messages in i18n/roster-messages.ts).
  ...(Object.fromEntries(
    ROSTER_FILE_PROBLEMS.map((code) => [code, code === 'FILE_TOO_LARGE' ? 413 : 400]),
  ) as Record<RosterFileProblem, 400 | 413>),
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorParams = Record<string, string | number>;

export interface ErrorDetail {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[]; requestId?: string };
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;
