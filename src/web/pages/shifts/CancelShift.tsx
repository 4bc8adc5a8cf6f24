import { StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TShift } from '../../../shared/api/shifts.ts';
import { errorMessage } from '../../api/client.ts';
import { useCancelShift } from '../../api/shift-templates.ts';
import { ShiftWhen } from './ShiftWhen.tsx';

/** Who a cancellation reaches: those with a place, those waiting, and draw entrants. */
export function peopleToTell(shift: Pick<TShift, 'roles'>) {
  const sum = (pick: (r: TShift['roles'][number]) => number) => shift.roles.reduce((n, r) => n + pick(r), 0);
  return {
    confirmed: sum((r) => r.taken),
    waiting: sum((r) => r.waiting),
    requested: sum((r) => r.requested ?? 0),
  };
}

/** A manager calls a shift off, after a confirmation that says how many people will be told. */
export function CancelShiftButton({
  communityId,
  shift,
  title,
  timeZone,
}: {
  communityId: string;
  shift: TShift;
  title: string;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useCancelShift(communityId);
  const people = peopleToTell(shift);
  const nobody = people.confirmed + people.waiting + people.requested === 0;

  const close = () => {
    setOpen(false);
    setReason('');
    cancel.reset();
  };
  const confirm = () =>
    cancel.mutate(
      { shiftId: shift.id, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: ({ told }) => {
          void message.success(t('cancelShift.done', { count: told }));
          close();
        },
      },
    );

  return (
    <>
      <Button
        danger
        className="shift-manage"
        icon={<StopOutlined aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('cancelShift.button')}
        <span className="visually-hidden">{` ${title}`}</span>
      </Button>
      <Modal
        open={open}
        title={t('cancelShift.title', { title })}
        okText={t('cancelShift.confirm')}
        okButtonProps={{ danger: true }}
        cancelText={t('cancelShift.keep')}
        onOk={confirm}
        onCancel={close}
        confirmLoading={cancel.isPending}
      >
        {cancel.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(cancel.error)}
            className="form-alert"
          />
        ) : null}
        <p className="cancel-when">
          <ShiftWhen shift={shift} timeZone={timeZone} withDay />
        </p>
        <p className="cancel-told" data-testid="cancel-told">
          {nobody
            ? t('cancelShift.nobody')
            : shift.mode === 'draw'
              ? t('cancelShift.toldDraw', people)
              : t('cancelShift.told', people)}
        </p>
        <label className="field-label-block" htmlFor={`cancel-reason-${shift.id}`}>
          {t('cancelShift.reason')}
        </label>
        <Input
          id={`cancel-reason-${shift.id}`}
          value={reason}
          maxLength={200}
          placeholder={t('cancelShift.reasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

/** A called-off shift keeps its place in the day, struck through, with nothing left to do on it. */
export function CancelledShiftCard({
  shift,
  title,
  group,
  timeZone,
}: {
  shift: TShift;
  title: string;
  group: string | null;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const titleId = `shift-${shift.id}`;
  return (
    <li className="shift-card shift-cancelled" aria-labelledby={titleId} data-testid="shift-card">
      <div className="shift-head">
        <h3 id={titleId}>{title}</h3>
        {group && <span className="muted">{group}</span>}
        <span className="badge badge-red">{t('cancelShift.cancelled')}</span>
      </div>
      <ShiftWhen shift={shift} timeZone={timeZone} />
      <p className="muted shift-window">{t('cancelShift.cancelledNote')}</p>
    </li>
  );
}
