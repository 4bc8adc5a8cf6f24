import { Alert, App as AntApp, Button, InputNumber } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroupBuyDetail } from '../../../shared/api/group-buys.ts';
import { errorMessage } from '../../api/client.ts';
import { useCloseGroupBuy, useRecordArrival } from '../../api/group-buys.ts';

/** The leader's buttons: close the window (with a confirmation), then record what arrived at the gate. */
export function ManagePanel({ communityId, detail }: { communityId: string; detail: TGroupBuyDetail }) {
  const { t } = useTranslation();
  const id = useId();
  if (detail.status !== 'open' && detail.status !== 'allocated') return null;
  return (
    <section className="panel gb-manage" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('groupBuys.manage.title')}</h2>
      {detail.status === 'open' ? (
        <CloseButton communityId={communityId} detail={detail} />
      ) : (
        <ArrivalForm communityId={communityId} detail={detail} />
      )}
    </section>
  );
}

function CloseButton({ communityId, detail }: { communityId: string; detail: TGroupBuyDetail }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const close = useCloseGroupBuy(communityId, detail.id);
  const early = Date.now() < Date.parse(detail.closesAt);
  const confirm = () =>
    modal.confirm({
      title: t('groupBuys.manage.closeTitle'),
      content: t(early ? 'groupBuys.manage.closeEarlyText' : 'groupBuys.manage.closeText', {
        households: detail.households,
      }),
      okText: t('groupBuys.manage.closeOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { size: 'large' },
      cancelButtonProps: { size: 'large' },
      onOk: () =>
        close.mutateAsync().then((result) => {
          void message.success(
            result.status === 'failed'
              ? t('groupBuys.manage.closedFailed')
              : t('groupBuys.manage.closedAllocated', { count: result.shortHouseholds }),
          );
        }),
    });
  return (
    <>
      <p className="gb-hint">{t('groupBuys.manage.closeHint')}</p>
      {close.error && <Alert type="error" showIcon role="alert" title={errorMessage(close.error)} />}
      <Button size="large" type="primary" danger loading={close.isPending} onClick={confirm}>
        {t('groupBuys.manage.close')}
      </Button>
    </>
  );
}

/** Units counted at the gate per item; short items are shared down by the same rule on the server. */
function ArrivalForm({ communityId, detail }: { communityId: string; detail: TGroupBuyDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const id = useId();
  const arrival = useRecordArrival(communityId, detail.id);
  const [received, setReceived] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(detail.items.map((i) => [i.id, i.received ?? i.allocated ?? i.ordered])),
  );
  const complete = detail.items.every((i) => typeof received[i.id] === 'number');
  return (
    <form
      className="gb-arrival"
      onSubmit={(e) => {
        e.preventDefault();
        if (!complete) return;
        arrival.mutate(
          detail.items.map((i) => ({ itemId: i.id, received: received[i.id] as number })),
          { onSuccess: () => void message.success(t('groupBuys.arrival.saved')) },
        );
      }}
    >
      <p className="gb-hint">{t('groupBuys.arrival.hint')}</p>
      {detail.items.map((item) => (
        <div key={item.id} className="gb-field">
          <label htmlFor={`${id}-${item.id}`}>
            {t('groupBuys.arrival.received', {
              name: item.name,
              unit: item.unit,
              count: item.allocated ?? item.ordered,
            })}
          </label>
          <InputNumber
            id={`${id}-${item.id}`}
            size="large"
            min={0}
            max={1_000_000}
            precision={0}
            value={received[item.id]}
            onChange={(v) => setReceived((r) => ({ ...r, [item.id]: typeof v === 'number' ? v : null }))}
          />
        </div>
      ))}
      {arrival.error && <Alert type="error" showIcon role="alert" title={errorMessage(arrival.error)} />}
      <Button size="large" type="primary" htmlType="submit" disabled={!complete} loading={arrival.isPending}>
        {t('groupBuys.arrival.save')}
      </Button>
    </form>
  );
}
