import { Alert, Button, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMedicineRequestDetail } from '../../../shared/api/medicine.ts';
import { MEDICINE_URGENCIES, type TMedicineUrgency } from '../../../shared/api/medicine.ts';
import { errorMessage } from '../../api/client.ts';
import { useTriageMedicineRequest } from '../../api/medicine.ts';
import { UrgencyTag } from './MedicineTags.tsx';
import { urgencyReasonText } from './medicine-format.ts';

interface Props {
  communityId: string;
  request: TMedicineRequestDetail;
  canOverride: boolean;
  onDone: (message: string) => void;
}

/** The urgency and why (the rule, the matched critical medicine, or the leader's reason); leaders override it. */
export function MedicineUrgencyPanel({ communityId, request, canOverride, onDone }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const category = request.matchedCategory;
  return (
    <section className="medicine-section" aria-labelledby="medicine-urgency-heading">
      <h2 id="medicine-urgency-heading">{t('medicineWork.detail.urgencyHeading')}</h2>
      <p className="medicine-urgency-line" data-testid="medicine-urgency">
        <UrgencyTag urgency={request.urgency} />
        <span>{urgencyReasonText(t, request.urgencyReason, request.urgencyOverridden)}</span>
      </p>
      {request.urgencyOverridden && <p className="medicine-hint">{t('medicineWork.detail.overridden')}</p>}
      {category && (
        <p className="medicine-hint">
          {t('medicineWork.detail.criticalMatch', { category: t(`medicineWork.category.${category}`) })}
        </p>
      )}
      {canOverride && !editing && (
        <Button size="large" onClick={() => setEditing(true)}>
          {t('medicineWork.override.open')}
        </Button>
      )}
      {canOverride && editing && (
        <OverrideForm
          communityId={communityId}
          request={request}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            onDone(t('medicineWork.override.done'));
          }}
        />
      )}
    </section>
  );
}

function OverrideForm({
  communityId,
  request,
  onCancel,
  onDone,
}: {
  communityId: string;
  request: TMedicineRequestDetail;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const triage = useTriageMedicineRequest(communityId, request.id);
  const [urgency, setUrgency] = useState<TMedicineUrgency>(request.urgency);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const missing = reason.trim() === '';
  const submit = async () => {
    setTried(true);
    if (missing) return;
    try {
      await triage.mutateAsync({ urgency, reason: reason.trim() });
      onDone();
    } catch {
      // shown from triage.error
    }
  };
  return (
    <form
      className="medicine-form medicine-override"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>{t('medicineWork.override.urgency')}</legend>
        <Radio.Group value={urgency} onChange={(e) => setUrgency(e.target.value as TMedicineUrgency)}>
          {MEDICINE_URGENCIES.map((u) => (
            <Radio key={u} value={u}>
              {t(`medicineWork.urgency.${u}`)}
            </Radio>
          ))}
        </Radio.Group>
      </fieldset>
      <label htmlFor="medicine-override-reason">{t('medicineWork.override.reason')}</label>
      <Input.TextArea
        id="medicine-override-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={300}
        autoSize={{ minRows: 2 }}
        status={tried && missing ? 'error' : undefined}
        aria-invalid={tried && missing}
        aria-describedby={tried && missing ? 'medicine-override-reason-error' : undefined}
      />
      {tried && missing && (
        <p id="medicine-override-reason-error" className="medicine-error" role="alert">
          {t('medicineWork.override.reasonRequired')}
        </p>
      )}
      {triage.error && <Alert type="error" showIcon role="alert" title={errorMessage(triage.error)} />}
      <div className="medicine-buttons">
        <Button type="primary" size="large" htmlType="submit" loading={triage.isPending}>
          {t('medicineWork.override.submit')}
        </Button>
        <Button size="large" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
