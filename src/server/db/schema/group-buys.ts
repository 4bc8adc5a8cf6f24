import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { buildings, communityId, households } from './community.ts';
import { accounts } from './platform.ts';

/**
 * A group buy (团购): one supplier, one order window, one or more items. Its life:
 * open → allocated (closed, stock shared out) | failed (minimum not reached) | cancelled;
 * allocated → arrived (the goods are at the gate, counted) → done (every building distributed).
 */
export const groupBuys = pgTable(
  'group_buys',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    supplierName: text('supplier_name').notNull(),
    supplierContact: text('supplier_contact'),
    note: text('note'),
    /** the supplier delivers only from this total (起送), in fen; null: no minimum */
    minimumTotalFen: integer('minimum_total_fen'),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** pickup (households fetch it at the gate) or delivery (volunteers bring it to each building) */
    fulfilment: text('fulfilment').notNull().default('delivery'),
    status: text('status').notNull().default('open'),
    /** the seed that broke ties when stock was short, recorded so anyone can re-run the allocation */
    allocationSeed: text('allocation_seed'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => accounts.id),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    /** what the supplier billed, in fen, to reconcile against the payments marked */
    supplierBillFen: integer('supplier_bill_fen'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('group_buys_status_idx').on(t.communityId, t.status, t.closesAt),
    check('group_buys_window_check', sql`${t.closesAt} > ${t.opensAt}`),
    check('group_buys_fulfilment_check', sql`${t.fulfilment} in ('pickup', 'delivery')`),
    check(
      'group_buys_status_check',
      sql`${t.status} in ('open', 'allocated', 'failed', 'cancelled', 'arrived', 'done')`,
    ),
  ],
);

/** One thing a group buy sells: a 10 kg bag of rice, a vegetable box, a crate of milk. */
export const groupBuyItems = pgTable(
  'group_buy_items',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    groupBuyId: uuid('group_buy_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    /** the unit a household orders in: 袋 (10 kg), 箱, 份 */
    unit: text('unit').notNull(),
    priceFen: integer('price_fen').notNull(),
    /** units the supplier can deliver; null: unknown (every order is allocated in full) */
    stock: integer('stock'),
    /** most units one household may order; null: no limit */
    perHouseholdLimit: integer('per_household_limit'),
    /** units counted at the gate on arrival; null until then */
    received: integer('received'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('group_buy_items_seq_unique').on(t.communityId, t.groupBuyId, t.seq),
    foreignKey({
      columns: [t.communityId, t.groupBuyId],
      foreignColumns: [groupBuys.communityId, groupBuys.id],
    }).onDelete('cascade'),
    check('group_buy_items_price_check', sql`${t.priceFen} >= 0`),
    check('group_buy_items_stock_check', sql`${t.stock} is null or ${t.stock} >= 0`),
    check('group_buy_items_limit_check', sql`${t.perHouseholdLimit} is null or ${t.perHouseholdLimit} > 0`),
    check('group_buy_items_received_check', sql`${t.received} is null or ${t.received} >= 0`),
  ],
);

/**
 * A household's order in one group buy (one per household: it is changed, not placed again).
 * `proxy`: placed by a volunteer or relay contact for a household without a phone.
 */
export const groupBuyOrders = pgTable(
  'group_buy_orders',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    groupBuyId: uuid('group_buy_id').notNull(),
    householdId: uuid('household_id').notNull(),
    placedBy: uuid('placed_by').references(() => accounts.id),
    proxy: boolean('proxy').notNull().default(false),
    /** active, or withdrawn (kept so that the history and the audit read whole) */
    status: text('status').notNull().default('active'),
    note: text('note'),
    /** unpaid, paid, or on_delivery (pays the volunteer at the door) */
    payment: text('payment').notNull().default('unpaid'),
    paymentMarkedBy: uuid('payment_marked_by').references(() => accounts.id),
    paymentMarkedAt: timestamp('payment_marked_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedConfirmedBy: uuid('received_confirmed_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('group_buy_orders_household_unique').on(t.communityId, t.groupBuyId, t.householdId),
    foreignKey({
      columns: [t.communityId, t.groupBuyId],
      foreignColumns: [groupBuys.communityId, groupBuys.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.householdId],
      foreignColumns: [households.communityId, households.id],
    }),
    check('group_buy_orders_status_check', sql`${t.status} in ('active', 'withdrawn')`),
    check('group_buy_orders_payment_check', sql`${t.payment} in ('unpaid', 'paid', 'on_delivery')`),
  ],
);

/** How many units of one item an order asks for, and (after closing) how many it gets. */
export const groupBuyOrderLines = pgTable(
  'group_buy_order_lines',
  {
    communityId: communityId(),
    orderId: uuid('order_id').notNull(),
    itemId: uuid('item_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** null while the window is open; after closing the units this household gets */
    allocated: integer('allocated'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.orderId, t.itemId] }),
    index('group_buy_order_lines_item_idx').on(t.communityId, t.itemId),
    foreignKey({
      columns: [t.communityId, t.orderId],
      foreignColumns: [groupBuyOrders.communityId, groupBuyOrders.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.itemId],
      foreignColumns: [groupBuyItems.communityId, groupBuyItems.id],
    }).onDelete('cascade'),
    check('group_buy_order_lines_quantity_check', sql`${t.quantity} > 0`),
    check('group_buy_order_lines_allocated_check', sql`${t.allocated} is null or ${t.allocated} >= 0`),
  ],
);

/** A building's share of an arrived group buy, handed to its door (or its relay contact). */
export const groupBuyDrops = pgTable(
  'group_buy_drops',
  {
    communityId: communityId(),
    groupBuyId: uuid('group_buy_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    distributedAt: timestamp('distributed_at', { withTimezone: true }).notNull(),
    distributedBy: uuid('distributed_by').references(() => accounts.id),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.groupBuyId, t.buildingId] }),
    foreignKey({
      columns: [t.communityId, t.groupBuyId],
      foreignColumns: [groupBuys.communityId, groupBuys.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.buildingId],
      foreignColumns: [buildings.communityId, buildings.id],
    }),
  ],
);

/** Something wrong with what a household got: damaged, missing, or anything else, with how many units. */
export const groupBuyExceptions = pgTable(
  'group_buy_exceptions',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    groupBuyId: uuid('group_buy_id').notNull(),
    orderId: uuid('order_id').notNull(),
    itemId: uuid('item_id'),
    kind: text('kind').notNull(),
    quantity: integer('quantity').notNull().default(1),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => accounts.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('group_buy_exceptions_buy_idx').on(t.communityId, t.groupBuyId),
    foreignKey({
      columns: [t.communityId, t.orderId],
      foreignColumns: [groupBuyOrders.communityId, groupBuyOrders.id],
    }).onDelete('cascade'),
    check('group_buy_exceptions_kind_check', sql`${t.kind} in ('damaged', 'missing', 'other')`),
    check('group_buy_exceptions_quantity_check', sql`${t.quantity} > 0`),
  ],
);
