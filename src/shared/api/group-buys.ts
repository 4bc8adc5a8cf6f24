import { z } from 'zod';
import { ZUuid, zText } from './common.ts';
import { VEHICLES_PER_PLAN_MAX, ZDeliveryRun, ZDeliveryVehicle } from './delivery-runs.ts';

/** Live event published when an order, a campaign's state, a payment or a drop changes. */
export const GROUP_BUYS_CHANGED = 'group_buys.changed';

export const GROUP_BUY_STATUSES = ['open', 'allocated', 'failed', 'cancelled', 'arrived', 'done'] as const;
export const GROUP_BUY_FULFILMENTS = ['pickup', 'delivery'] as const;
export const GROUP_BUY_PAYMENTS = ['unpaid', 'paid', 'on_delivery'] as const;
export const GROUP_BUY_EXCEPTION_KINDS = ['damaged', 'missing', 'other'] as const;
export const ZGroupBuyStatus = z.enum(GROUP_BUY_STATUSES);
export const ZGroupBuyFulfilment = z.enum(GROUP_BUY_FULFILMENTS);
export const ZGroupBuyPayment = z.enum(GROUP_BUY_PAYMENTS);
export const ZGroupBuyExceptionKind = z.enum(GROUP_BUY_EXCEPTION_KINDS);
export type TGroupBuyStatus = z.infer<typeof ZGroupBuyStatus>;
export type TGroupBuyPayment = z.infer<typeof ZGroupBuyPayment>;

const ZInstant = z.iso.datetime({ offset: true });
/** Money in fen (1 元 = 100 fen): whole numbers, so totals add up exactly. */
const ZFen = z.number().int().min(0).max(100_000_000);
/** A count of units: a positive whole number (an order line of 0 is a withdrawal, not an order). */
export const ZUnits = z.number().int().min(1).max(10_000);
const zOptionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), zText(max).optional());

export const ZGroupBuyItemInput = z.object({
  name: zText(60),
  /** 袋 (10 kg), 箱, 份 */
  unit: zText(20),
  priceFen: ZFen,
  /** null: unknown, every order is allocated in full */
  stock: z.number().int().min(0).max(1_000_000).nullable().default(null),
  perHouseholdLimit: ZUnits.nullable().default(null),
});

/** createGroupBuy: a campaign with one or more items (a vegetable box, milk, rice). */
export const ZCreateGroupBuy = z
  .object({
    title: zText(80),
    supplierName: zText(80),
    supplierContact: zOptionalText(80),
    note: zOptionalText(1000),
    minimumTotalFen: ZFen.nullable().default(null),
    opensAt: ZInstant,
    closesAt: ZInstant,
    fulfilment: ZGroupBuyFulfilment.default('delivery'),
    items: z.array(ZGroupBuyItemInput).min(1).max(20),
  })
  .refine((v) => Date.parse(v.closesAt) > Date.parse(v.opensAt), {
    path: ['closesAt'],
    message: 'closesAt must be after opensAt',
  });
export type TCreateGroupBuy = z.input<typeof ZCreateGroupBuy>;
export type TCreateGroupBuyParsed = z.output<typeof ZCreateGroupBuy>;

export const ZGroupBuyParams = z.object({ communityId: ZUuid, groupBuyId: ZUuid });
export const ZGroupBuyOrderParams = ZGroupBuyParams.extend({ orderId: ZUuid });
export const ZGroupBuyBuildingParams = ZGroupBuyParams.extend({ buildingId: ZUuid });

export const ZGroupBuyListQuery = z.object({
  /** open: still taking orders; active: not yet done, failed or cancelled; all */
  state: z.enum(['open', 'active', 'all']).default('active'),
});

export const ZGroupBuyItem = z.object({
  id: ZUuid,
  seq: z.number().int(),
  name: z.string(),
  unit: z.string(),
  priceFen: z.number().int(),
  stock: z.number().int().nullable(),
  perHouseholdLimit: z.number().int().nullable(),
  received: z.number().int().nullable(),
  /** units asked for by active orders so far */
  ordered: z.number().int(),
  /** units shared out at closing (after an arrival shortfall: what arrived); null while open */
  allocated: z.number().int().nullable(),
});
export type TGroupBuyItem = z.infer<typeof ZGroupBuyItem>;

export const ZGroupBuySummary = z.object({
  id: ZUuid,
  title: z.string(),
  supplierName: z.string(),
  status: ZGroupBuyStatus,
  fulfilment: ZGroupBuyFulfilment,
  opensAt: z.string(),
  closesAt: z.string(),
  minimumTotalFen: z.number().int().nullable(),
  /** Σ price × units over active orders (before closing) or allocations (after) */
  runningTotalFen: z.number().int(),
  households: z.number().int(),
  items: z.array(ZGroupBuyItem),
  /** the caller's household's order in it, if any */
  myOrderId: ZUuid.nullable(),
});
export type TGroupBuySummary = z.infer<typeof ZGroupBuySummary>;

export const ZOrderLine = z.object({
  itemId: ZUuid,
  quantity: z.number().int(),
  allocated: z.number().int().nullable(),
});

export const ZGroupBuyOrder = z.object({
  id: ZUuid,
  groupBuyId: ZUuid,
  householdId: ZUuid,
  buildingCode: z.string(),
  room: z.string(),
  proxy: z.boolean(),
  placedByName: z.string().nullable(),
  status: z.enum(['active', 'withdrawn']),
  note: z.string().nullable(),
  lines: z.array(ZOrderLine),
  /** Σ price × (allocated once closed, else quantity), in fen */
  amountFen: z.number().int(),
  payment: ZGroupBuyPayment,
  receivedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type TGroupBuyOrder = z.infer<typeof ZGroupBuyOrder>;

/** getGroupBuy: the campaign, the rule, and the caller's own order (households see only theirs). */
export const ZGroupBuyDetail = ZGroupBuySummary.extend({
  supplierContact: z.string().nullable(),
  note: z.string().nullable(),
  allocationSeed: z.string().nullable(),
  closedAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  supplierBillFen: z.number().int().nullable(),
  /**
   * Payments against the supplier's bill, computed from the orders (the group, coordinators, staff;
   * null for others): what households owe in all, and how much of it is marked paid / on delivery.
   */
  reconciliation: z
    .object({
      dueFen: z.number().int(),
      paidFen: z.number().int(),
      onDeliveryFen: z.number().int(),
      unpaidFen: z.number().int(),
      /** supplier bill − due: 0 when the bill matches what households owe; null without a bill */
      differenceFen: z.number().int().nullable(),
    })
    .nullable(),
  myOrder: ZGroupBuyOrder.nullable(),
  /** what the caller may do: decides the buttons the page shows */
  can: z.object({
    manage: z.boolean(),
    /** the caller lives in a household of the community, so may order for it */
    orderOwn: z.boolean(),
    orderForOthers: z.boolean(),
    markPaid: z.boolean(),
    distribute: z.boolean(),
  }),
});
export type TGroupBuyDetail = z.infer<typeof ZGroupBuyDetail>;

const ZLinesInput = z
  .array(z.object({ itemId: ZUuid, quantity: ZUnits }))
  .min(1)
  .max(20)
  .refine((lines) => new Set(lines.map((l) => l.itemId)).size === lines.length, {
    message: 'an item appears twice',
  });

/**
 * placeOrder. Without `householdId` the caller orders for their own household; with it, a volunteer
 * of the group-buying group or the building's relay contact orders for a household without a phone
 * (a proxy order). `clientKey` makes a retried submit land once.
 */
export const ZPlaceOrder = z.object({
  householdId: ZUuid.optional(),
  lines: ZLinesInput,
  note: zOptionalText(200),
  clientKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});
export type TPlaceOrder = z.input<typeof ZPlaceOrder>;

/** changeOrder: the whole new set of lines (an item left out is no longer ordered). */
export const ZChangeOrder = z.object({ lines: ZLinesInput, note: zOptionalText(200) });
export type TChangeOrder = z.input<typeof ZChangeOrder>;

export const ZOrderList = z.object({ orders: z.array(ZGroupBuyOrder) });

/** listOrderableHouseholds: the households the caller may order for, with their active order if any. */
export const ZOrderableHouseholdsQuery = z.object({ buildingId: ZUuid.optional() });
export const ZOrderableHouseholds = z.object({
  households: z.array(
    z.object({
      id: ZUuid,
      buildingId: ZUuid,
      buildingCode: z.string(),
      room: z.string(),
      orderId: ZUuid.nullable(),
    }),
  ),
});
export type TOrderableHouseholds = z.infer<typeof ZOrderableHouseholds>;

/** closeGroupBuy: the result, the same on a second call. */
export const ZCloseResult = z.object({
  status: z.enum(['allocated', 'failed']),
  allocationSeed: z.string(),
  runningTotalFen: z.number().int(),
  /** households that got less than they asked */
  shortHouseholds: z.number().int(),
});

/** markPaid: one or more orders at once (a volunteer going down a building's list). */
export const ZMarkPaid = z.object({
  orderIds: z.array(ZUuid).min(1).max(500),
  payment: ZGroupBuyPayment,
});

export const ZSupplierBill = z.object({ supplierBillFen: ZFen });

/** recordArrival: units counted at the gate per item; short items are allocated down by the same rule. */
export const ZRecordArrival = z.object({
  items: z
    .array(z.object({ itemId: ZUuid, received: z.number().int().min(0).max(1_000_000) }))
    .min(1)
    .max(20),
});

/** G2: an exception as recorded: what was wrong with how many units of what, and by whom. */
export const ZGroupBuyException = z.object({
  id: ZUuid,
  orderId: ZUuid,
  itemId: ZUuid.nullable(),
  kind: ZGroupBuyExceptionKind,
  quantity: z.number().int(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type TGroupBuyException = z.infer<typeof ZGroupBuyException>;

export const ZDistributionRow = z.object({
  orderId: ZUuid,
  room: z.string(),
  /** units per item id */
  quantities: z.record(z.string(), z.number().int()),
  amountFen: z.number().int(),
  payment: ZGroupBuyPayment,
  receivedAt: z.string().nullable(),
  proxy: z.boolean(),
  /** damaged, missing or other units recorded for this household (G2) */
  exceptions: z.array(ZGroupBuyException),
});
export const ZDistributionBuilding = z.object({
  buildingId: ZUuid,
  buildingCode: z.string(),
  /** Σ units of every item: the load for the delivery planner */
  units: z.number().int(),
  distributedAt: z.string().nullable(),
  rows: z.array(ZDistributionRow),
});
/** getDistributionList: per building, room by room. */
export const ZDistributionList = z.object({
  groupBuyId: ZUuid,
  title: z.string(),
  /** the campaign's state: allocated (a preview before arrival), arrived, done (G2) */
  status: ZGroupBuyStatus,
  fulfilment: ZGroupBuyFulfilment,
  items: z.array(ZGroupBuyItem),
  buildings: z.array(ZDistributionBuilding),
});
export type TDistributionList = z.infer<typeof ZDistributionList>;

export const ZRecordException = z.object({
  orderId: ZUuid,
  itemId: ZUuid.optional(),
  kind: ZGroupBuyExceptionKind,
  quantity: ZUnits.default(1),
  note: zOptionalText(300),
});

export type TRecordException = z.input<typeof ZRecordException>;

// ---- after closing: arrival, distribution, receipts, exceptions, delivery runs (helper G2) ----

export type TDistributionBuilding = z.infer<typeof ZDistributionBuilding>;
export type TDistributionRow = z.infer<typeof ZDistributionRow>;

/**
 * planGroupBuyRuns: the undistributed buildings' goods (units as load) on the vehicles at hand, from
 * one gate. The plan replaces the campaign's runs that have not started.
 */
export const ZPlanGroupBuyRuns = z
  .object({
    gateId: ZUuid,
    vehicles: z.array(ZDeliveryVehicle).min(1).max(VEHICLES_PER_PLAN_MAX),
  })
  .strict();
export type TPlanGroupBuyRuns = z.infer<typeof ZPlanGroupBuyRuns>;

/** getGroupBuyRuns / planGroupBuyRuns: the campaign's runs; a stop's `parcels` counts units here. */
export const ZGroupBuyRuns = z.object({
  groupBuyId: ZUuid,
  runs: z.array(ZDeliveryRun),
  totals: z.object({
    runs: z.number().int(),
    buildings: z.number().int(),
    units: z.number().int(),
    distanceM: z.number().int(),
    estimatedSeconds: z.number().int(),
  }),
});
export type TGroupBuyRuns = z.infer<typeof ZGroupBuyRuns>;
