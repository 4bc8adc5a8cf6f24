import { Alert, Button, Checkbox, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMedicineRequestDetail, TMedicineStatus } from '../../../shared/api/medicine.ts';
import { errorMessage } from '../../api/client.ts';
import { useUpdateMedicineStatus } from '../../api/medicine.ts';
import { MedicineAssignDialog } from './MedicineAssignDialog.tsx';
import { yuanToCents } from './medicine-format.ts';

interface Props {
  communityId: string;
  request: TMedicineRequestDetail;
  canAssign: boolean;
  onDone: (message: string) => void;
}

const ENDS_WITH_REASON: TMedicineStatus[] = ['cancelled', 'unavailable'];

/**
 * The next steps this person may take, and only those (the server's `allowedNext`). Steps that need
 * more than a tap ask for it first: a reason to stop, what was bought at delivery, or accepting a
 * substitution when the household confirms.
 */
export function MedicineStatusActions({ communityId, request, canAssign, onDone }: Props) {
  const { t } = useTranslation();
  const update = useUpdateMedicineStatus(communityId, request.id);
  const [asking, setAsking] = useState<TMedicineStatus | null>(null);
  const [assigning, setAssigning] = useState(false);
  const next = request.allowedNext.filter((s) => s !== 'assigned' || canAssign);
  if (next.length === 0) return null;

  const move = async (status: TMedicineStatus) => {
    const needsMore =
      ENDS_WITH_REASON.includes(status) ||
      status === 'delivered' ||
      (status === 'confirmed' && request.substitution && !request.substitutionConfirmedAt);
    if (status === 'assigned' && request.status === 'triaged') return setAssigning(true);
    if (needsMore) return setAsking(status);
    try {
      await update.mutateAsync({ status });
      onDone(t('medicineWork.flow.moved', { status: t(`medicineWork.status.${status}`) }));
    } catch {
      // shown from update.error
    }
  };

  return (
    <div className="medicine-actions">
      {update.error && !asking && (
        <Alert type="error" showIcon role="alert" title={errorMessage(update.error)} />
      )}
      <div className="medicine-buttons">
        {next.map((s) => (
          <Button
            key={s}
            size="large"
            type={ENDS_WITH_REASON.includes(s) ? 'default' : 'primary'}
            danger={ENDS_WITH_REASON.includes(s)}
            loading={update.isPending && update.variables?.status === s}
            onClick={() => void move(s)}
          >
            {t(`medicineWork.flow.to.${s}`)}
          </Button>
        ))}
      </div>
      {asking && (
        <MoveDialog
          status={asking}
          request={request}
          pending={update.isPending}
          error={update.error}
          onCancel={() => {
            update.reset();
            setAsking(null);
          }}
          onSubmit={async (body) => {
            try {
              await update.mutateAsync({ status: asking, ...body });
              setAsking(null);
              onDone(t('medicineWork.flow.moved', { status: t(`medicineWork.status.${asking}`) }));
            } catch {
              // shown in the dialog
            }
          }}
        />
      )}
      <MedicineAssignDialog
        communityId={communityId}
        requestIds={[request.id]}
        open={assigning}
        onClose={() => setAssigning(false)}
        onAssigned={(name) => {
          setAssigning(false);
          onDone(t('medicineWork.assign.done', { name, count: 1 }));
        }}
      />
    </div>
  );
}

interface MoveBody {
  reason?: string;
  bought?: string;
  costCents?: number;
  substitution?: string;
  daysSupplied?: number;
  acceptSubstitution?: boolean;
}

function MoveDialog(props: {
  status: TMedicineStatus;
  request: TMedicineRequestDetail;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (body: MoveBody) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { status, request } = props;
  const [reason, setReason] = useState('');
  const [bought, setBought] = useState(request.bought ?? request.drugName);
  const [cost, setCost] = useState('');
  const [substitution, setSubstitution] = useState('');
  const [days, setDays] = useState<number | null>(null);
  const [accept, setAccept] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    setProblem(null);
    if (ENDS_WITH_REASON.includes(status)) {
      if (!reason.trim()) return setProblem(t('medicineWork.flow.reasonRequired'));
      return void props.onSubmit({ reason: reason.trim() });
    }
    if (status === 'delivered') {
      const costCents = cost.trim() === '' ? undefined : yuanToCents(cost);
      if (costCents === null) return setProblem(t('medicineWork.flow.costInvalid'));
      return void props.onSubmit({
        bought: bought.trim() || undefined,
        costCents,
        substitution: substitution.trim() || undefined,
        daysSupplied: days ?? undefined,
      });
    }
    if (!accept) return setProblem(t('medicineWork.flow.acceptRequired'));
    return void props.onSubmit({ acceptSubstitution: true });
  };

  return (
    <Modal
      open
      title={t(`medicineWork.flow.to.${status}`)}
      okText={t('medicineWork.flow.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: props.pending, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onOk={submit}
      onCancel={props.onCancel}
    >
      <div className="medicine-form">
        {ENDS_WITH_REASON.includes(status) && (
          <>
            <label htmlFor="medicine-move-reason">{t('medicineWork.flow.reason')}</label>
            <Input.TextArea
              id="medicine-move-reason"
              value={reason}
              maxLength={300}
              autoSize={{ minRows: 2 }}
              onChange={(e) => setReason(e.target.value)}
            />
          </>
        )}
        {status === 'delivered' && (
          <>
            <label htmlFor="medicine-move-bought">{t('medicineWork.flow.bought')}</label>
            <Input
              id="medicine-move-bought"
              size="large"
              value={bought}
              maxLength={200}
              onChange={(e) => setBought(e.target.value)}
            />
            <label htmlFor="medicine-move-cost">{t('medicineWork.flow.cost')}</label>
            <Input
              id="medicine-move-cost"
              size="large"
              inputMode="decimal"
              value={cost}
              onChange={(e) => setCost(e.target.value)}
            />
            <label htmlFor="medicine-move-substitution">{t('medicineWork.flow.substitution')}</label>
            <Input
              id="medicine-move-substitution"
              size="large"
              value={substitution}
              maxLength={300}
              placeholder={t('medicineWork.flow.substitutionHint')}
              onChange={(e) => setSubstitution(e.target.value)}
            />
            <label htmlFor="medicine-move-days">{t('medicineWork.flow.daysSupplied')}</label>
            <InputNumber
              id="medicine-move-days"
              size="large"
              min={0}
              max={365}
              value={days}
              onChange={(v) => setDays(v)}
            />
          </>
        )}
        {status === 'confirmed' && (
          <>
            <p className="medicine-substitution">
              {t('medicineWork.flow.substitutionWas', { substitution: request.substitution })}
            </p>
            <Checkbox checked={accept} onChange={(e) => setAccept(e.target.checked)}>
              {t('medicineWork.flow.accept')}
            </Checkbox>
          </>
        )}
        {problem || props.error ? (
          <Alert type="error" showIcon role="alert" title={problem ?? errorMessage(props.error)} />
        ) : null}
      </div>
    </Modal>
  );
}
