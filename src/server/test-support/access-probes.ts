import { randomUUID } from 'node:crypto';
import { multipartFile, PARCEL_CSV, PNG_UPLOAD, ROSTER_CSV } from './access-uploads.ts';
import type { AccessWorld } from './access-world.ts';

/**
 * One request per operation, valid by the operation's schema and pointing at the world's real rows,
 * so that whatever answers it is the operation's rule about the caller, never the request's shape.
 * An allowed identity that still meets VALIDATION_FAILED fails the matrix: the probe is then wrong.
 */
export interface Probe {
  query?: string;
  body?: unknown;
  multipart?: { payload: Buffer; headers: Record<string, string> };
  /** path parameters this operation names differently from the defaults below */
  params?: Record<string, string>;
}

/** Path parameters by name; `id` and `taskId` mean different rows per operation (see params). */
export function defaultParams(w: AccessWorld): Record<string, string> {
  return {
    communityId: w.a,
    buildingId: w.registry.b12.id,
    callId: w.volunteerCall.id,
    slug: 'community-a',
    token: (w.volunteerCall.path as string).split('/').pop()!,
    groupId: w.groupId('publicity'),
    shiftId: w.shift.id,
    signupId: w.signup.id,
    templateId: w.template.id,
    roundId: w.round.id,
    tubeId: w.tube.id,
    gateId: w.registry.gate.id,
    runId: randomUUID(),
    seq: '1',
    day: '2026-04-09',
    requestId: w.medicine.id,
    attachmentId: w.attachment.id,
    groupBuyId: w.groupBuy.id,
    orderId: w.order.id,
    areaId: w.area.id,
    meetingId: w.meeting.id,
    actionItemId: w.actionItem.id,
    announcementId: w.announcement.id,
  };
}

const uuid = () => randomUUID();

export function probes(w: AccessWorld): Record<string, Probe> {
  const b12 = w.registry.b12.id;
  const itemId = w.groupBuy.items[0].id as string;
  const closedItem = w.closedBuy.items[0].id as string;
  const draft = { roundId: w.draftRound.id as string };
  const closed = { groupBuyId: w.closedBuy.id as string, orderId: w.closedOrder.id as string };
  return {
    login: { body: { username: 'volunteer', password: 'correct-horse' } },
    updateMe: { body: { locale: 'zh-CN' } },
    // A wrong current password: past authorization, and no one's sessions are revoked by the walk.
    changePassword: { body: { currentPassword: 'not-the-password', newPassword: 'a-new-password-1' } },
    createCommunity: { body: { slug: `c-${uuid().slice(0, 8)}`, name: '新小区' } },
    getBuilding: { params: { id: b12 } },
    updateBuilding: { params: { id: b12 }, body: { floors: 18 } },
    setRelayContact: { params: { id: b12 }, body: { residentId: w.zhang.id } },
    importBuildingPositions: { body: { csv: 'building,x,y\n12,120,40\n' } },
    createResident: { body: { buildingId: b12, room: '1801', name: '钱七', birthYear: 1990 } },
    getResident: { params: { id: w.wang.id } },
    updateResident: { params: { id: w.wang.id }, body: { note: '需要上门' } },
    deleteResident: { params: { id: w.spare.id } },
    previewRosterImport: { multipart: multipartFile(Buffer.from(ROSTER_CSV), 'roster.csv', 'text/csv') },
    commitRosterImport: { params: { id: w.rosterImport } },
    openVolunteerCall: { body: { title: '再招募' } },
    registerVolunteer: {
      body: {
        name: '新志愿者',
        mobile: '13500002222',
        password: 'long-enough-pass',
        buildingCode: '12',
        room: '101',
        partyMember: false,
        ageBand: '30-44',
      },
    },
    approveVolunteers: { body: { volunteerIds: [w.pendingVolunteer], decision: 'approve' } },
    setVolunteerGroups: {
      params: { id: w.pendingVolunteer },
      body: { groups: [{ groupId: w.groupId('parcels') }] },
    },
    createGroup: { body: { name: '新组' } },
    renameGroup: { body: { name: '宣传组' } },
    createShift: {
      body: {
        groupId: w.groupId('parcels'),
        capacity: 3,
        startsAt: '2026-04-11T01:00:00Z',
        endsAt: '2026-04-11T03:00:00Z',
        signupOpensAt: '2026-04-08T00:00:00Z',
        signupClosesAt: '2026-04-11T00:00:00Z',
      },
    },
    setShiftCapacity: { body: { role: w.shift.roles?.[0]?.role ?? '志愿者', capacity: 6 } },
    signUpForShift: { body: {} },
    createShiftTemplate: {
      body: {
        groupId: w.groupId('parcels'),
        startTime: '14:00',
        endTime: '16:00',
        roles: [{ role: '分拣', capacity: 2 }],
      },
    },
    generateShifts: { body: { from: '2026-04-12', to: '2026-04-12' } },
    cancelShift: { body: { reason: '下雨' } },
    checkIn: { body: { signupId: w.signup.id } },
    checkOut: { body: { signupId: w.signup.id } },
    markNoShow: { body: { signupId: w.signup.id } },
    markNotificationsRead: { body: { all: true } },
    setNotificationPreferences: { body: { channels: [], quietHours: { start: '22:00', end: '07:00' } } },
    setNoticeGateway: {
      body: {
        url: 'https://gateway.example/notices',
        secret: 'a-secret-of-16-chars-or-more',
        enabled: false,
      },
    },
    resendDeadLetter: { params: { id: w.deadLetters[0]! } },
    resendDeadLetters: { body: { ids: [w.deadLetters[1]!] } },
    receiveParcels: { body: { batch: { buildingId: b12, count: 1 } } },
    createTestingRound: {
      body: {
        title: '第二轮',
        day: '2026-04-11',
        startTime: '07:00',
        lanes: 1,
        gates: [{ gateId: w.registry.gate.id, lanes: 1, crowdLimit: 30 }],
      },
    },
    findResidentsForSampling: { query: 'building=12' },
    sendToDoorToDoor: { body: { residentIds: [w.wang.id] } },
    adjustCallDown: { params: draft, body: { buildingId: b12, callTime: '07:30' } },
    planCallDown: { params: draft },
    publishCallDown: { params: draft },
    printHouseholdCodeCards: { query: `buildingId=${b12}` },
    openTube: { body: { barcode: `T${uuid().slice(0, 6)}`, gateId: w.registry.gate.id, lane: 1 } },
    recordSample: { body: { residentId: w.wang.id, clientKey: uuid() } },
    simulateRound: {
      body: {
        lanes: 2,
        serviceSeconds: { mean: 30, sd: 5 },
        switchSeconds: 60,
        crowdLimit: 50,
        callIntervalSeconds: 300,
        fixedSplit: { east: 2 },
        buildings: [{ id: '12', gate: 'east', residents: 20, walkSeconds: 60 }],
        policy: 'fixed',
        seed: 1,
      },
    },
    recordQueueCount: { body: { delta: 1 } },
    applyLaneSwitch: { body: { fromGateId: w.registry.gate.id, toGateId: uuid(), lanes: 1 } },
    importParcels: {
      query: 'dryRun=1',
      multipart: multipartFile(Buffer.from(PARCEL_CSV), 'parcels.csv', 'text/csv'),
    },
    findPickupParcels: { query: `buildingId=${b12}&code=1234` },
    confirmPickup: { body: { by: 'code', buildingId: b12, code: '1234' } },
    planDeliveryRuns: {
      body: { gateId: w.registry.gate.id, vehicles: [{ kind: 'tricycle', capacity: 20 }] },
    },
    moveDeliveryStop: { body: { planId: uuid(), buildingId: b12, toRunId: uuid() } },
    confirmDeliveryRuns: { body: { planId: uuid() } },
    setParcelSettings: { body: { reminderMinutes: 240 } },
    closeParcelDay: { body: { day: '2026-04-08' } },
    createMedicineRequest: {
      body: { residentId: w.zhang.id, drugName: '二甲双胍', quantity: '1盒', payment: 'on_delivery' },
    },
    triageMedicineRequest: { body: { urgency: 'high', reason: '快用完了' } },
    updateMedicineRequestStatus: { body: { status: 'cancelled', reason: '不需要了' } },
    uploadMedicineAttachment: { query: 'kind=prescription', multipart: PNG_UPLOAD() },
    assignMedicineRequests: { body: { requestIds: [w.medicine.id], assigneeAccountId: w.ids.volunteer } },
    planMedicineTrips: { body: {} },
    recordCareContact: { body: { residentId: w.wang.id, kind: 'call', note: '电话问候' } },
    setMedicineSettings: { body: { criticalHours: 12, highHours: 24, normalHours: 72 } },
    createGroupBuy: {
      body: {
        title: '蔬菜包',
        supplierName: '菜场',
        opensAt: '2026-04-08T00:00:00Z',
        closesAt: '2026-04-10T00:00:00Z',
        items: [{ name: '蔬菜包', unit: '份', priceFen: 3000 }],
      },
    },
    placeOrder: { body: { householdId: w.registry.households[1]!.id, lines: [{ itemId, quantity: 1 }] } },
    changeOrder: { body: { lines: [{ itemId, quantity: 2 }] } },
    markPaid: { body: { orderIds: [w.order.id], payment: 'paid' } },
    recordSupplierBill: { body: { supplierBillFen: 5000 } },
    recordArrival: { params: closed, body: { items: [{ itemId: closedItem, received: 1 }] } },
    markBuildingDistributed: { params: closed },
    confirmReceipt: { params: closed },
    recordException: { params: closed, body: { orderId: w.closedOrder.id, kind: 'other', note: '包装破了' } },
    planGroupBuyRuns: {
      params: closed,
      body: { gateId: w.registry.gate.id, vehicles: [{ kind: 'tricycle', capacity: 20 }] },
    },
    createDisinfectionArea: { body: { name: '东门', kind: 'gate', gateId: w.registry.gate.id } },
    // the same schedule, so that the day's task stays for logDisinfection
    updateDisinfectionArea: {
      body: { name: '12号楼大堂', kind: 'lobby', buildingId: b12, schedule: 'daily', times: ['09:00'] },
    },
    logDisinfection: { params: { taskId: w.disinfectionTask }, body: { note: '已消杀' } },
    uploadDisinfectionPhoto: { params: { taskId: w.disinfectionTask }, multipart: PNG_UPLOAD() },
    getDisinfectionPhoto: { params: { taskId: w.disinfectionTask } },
    confirmRelay: { params: { taskId: w.relayTask } },
    setRelaySettings: { body: { escalateMinutes: 90 } },
    createMeeting: { body: { title: '临时会', heldAt: '2026-04-09T10:00:00Z' } },
    updateMeeting: { body: { agenda: '物资' } },
    createActionItem: { body: { title: '联系街道', ownerAccountId: w.ids.staff, dueOn: '2026-04-13' } },
    updateActionItem: { body: { note: '进行中' } },
    publishAnnouncement: { body: { title: '提醒', body: '戴好口罩', audience: 'all' } },
    uploadAnnouncementImage: { multipart: PNG_UPLOAD() },
    setCommunityPlace: {
      body: { latitude: 31.3, longitude: 121.45, street: '彭浦镇', dailyReportTime: '20:00' },
    },
    getCalendarFeed: { params: { token: 'no-such-token' } },
  };
}
