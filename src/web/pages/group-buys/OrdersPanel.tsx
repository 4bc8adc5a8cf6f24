import { Alert, App as AntApp, Button, Checkbox, Empty, Input, Skeleton, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroupBuyDetail, TGroupBuyOrder, TGroupBuyPayment } from '../../../shared/api/group-buys.ts';
import { errorMessage } from '../../api/client.ts';
import { useGroupBuyOrders, useMarkPaid, useRecordSupplierBill } from '../../api/group-buys.ts';
import { currentLocale } from '../../i18n/index.ts';
import { compareCodes, roomLabel } from '../../lib/registry-format.ts';
import { formatFen, yuanToFen } from './group-buys-format.ts';

const byRoom = (a: TGroupBuyOrder, b: TGroupBuyOrder) =>
  compareCodes(a.buildingCode, b.buildingCode) || compareCodes(a.room, b.room);

/** Σ amount per payment state over active orders: what the volunteers have to collect, and have. */
export function paymentTotals(orders: TGroupBuyOrder[]) {
  const totals = { all: 0, unpaid: 0, paid: 0, on_delivery: 0 };
  for (const o of orders) {
    if (o.status !== 'active') continue;
    totals.all += o.amountFen;
    totals[o.payment] += o.amountFen;
  }
  return totals;
}

/**
 * The orders with rooms (the group, coordinators, staff): mark several paid or paid on delivery at
 * once, and reconcile the total against the supplier's bill.
 */
export function OrdersPanel({ communityId, detail }: { communityId: string; detail: TGroupBuyDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const id = useId();
  const locale = currentLocale();
  const list = useGroupBuyOrders(communityId, detail.id, true);
  const mark = useMarkPaid(communityId, detail.id);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const orders = (list.data ?? []).filter((o) => o.status === 'active').sort(byRoom);
  const chosen = orders.filter((o) => selected.has(o.id)).map((o) => o.id);
  const itemsById = new Map(detail.items.map((i) => [i.id, i]));
  const closed = detail.status !== 'open';
  const toggle = (orderId: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(orderId);
      else next.delete(orderId);
      return next;
    });
  const markAs = (payment: TGroupBuyPayment) =>
    mark.mutate(
      { orderIds: chosen, payment },
      {
        onSuccess: () => {
          setSelected(new Set());
          void message.success(
            t('groupBuys.orders.marked', {
              count: chosen.length,
              payment: t(`groupBuys.payment.${payment}`),
            }),
          );
        },
      },
    );

  return (
    <section className="panel gb-orders" aria-labelledby={`${id}-title`} data-testid="gb-orders">
      <h2 id={`${id}-title`}>{t('groupBuys.orders.title', { count: orders.length })}</h2>
      {list.isError ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(list.error)} />
      ) : list.isPending ? (
        <Skeleton active />
      ) : orders.length === 0 ? (
        <Empty description={t('groupBuys.orders.empty')} />
      ) : (
        <>
          <Checkbox
            className="gb-check"
            checked={chosen.length === orders.length}
            indeterminate={chosen.length > 0 && chosen.length < orders.length}
            onChange={(e) => setSelected(e.target.checked ? new Set(orders.map((o) => o.id)) : new Set())}
          >
            {t('groupBuys.orders.selectAll')}
          </Checkbox>
          <ul className="gb-order-rows">
            {orders.map((o) => {
              const where = roomLabel(o.buildingCode, o.room, locale);
              return (
                <li key={o.id} className="gb-order-row" data-testid="gb-order-row">
                  <Checkbox
                    className="gb-check"
                    checked={selected.has(o.id)}
                    onChange={(e) => toggle(o.id, e.target.checked)}
                    aria-label={t('groupBuys.orders.select', { household: where })}
                  />
                  <div className="gb-order-row-main">
                    <strong>{where}</strong>
                    {o.proxy && <Tag className="gb-tag gb-tag-geekblue">{t('groupBuys.proxy.mark')}</Tag>}
                    <span className="gb-order-row-lines">
                      {o.lines
                        .map((l) => {
                          const item = itemsById.get(l.itemId);
                          const units = closed ? (l.allocated ?? l.quantity) : l.quantity;
                          const asked = closed && units !== l.quantity ? `/${l.quantity}` : '';
                          return `${item?.name ?? ''} ${units}${asked}${item?.unit ?? ''}`;
                        })
                        .join('，')}
                    </span>
                  </div>
                  <div className="gb-order-row-money">
                    <span>{formatFen(o.amountFen)}</span>
                    <Tag className={`gb-tag gb-tag-${o.payment === 'unpaid' ? 'orange' : 'green'}`}>
                      {t(`groupBuys.payment.${o.payment}`)}
                    </Tag>
                  </div>
                </li>
              );
            })}
          </ul>
          {chosen.length > 0 && (
            <section
              className="gb-pay-bar"
              aria-label={t('groupBuys.orders.selected', { count: chosen.length })}
            >
              <span>{t('groupBuys.orders.selected', { count: chosen.length })}</span>
              <Button size="large" type="primary" loading={mark.isPending} onClick={() => markAs('paid')}>
                {t('groupBuys.orders.markPaid')}
              </Button>
              <Button size="large" loading={mark.isPending} onClick={() => markAs('on_delivery')}>
                {t('groupBuys.orders.markOnDelivery')}
              </Button>
              <Button size="large" loading={mark.isPending} onClick={() => markAs('unpaid')}>
                {t('groupBuys.orders.markUnpaid')}
              </Button>
            </section>
          )}
          {mark.error && <Alert type="error" showIcon role="alert" title={errorMessage(mark.error)} />}
          {closed && <Reconciliation communityId={communityId} detail={detail} orders={orders} />}
        </>
      )}
    </section>
  );
}

function Reconciliation({
  communityId,
  detail,
  orders,
}: {
  communityId: string;
  detail: TGroupBuyDetail;
  orders: TGroupBuyOrder[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const totals = paymentTotals(orders);
  const record = useRecordSupplierBill(communityId, detail.id);
  const [bill, setBill] = useState(
    detail.supplierBillFen === null ? '' : (detail.supplierBillFen / 100).toFixed(2),
  );
  const billFen = yuanToFen(bill);
  const difference = detail.supplierBillFen === null ? null : totals.all - detail.supplierBillFen;
  return (
    <div className="gb-reconcile" data-testid="gb-reconcile">
      <h3>{t('groupBuys.reconcile.title')}</h3>
      <dl className="gb-totals">
        <dt>{t('groupBuys.reconcile.due')}</dt>
        <dd>{formatFen(totals.all)}</dd>
        <dt>{t('groupBuys.payment.paid')}</dt>
        <dd>{formatFen(totals.paid)}</dd>
        <dt>{t('groupBuys.payment.on_delivery')}</dt>
        <dd>{formatFen(totals.on_delivery)}</dd>
        <dt>{t('groupBuys.payment.unpaid')}</dt>
        <dd>{formatFen(totals.unpaid)}</dd>
      </dl>
      {detail.can.manage && (
        <form
          className="gb-bill"
          onSubmit={(e) => {
            e.preventDefault();
            if (billFen !== null) record.mutate(billFen);
          }}
        >
          <div className="gb-field">
            <label htmlFor={`${id}-bill`}>{t('groupBuys.reconcile.bill')}</label>
            <Input
              id={`${id}-bill`}
              size="large"
              prefix="¥"
              inputMode="decimal"
              value={bill}
              status={bill && billFen === null ? 'error' : undefined}
              onChange={(e) => setBill(e.target.value)}
            />
          </div>
          <Button size="large" htmlType="submit" disabled={billFen === null} loading={record.isPending}>
            {t('groupBuys.reconcile.save')}
          </Button>
        </form>
      )}
      {record.error && <Alert type="error" showIcon role="alert" title={errorMessage(record.error)} />}
      {difference !== null && (
        <p className={difference === 0 ? 'gb-ok' : 'gb-short'} data-testid="gb-difference">
          {difference === 0
            ? t('groupBuys.reconcile.matches', { bill: formatFen(detail.supplierBillFen ?? 0) })
            : t('groupBuys.reconcile.differs', {
                bill: formatFen(detail.supplierBillFen ?? 0),
                difference: formatFen(difference),
              })}
        </p>
      )}
    </div>
  );
}
