// The group buy's sheets, with the project's xlsx mechanism (exceljs, as the round report and the
// roster): the distribution list (a summary and one sheet per building, to print and tick off at the
// door) and the supplier's export (totals per item and per building per item, and the payments
// reconciled against the bill: the committee's copy). Rooms and payments but no names.
import ExcelJS from 'exceljs';
import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import type { TDistributionList, TGroupBuyItem } from '../../../shared/api/group-buys.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { getDistributionList } from './group-buy-distribution.service.ts';
import { campaignById, communityTimeZone } from './group-buys.repository.ts';

const WORDS = {
  'zh-CN': {
    summary: '汇总',
    building: '楼栋',
    buildingSheet: '{code}号楼',
    households: '户数',
    units: '合计件数',
    amount: '金额（元）',
    paidHouseholds: '已付款户数',
    distributedAt: '分发时间',
    room: '房号',
    payment: '付款',
    received: '签收',
    proxy: '代下单',
    exceptions: '异常',
    total: '合计',
    yes: '是',
    items: '按商品',
    byBuilding: '按楼栋',
    reconciliation: '对账',
    item: '商品',
    unit: '单位',
    price: '单价（元）',
    ordered: '订购',
    allocated: '分配',
    arrived: '到货',
    figure: '项目',
    value: '数值',
    due: '应收合计（元）',
    paid: '已付款（元）',
    onDelivery: '送货时付（元）',
    unpaid: '未付款（元）',
    bill: '供应商账单（元）',
    difference: '应收减账单（元）',
    paymentOf: { unpaid: '未付', paid: '已付', on_delivery: '送货时付' },
    kindOf: { damaged: '破损', missing: '缺少', other: '其他' },
  },
  en: {
    summary: 'Summary',
    building: 'Building',
    buildingSheet: 'Building {code}',
    households: 'Households',
    units: 'Units',
    amount: 'Amount (CNY)',
    paidHouseholds: 'Households paid',
    distributedAt: 'Distributed at',
    room: 'Room',
    payment: 'Payment',
    received: 'Received',
    proxy: 'Proxy order',
    exceptions: 'Exceptions',
    total: 'Total',
    yes: 'yes',
    items: 'Items',
    byBuilding: 'By building',
    reconciliation: 'Reconciliation',
    item: 'Item',
    unit: 'Unit',
    price: 'Price (CNY)',
    ordered: 'Ordered',
    allocated: 'Allocated',
    arrived: 'Received',
    figure: 'Figure',
    value: 'Value',
    due: 'Due in all (CNY)',
    paid: 'Paid (CNY)',
    onDelivery: 'Pay on delivery (CNY)',
    unpaid: 'Unpaid (CNY)',
    bill: "Supplier's bill (CNY)",
    difference: 'Due minus bill (CNY)',
    paymentOf: { unpaid: 'unpaid', paid: 'paid', on_delivery: 'on delivery' },
    kindOf: { damaged: 'damaged', missing: 'missing', other: 'other' },
  },
} as const;

const yuan = (fen: number) => Math.round(fen) / 100;
const itemHeader = (i: TGroupBuyItem) => `${i.name}（${i.unit}）`;
/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);

function workbook() {
  const book = new ExcelJS.Workbook();
  book.creator = 'Linli';
  const sheet = (name: string, headers: string[], widths: number[] = []) => {
    const s = book.addWorksheet(sheetName(name));
    s.columns = headers.map((header, i) => ({ header, key: String(i), width: widths[i] ?? 12 }));
    s.getRow(1).font = { bold: true };
    s.views = [{ state: 'frozen', ySplit: 1 }];
    return s;
  };
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  return { book, sheet, bold };
}

/** The distribution list as a workbook: a summary, then one sheet per building, room by room. */
export async function distributionWorkbook(list: TDistributionList, locale: Locale, timeZone: string) {
  const w = WORDS[locale];
  const { book, sheet, bold } = workbook();
  const time = (iso: string | null) => {
    if (!iso) return '';
    const local = wallClockAt(new Date(iso), timeZone);
    return `${local.day} ${local.time}`;
  };
  const summary = sheet(
    w.summary,
    [
      w.building,
      w.households,
      ...list.items.map(itemHeader),
      w.units,
      w.amount,
      w.paidHouseholds,
      w.distributedAt,
    ],
    [10, 8, ...list.items.map(() => 14), 10, 12, 12, 18],
  );
  const unitsOf = (b: TDistributionList['buildings'][number], itemId: string) =>
    b.rows.reduce((sum, r) => sum + (r.quantities[itemId] ?? 0), 0);
  const amountOf = (b: TDistributionList['buildings'][number]) =>
    b.rows.reduce((sum, r) => sum + r.amountFen, 0);
  for (const b of list.buildings)
    summary.addRow([
      b.buildingCode,
      b.rows.length,
      ...list.items.map((i) => unitsOf(b, i.id)),
      b.units,
      yuan(amountOf(b)),
      b.rows.filter((r) => r.payment === 'paid').length,
      time(b.distributedAt),
    ]);
  bold(
    summary.addRow([
      w.total,
      list.buildings.reduce((sum, b) => sum + b.rows.length, 0),
      ...list.items.map((i) => list.buildings.reduce((sum, b) => sum + unitsOf(b, i.id), 0)),
      list.buildings.reduce((sum, b) => sum + b.units, 0),
      yuan(list.buildings.reduce((sum, b) => sum + amountOf(b), 0)),
    ]),
  );

  const itemName = new Map(list.items.map((i) => [i.id, i.name]));
  for (const b of list.buildings) {
    const s = sheet(
      w.buildingSheet.replace('{code}', b.buildingCode),
      [w.room, ...list.items.map(itemHeader), w.amount, w.payment, w.received, w.proxy, w.exceptions],
      [10, ...list.items.map(() => 14), 12, 10, 18, 8, 30],
    );
    for (const r of b.rows)
      s.addRow([
        r.room,
        ...list.items.map((i) => r.quantities[i.id] ?? 0),
        yuan(r.amountFen),
        w.paymentOf[r.payment],
        time(r.receivedAt),
        r.proxy ? w.yes : '',
        r.exceptions
          .map(
            (e) =>
              `${w.kindOf[e.kind]} ${e.itemId ? (itemName.get(e.itemId) ?? '') : ''}×${e.quantity}${e.note ? ` ${e.note}` : ''}`,
          )
          .join('；'),
      ]);
    bold(s.addRow([w.total, ...list.items.map((i) => unitsOf(b, i.id)), yuan(amountOf(b))]));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The supplier's (and the committee's) workbook: per item, per building per item, and the money. */
export async function supplierWorkbook(
  list: TDistributionList,
  supplierBillFen: number | null,
  locale: Locale,
) {
  const w = WORDS[locale];
  const { book, sheet, bold } = workbook();
  const items = sheet(
    w.items,
    [w.item, w.unit, w.price, w.ordered, w.allocated, w.arrived, w.amount],
    [20, 8, 10, 10, 10, 10, 12],
  );
  for (const i of list.items)
    items.addRow([
      i.name,
      i.unit,
      yuan(i.priceFen),
      i.ordered,
      i.allocated ?? 0,
      i.received ?? '',
      yuan(i.priceFen * (i.allocated ?? 0)),
    ]);
  const due = list.items.reduce((sum, i) => sum + i.priceFen * (i.allocated ?? 0), 0);
  bold(items.addRow([w.total, '', '', '', '', '', yuan(due)]));

  const byBuilding = sheet(
    w.byBuilding,
    [w.building, ...list.items.map(itemHeader), w.units, w.amount],
    [10, ...list.items.map(() => 14), 10, 12],
  );
  for (const b of list.buildings)
    byBuilding.addRow([
      b.buildingCode,
      ...list.items.map((i) => b.rows.reduce((sum, r) => sum + (r.quantities[i.id] ?? 0), 0)),
      b.units,
      yuan(b.rows.reduce((sum, r) => sum + r.amountFen, 0)),
    ]);
  bold(
    byBuilding.addRow([
      w.total,
      ...list.items.map((i) => i.allocated ?? 0),
      list.buildings.reduce((sum, b) => sum + b.units, 0),
      yuan(due),
    ]),
  );

  const rows = list.buildings.flatMap((b) => b.rows);
  const paidBy = (payment: string) =>
    rows.filter((r) => r.payment === payment).reduce((sum, r) => sum + r.amountFen, 0);
  const money = sheet(w.reconciliation, [w.figure, w.value], [24, 14]);
  money.addRows([
    [w.due, yuan(due)],
    [w.paid, yuan(paidBy('paid'))],
    [w.onDelivery, yuan(paidBy('on_delivery'))],
    [w.unpaid, yuan(paidBy('unpaid'))],
    [w.bill, supplierBillFen === null ? '' : yuan(supplierBillFen)],
    [w.difference, supplierBillFen === null ? '' : yuan(due - supplierBillFen)],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** exportDistributionList: the list's workbook, with the campaign's title for the file name. */
export async function exportDistributionList(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  locale: Locale,
) {
  const list = await getDistributionList(deps, actor, communityId, groupBuyId);
  const timeZone = await communityTimeZone(deps.db, communityId);
  return { file: await distributionWorkbook(list, locale, timeZone), title: list.title };
}

/** exportGroupBuy: the supplier's workbook (the same access as the distribution list). */
export async function exportGroupBuy(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  locale: Locale,
) {
  const list = await getDistributionList(deps, actor, communityId, groupBuyId);
  const campaign = (await campaignById(deps.db, communityId, groupBuyId))!;
  return { file: await supplierWorkbook(list, campaign.supplierBillFen, locale), title: list.title };
}
