import { Alert, App as AntApp, Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroupBuyDetail, TGroupBuyOrder } from '../../../shared/api/group-buys.ts';
import { errorMessage } from '../../api/client.ts';
import { useChangeOrder, useConfirmReceipt, usePlaceOrder, useWithdrawOrder } from '../../api/group-buys.ts';
import { newIdempotencyKey } from '../../lib/idempotency-key.ts';
import { formatDateTime } from '../../lib/time.ts';
import { formatFen } from './group-buys-format.ts';
import { amountOf, linesOf, type Quantities, QuantitySteppers } from './QuantitySteppers.tsx';

const quantitiesOf = (order: TGroupBuyOrder | null): Quantities =>
  Object.fromEntries((order?.status === 'active' ? order.lines : []).map((l) => [l.itemId, l.quantity]));

/** My household's order: steppers while the window is open, the allocation and what to pay after. */
export function MyOrderPanel({
  communityId,
  detail,
  timeZone,
  now,
}: {
  communityId: string;
  detail: TGroupBuyDetail;
  timeZone: string;
  now: number;
}) {
  const { t, i18n } = useTranslation();
  const order = detail.myOrder;
  const active = order?.status === 'active' ? order : null;
  const windowOpen =
    detail.status === 'open' && Date.parse(detail.opensAt) <= now && now < Date.parse(detail.closesAt);
  return (
    <section className="panel gb-my-order" aria-labelledby="gb-my-order-title" data-testid="gb-my-order">
      <h2 id="gb-my-order-title">{t('groupBuys.order.mine')}</h2>
      {detail.status === 'open' ? (
        windowOpen ? (
          <OrderEditor
            key={order?.updatedAt ?? 'new'}
            communityId={communityId}
            detail={detail}
            order={active}
          />
        ) : (
          <>
            <p>
              {Date.parse(detail.opensAt) > now
                ? t('groupBuys.order.notYet', {
                    opens: formatDateTime(detail.opensAt, timeZone, i18n.language),
                  })
                : t('groupBuys.order.windowOver')}
            </p>
            {active && <OrderLines detail={detail} order={active} />}
          </>
        )
      ) : detail.status === 'failed' ? (
        <p>{active ? t('groupBuys.order.failed') : t('groupBuys.order.failedNoOrder')}</p>
      ) : active ? (
        <Allocation communityId={communityId} detail={detail} order={active} timeZone={timeZone} />
      ) : (
        <p>{t('groupBuys.order.noneClosed')}</p>
      )}
    </section>
  );
}

function OrderEditor({
  communityId,
  detail,
  order,
}: {
  communityId: string;
  detail: TGroupBuyDetail;
  order: TGroupBuyOrder | null;
}) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [quantities, setQuantities] = useState<Quantities>(() => quantitiesOf(order));
  const [clientKey, setClientKey] = useState(newIdempotencyKey);
  const place = usePlaceOrder(communityId, detail.id);
  const change = useChangeOrder(communityId, detail.id);
  const withdraw = useWithdrawOrder(communityId, detail.id);
  const lines = linesOf(quantities);
  const busy = place.isPending || change.isPending || withdraw.isPending;
  const error = place.error ?? change.error ?? withdraw.error;

  const submit = () => {
    if (order) {
      change.mutate(
        { orderId: order.id, lines },
        { onSuccess: () => void message.success(t('groupBuys.order.changed')) },
      );
    } else {
      place.mutate(
        { lines, clientKey },
        {
          onSuccess: () => {
            setClientKey(newIdempotencyKey());
            void message.success(t('groupBuys.order.placed'));
          },
        },
      );
    }
  };
  const confirmWithdraw = () =>
    modal.confirm({
      title: t('groupBuys.order.withdrawTitle'),
      content: t('groupBuys.order.withdrawText'),
      okText: t('groupBuys.order.withdraw'),
      okButtonProps: { danger: true, size: 'large' },
      cancelButtonProps: { size: 'large' },
      cancelText: t('common.cancel'),
      onOk: () =>
        order &&
        withdraw.mutateAsync(order.id).then(() => void message.success(t('groupBuys.order.withdrawn'))),
    });

  return (
    <div className="gb-order-editor">
      {order && (
        <p className="gb-order-state">
          {t('groupBuys.order.placedAt', { amount: formatFen(order.amountFen) })}
        </p>
      )}
      <QuantitySteppers
        items={detail.items}
        quantities={quantities}
        onChange={setQuantities}
        disabled={busy}
      />
      <p className="gb-order-amount" data-testid="gb-order-amount">
        {t('groupBuys.order.amount', { amount: formatFen(amountOf(detail.items, quantities)) })}
      </p>
      {error && <Alert type="error" showIcon role="alert" title={errorMessage(error)} />}
      <div className="gb-actions">
        <Button
          type="primary"
          size="large"
          disabled={lines.length === 0}
          loading={place.isPending || change.isPending}
          onClick={submit}
        >
          {order ? t('groupBuys.order.change') : t('groupBuys.order.place')}
        </Button>
        {order && (
          <Button size="large" danger disabled={busy} onClick={confirmWithdraw}>
            {t('groupBuys.order.withdraw')}
          </Button>
        )}
      </div>
    </div>
  );
}

/** The order's lines as text: "大米 2 袋". */
function OrderLines({ detail, order }: { detail: TGroupBuyDetail; order: TGroupBuyOrder }) {
  const { t } = useTranslation();
  const byId = new Map(detail.items.map((i) => [i.id, i]));
  return (
    <ul className="gb-order-lines">
      {order.lines.map((line) => {
        const item = byId.get(line.itemId);
        return (
          <li key={line.itemId}>
            {t('groupBuys.order.line', {
              name: item?.name ?? '',
              count: line.quantity,
              unit: item?.unit ?? '',
            })}
          </li>
        );
      })}
    </ul>
  );
}

function Allocation({
  communityId,
  detail,
  order,
  timeZone,
}: {
  communityId: string;
  detail: TGroupBuyDetail;
  order: TGroupBuyOrder;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const confirm = useConfirmReceipt(communityId, detail.id);
  const byId = new Map(detail.items.map((i) => [i.id, i]));
  const arrived = detail.status === 'arrived' || detail.status === 'done';
  return (
    <div className="gb-allocation" data-testid="gb-allocation">
      <ul className="gb-order-lines">
        {order.lines.map((line) => {
          const item = byId.get(line.itemId);
          const allocated = line.allocated ?? line.quantity;
          return (
            <li key={line.itemId} className={allocated < line.quantity ? 'is-short' : undefined}>
              {t('groupBuys.order.allocatedLine', {
                name: item?.name ?? '',
                allocated,
                quantity: line.quantity,
                unit: item?.unit ?? '',
              })}
            </li>
          );
        })}
      </ul>
      <p className="gb-to-pay">
        {t('groupBuys.order.toPay', { amount: formatFen(order.amountFen) })}{' '}
        <Tag className={`gb-tag gb-tag-${order.payment === 'unpaid' ? 'orange' : 'green'}`}>
          {t(`groupBuys.payment.${order.payment}`)}
        </Tag>
      </p>
      {order.receivedAt ? (
        <p>
          {t('groupBuys.order.received', { time: formatDateTime(order.receivedAt, timeZone, i18n.language) })}
        </p>
      ) : (
        arrived && (
          <>
            {confirm.error && (
              <Alert type="error" showIcon role="alert" title={errorMessage(confirm.error)} />
            )}
            <Button
              size="large"
              type="primary"
              loading={confirm.isPending}
              onClick={() => confirm.mutate(order.id)}
            >
              {t('groupBuys.order.confirmReceipt')}
            </Button>
          </>
        )
      )}
    </div>
  );
}
