import { Alert, Checkbox, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroup } from '../../../shared/api/volunteers.ts';
import { errorMessage } from '../../api/client.ts';
import { currentLocale } from '../../i18n/index.ts';
import { groupName } from '../../lib/format.ts';

interface Props {
  count: number;
  groups: TGroup[];
  saving: boolean;
  error: unknown;
  onApprove: (groupIds: string[]) => void;
  onCancel: () => void;
}

/** The confirmation of a bulk approval, and where the approved go: one tap per group. */
export function ApproveModal({ count, groups, saving, error, onApprove, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [groupIds, setGroupIds] = useState<string[]>([]);
  return (
    <Modal
      open
      title={t('volunteers.approveTitle', { count })}
      okText={t('volunteers.approveConfirm')}
      cancelText={t('common.cancel')}
      onOk={() => onApprove(groupIds)}
      onCancel={onCancel}
      confirmLoading={saving}
    >
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(error)} className="form-alert" />
      ) : null}
      <fieldset className="plain-fieldset">
        <legend className="field-label-block">{t('volunteers.approveGroups')}</legend>
        <Checkbox.Group
          className="group-checkboxes"
          value={groupIds}
          onChange={(next) => setGroupIds(next as string[])}
          options={groups.map((g) => ({ value: g.id, label: groupName(g, locale) }))}
        />
      </fieldset>
    </Modal>
  );
}
