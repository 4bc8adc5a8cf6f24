import { Alert, Modal, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VEHICLES } from '../../../shared/volunteers.ts';
import { errorMessage } from '../../api/client.ts';
import { useAssignMedicineRequests, useMedicineAssignees } from '../../api/medicine-work.ts';
import { currentLocale } from '../../i18n/index.ts';
import { type Vehicle, vehicleLabel } from '../../lib/volunteer-format.ts';

/** A vehicle as registered; one this client does not know is shown as stored. */
const vehicleName = (v: string, locale: ReturnType<typeof currentLocale>) =>
  (VEHICLES as readonly string[]).includes(v) ? vehicleLabel(v as Vehicle, locale) : v;

interface Props {
  communityId: string;
  requestIds: string[];
  open: boolean;
  onClose: () => void;
  onAssigned: (assigneeName: string, count: number) => void;
}

/**
 * Choose a volunteer of the medicine group for one or more triaged requests. Big radio cards rather
 * than a drop-down: a leader on a phone reads vehicles and load before choosing.
 */
export function MedicineAssignDialog({ communityId, requestIds, open, onClose, onAssigned }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const assignees = useMedicineAssignees(communityId, open);
  const assign = useAssignMedicineRequests(communityId);
  const [chosen, setChosen] = useState<string | null>(null);

  const submit = async () => {
    if (!chosen) return;
    try {
      const result = await assign.mutateAsync({ requestIds, assigneeAccountId: chosen });
      setChosen(null);
      onAssigned(result.assignee.name, result.requestIds.length);
    } catch {
      // shown below from assign.error
    }
  };

  return (
    <Modal
      open={open}
      title={t('medicineWork.assign.title', { count: requestIds.length })}
      okText={t('medicineWork.assign.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !chosen, loading: assign.isPending, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => void submit()}
      onCancel={() => {
        assign.reset();
        onClose();
      }}
      destroyOnHidden
    >
      {assign.error && <Alert type="error" showIcon role="alert" title={errorMessage(assign.error)} />}
      {assignees.isPending ? (
        <Skeleton active />
      ) : assignees.isError ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(assignees.error)} />
      ) : assignees.data.length === 0 ? (
        <p>{t('medicineWork.assign.nobody')}</p>
      ) : (
        <Radio.Group
          className="medicine-assignees"
          value={chosen}
          onChange={(e) => setChosen(e.target.value as string)}
          aria-label={t('medicineWork.assign.who')}
        >
          {assignees.data.map((a) => (
            <Radio key={a.accountId} value={a.accountId} className="medicine-assignee">
              <span className="medicine-assignee-name">
                {a.name}
                {a.isLeader && ` · ${t('medicineWork.assign.leader')}`}
              </span>
              <span className="medicine-assignee-meta">
                {a.vehicles.length > 0
                  ? a.vehicles.map((v) => vehicleName(v, locale)).join('、')
                  : t('medicineWork.assign.noVehicle')}
                {' · '}
                {t('medicineWork.assign.load', { count: a.openRequests })}
              </span>
            </Radio>
          ))}
        </Radio.Group>
      )}
    </Modal>
  );
}
