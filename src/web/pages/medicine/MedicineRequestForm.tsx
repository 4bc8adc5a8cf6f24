import { CameraOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, InputNumber, Radio, Switch } from 'antd';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type IntakeDraft, type Member, missingAnswers, type Payment } from './written-conversation.ts';

export interface FormExtras {
  strength: string;
  note: string;
}

/** The ordinary form: the same answers as the written conversation, on one page, for those who type. */
export function MedicineRequestForm({
  members,
  draft,
  extras,
  onChange,
  onExtras,
  photo,
  onPhoto,
  onSubmit,
  submitting,
}: {
  members: Member[];
  draft: IntakeDraft;
  extras: FormExtras;
  onChange: (next: IntakeDraft) => void;
  onExtras: (next: FormExtras) => void;
  photo: File | null;
  onPhoto: (file: File | null) => void;
  onSubmit: () => void;
  submitting: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const f = (name: string) => `${id}-${name}`;
  const set = (patch: Partial<IntakeDraft>) => onChange({ ...draft, ...patch });
  const unknownDays = draft.supplyDaysLeft === null;
  return (
    <form
      className="panel medicine-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {members.length > 1 && (
        <fieldset>
          <legend>{t('medicineIntake.q.who')}</legend>
          <Radio.Group
            size="large"
            value={draft.residentId}
            onChange={(e) => set({ residentId: e.target.value })}
            options={members.map((m) => ({ value: m.id, label: m.name }))}
          />
        </fieldset>
      )}
      <label htmlFor={f('drug')}>{t('medicineAsk.form.drug')}</label>
      <Input
        id={f('drug')}
        size="large"
        maxLength={100}
        value={draft.drugName}
        onChange={(e) => set({ drugName: e.target.value })}
      />
      <label htmlFor={f('strength')}>{t('medicineAsk.form.strength')}</label>
      <Input
        id={f('strength')}
        size="large"
        maxLength={60}
        value={extras.strength}
        onChange={(e) => onExtras({ ...extras, strength: e.target.value })}
      />
      <label htmlFor={f('quantity')}>{t('medicineAsk.form.quantity')}</label>
      <Input
        id={f('quantity')}
        size="large"
        maxLength={60}
        value={draft.quantity}
        onChange={(e) => set({ quantity: e.target.value })}
      />
      <label htmlFor={f('days')}>{t('medicineAsk.form.daysLeft')}</label>
      <div className="medicine-form-days">
        <InputNumber
          id={f('days')}
          size="large"
          min={0}
          max={365}
          disabled={unknownDays}
          value={typeof draft.supplyDaysLeft === 'number' ? draft.supplyDaysLeft : null}
          onChange={(v) => set({ supplyDaysLeft: v ?? undefined })}
        />
        <Checkbox
          checked={unknownDays}
          onChange={(e) => set({ supplyDaysLeft: e.target.checked ? null : undefined })}
        >
          {t('medicineIntake.days.unknown')}
        </Checkbox>
      </div>
      <div className="medicine-form-switch">
        <Switch id={f('chronic')} checked={draft.chronic === true} onChange={(chronic) => set({ chronic })} />
        <label htmlFor={f('chronic')}>{t('medicineAsk.form.chronic')}</label>
      </div>
      <label htmlFor={f('source')}>{t('medicineAsk.form.source')}</label>
      <Input
        id={f('source')}
        size="large"
        maxLength={100}
        value={draft.source ?? ''}
        onChange={(e) => set({ source: e.target.value })}
      />
      <fieldset>
        <legend>{t('medicineIntake.q.payment')}</legend>
        <Radio.Group
          size="large"
          value={draft.payment}
          onChange={(e) => set({ payment: e.target.value as Payment })}
          options={(['yes', 'no', 'on_delivery'] as Payment[]).map((p) => ({
            value: p,
            label: t(`medicineIntake.pay.${p}`),
          }))}
        />
      </fieldset>
      <label htmlFor={f('note')}>{t('medicineAsk.form.note')}</label>
      <Input.TextArea
        id={f('note')}
        rows={3}
        maxLength={500}
        value={extras.note}
        onChange={(e) => onExtras({ ...extras, note: e.target.value })}
      />
      <span className="medicine-form-label" id={f('photo-label')}>
        {t('medicineAsk.form.photo')}
      </span>
      <input
        ref={file}
        id={f('photo')}
        className="wc-file"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-labelledby={f('photo-label')}
        onChange={(e) => onPhoto(e.target.files?.[0] ?? null)}
      />
      <Button
        size="large"
        icon={<CameraOutlined aria-hidden />}
        aria-describedby={f('photo-label')}
        onClick={() => file.current?.click()}
      >
        {photo ? t('medicineIntake.photoTaken', { name: photo.name }) : t('medicineAsk.form.choosePhoto')}
      </Button>
      <Button
        size="large"
        type="primary"
        htmlType="submit"
        loading={submitting}
        disabled={missingAnswers(draft, members.length).length > 0}
      >
        {t('medicineAsk.form.submit')}
      </Button>
    </form>
  );
}
