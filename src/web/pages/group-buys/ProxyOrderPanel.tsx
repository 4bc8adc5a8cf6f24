import { Alert, App as AntApp, Button, Select } from 'antd';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroupBuyDetail, TGroupBuyOrder } from '../../../shared/api/group-buys.ts';
import { errorMessage } from '../../api/client.ts';
import {
  useChangeOrder,
  useGroupBuyOrders,
  useOrderableHouseholds,
  usePlaceOrder,
} from '../../api/group-buys.ts';
import { currentLocale } from '../../i18n/index.ts';
import { newIdempotencyKey } from '../../lib/idempotency-key.ts';
import { buildingLabel, compareCodes, roomLabel } from '../../lib/registry-format.ts';
import { formatFen } from './group-buys-format.ts';
import { amountOf, linesOf, type Quantities, QuantitySteppers } from './QuantitySteppers.tsx';

/**
 * 代下单: a volunteer or a building's relay contact orders for a household without a phone. Pick the
 * building, then the room (the server lists only households the caller may order for); a household
 * that already ordered is changed rather than ordered twice.
 */
export function ProxyOrderPanel({ communityId, detail }: { communityId: string; detail: TGroupBuyDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const households = useOrderableHouseholds(communityId, detail.id, true);
  // Only the group and the committee see others' orders; a relay contact changes none, only places.
  const orders = useGroupBuyOrders(communityId, detail.id, detail.can.markPaid);
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const buildings = useMemo(() => {
    const seen = new Map<string, string>();
    for (const h of households.data ?? []) seen.set(h.buildingId, h.buildingCode);
    return [...seen].sort((a, b) => compareCodes(a[1], b[1]));
  }, [households.data]);
  const rooms = (households.data ?? [])
    .filter((h) => h.buildingId === buildingId)
    .sort((a, b) => compareCodes(a.room, b.room));
  const household = rooms.find((h) => h.id === householdId) ?? null;
  const existing = household?.orderId
    ? (orders.data ?? []).find((o) => o.id === household.orderId)
    : undefined;

  return (
    <section className="panel gb-proxy" aria-labelledby={`${id}-title`} data-testid="gb-proxy">
      <h2 id={`${id}-title`}>{t('groupBuys.proxy.title')}</h2>
      <p className="gb-hint">{t('groupBuys.proxy.intro')}</p>
      {households.error && (
        <Alert type="error" showIcon role="alert" title={errorMessage(households.error)} />
      )}
      <div className="gb-form-row">
        <div className="gb-field">
          <label htmlFor={`${id}-building`}>{t('groupBuys.proxy.building')}</label>
          <Select
            id={`${id}-building`}
            size="large"
            showSearch={{ optionFilterProp: 'label' }}
            loading={households.isPending}
            value={buildingId}
            placeholder={t('groupBuys.proxy.chooseBuilding')}
            onChange={(value: string) => {
              setBuildingId(value);
              setHouseholdId(null);
            }}
            options={buildings.map(([value, code]) => ({ value, label: buildingLabel(code, locale) }))}
          />
        </div>
        <div className="gb-field">
          <label htmlFor={`${id}-room`}>{t('groupBuys.proxy.room')}</label>
          <Select
            id={`${id}-room`}
            size="large"
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!buildingId}
            value={householdId}
            placeholder={t('groupBuys.proxy.chooseRoom')}
            onChange={(value: string) => setHouseholdId(value)}
            options={rooms.map((h) => ({
              value: h.id,
              label: h.orderId ? t('groupBuys.proxy.roomOrdered', { room: h.room }) : h.room,
            }))}
          />
        </div>
      </div>
      {household && (
        <ProxyEditor
          key={`${household.id}/${existing?.updatedAt ?? ''}`}
          communityId={communityId}
          detail={detail}
          householdId={household.id}
          label={roomLabel(household.buildingCode, household.room, locale)}
          existing={household.orderId ? (existing ?? 'unseen') : null}
        />
      )}
    </section>
  );
}

function ProxyEditor({
  communityId,
  detail,
  householdId,
  label,
  existing,
}: {
  communityId: string;
  detail: TGroupBuyDetail;
  householdId: string;
  label: string;
  /** the household's order: null none yet, 'unseen' one the caller may not read */
  existing: TGroupBuyOrder | 'unseen' | null;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const order = existing && existing !== 'unseen' && existing.status === 'active' ? existing : null;
  const [quantities, setQuantities] = useState<Quantities>(() =>
    Object.fromEntries((order?.lines ?? []).map((l) => [l.itemId, l.quantity])),
  );
  const [clientKey] = useState(newIdempotencyKey);
  const place = usePlaceOrder(communityId, detail.id);
  const change = useChangeOrder(communityId, detail.id);
  const lines = linesOf(quantities);
  const error = place.error ?? change.error;
  if (existing === 'unseen')
    return <p className="gb-hint">{t('groupBuys.proxy.alreadyOrdered', { household: label })}</p>;
  const submit = () =>
    order
      ? change.mutate(
          { orderId: order.id, lines },
          { onSuccess: () => void message.success(t('groupBuys.proxy.changed', { household: label })) },
        )
      : place.mutate(
          { householdId, lines, clientKey },
          { onSuccess: () => void message.success(t('groupBuys.proxy.placed', { household: label })) },
        );
  return (
    <div className="gb-order-editor">
      <p className="gb-order-state">
        {t(order ? 'groupBuys.proxy.changing' : 'groupBuys.proxy.ordering', { household: label })}
      </p>
      <QuantitySteppers items={detail.items} quantities={quantities} onChange={setQuantities} />
      <p className="gb-order-amount">
        {t('groupBuys.order.amount', { amount: formatFen(amountOf(detail.items, quantities)) })}
      </p>
      {error && <Alert type="error" showIcon role="alert" title={errorMessage(error)} />}
      <Button
        type="primary"
        size="large"
        disabled={lines.length === 0}
        loading={place.isPending || change.isPending}
        onClick={submit}
      >
        {order ? t('groupBuys.proxy.change') : t('groupBuys.proxy.submit')}
      </Button>
    </div>
  );
}
