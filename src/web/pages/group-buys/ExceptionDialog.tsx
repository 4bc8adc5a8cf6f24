import { Alert, App as AntApp, Input, InputNumber, Modal, Radio } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_BUY_EXCEPTION_KINDS, type TGroupBuyItem } from '../../../shared/api/group-buys.ts';
import { errorMessage } from '../../api/client.ts';
import { type ExceptionInput, useRecordException } from '../../api/group-buys.ts';

export interface ExceptionTarget {
  orderId: string;
  household: string;
}

/** Records damaged or missing units for one household's goods (the note says what happened). */
export function ExceptionDialog({
  communityId,
  groupBuyId,
  items,
  target,
  onClose,
}: {
  communityId: string;
  groupBuyId: string;
  items: TGroupBuyItem[];
  target: ExceptionTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const id = useId();
  const record = useRecordException(communityId, groupBuyId);
  const [kind, setKind] = useState<ExceptionInput['kind']>('damaged');
  const [itemId, setItemId] = useState<string | undefined>(items[0]?.id);
  const [quantity, setQuantity] = useState<number | null>(1);
  const [note, setNote] = useState('');
  // Closing clears the answers, so the next household's dialog starts afresh.
  const close = () => {
    setKind('damaged');
    setQuantity(1);
    setNote('');
    record.reset();
    onClose();
  };
  return (
    <Modal
      open={target !== null}
      title={t('groupBuys.exception.title', { household: target?.household ?? '' })}
      okText={t('groupBuys.exception.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ size: 'large', disabled: !quantity, loading: record.isPending }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={close}
      onOk={() =>
        target &&
        quantity &&
        record.mutate(
          { orderId: target.orderId, itemId, kind, quantity, note: note.trim() || undefined },
          {
            onSuccess: () => {
              void message.success(t('groupBuys.exception.saved'));
              close();
            },
          },
        )
      }
    >
      <div className="gb-exception-form">
        <fieldset className="gb-fieldset">
          <legend>{t('groupBuys.exception.kindLabel')}</legend>
          <Radio.Group
            size="large"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            options={GROUP_BUY_EXCEPTION_KINDS.map((k) => ({
              value: k,
              label: t(`groupBuys.exception.kind.${k}`),
            }))}
          />
        </fieldset>
        {items.length > 1 && (
          <fieldset className="gb-fieldset">
            <legend>{t('groupBuys.exception.item')}</legend>
            <Radio.Group
              size="large"
              value={itemId}
              onChange={(e) => setItemId(e.target.value)}
              options={items.map((i) => ({ value: i.id, label: i.name }))}
            />
          </fieldset>
        )}
        <div className="gb-field">
          <label htmlFor={`${id}-quantity`}>{t('groupBuys.exception.quantity')}</label>
          <InputNumber
            id={`${id}-quantity`}
            size="large"
            min={1}
            max={10_000}
            precision={0}
            value={quantity}
            onChange={setQuantity}
          />
        </div>
        <div className="gb-field">
          <label htmlFor={`${id}-note`}>{t('groupBuys.exception.note')}</label>
          <Input.TextArea
            id={`${id}-note`}
            rows={2}
            maxLength={300}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        {record.error && <Alert type="error" showIcon role="alert" title={errorMessage(record.error)} />}
      </div>
    </Modal>
  );
}
