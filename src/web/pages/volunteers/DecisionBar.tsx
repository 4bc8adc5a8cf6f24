import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroup } from '../../../shared/api/volunteers.ts';
import { errorMessage } from '../../api/client.ts';
import { useDecideVolunteers, type VolunteerStatus } from '../../api/volunteers.ts';
import { ApproveModal } from './ApproveModal.tsx';

interface Props {
  communityId: string;
  status: VolunteerStatus;
  selected: ReadonlySet<string>;
  groups: TGroup[];
  onDone: () => void;
  onClear: () => void;
  /** Cards have no header checkbox; the bar offers "select all on this page" instead. */
  onSelectPage?: () => void;
}

/** The coordinator's decision on the picked volunteers; either way is confirmed first. */
export function DecisionBar({ communityId, status, selected, groups, onDone, onClear, onSelectPage }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const decide = useDecideVolunteers(communityId);
  const [approving, setApproving] = useState(false);
  const count = selected.size;
  const volunteerIds = [...selected];

  // mutateAsync, not mutate's callbacks: approving the last pending volunteer empties the list and
  // unmounts this bar, and TanStack drops per-call callbacks of an unmounted component.
  const approve = (groupIds: string[]) =>
    decide.mutateAsync({ volunteerIds, decision: 'approve', groupIds }).then(
      ({ updated }) => {
        void message.success(t('volunteers.approvedMsg', { count: updated }));
        setApproving(false);
        onDone();
      },
      () => {}, // shown in the dialog from decide.error
    );

  const reject = () =>
    modal.confirm({
      title: t('volunteers.rejectTitle', { count }),
      content: t('volunteers.rejectText'),
      okText: t('volunteers.reject'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        decide.mutateAsync({ volunteerIds, decision: 'reject' }).then(
          ({ updated }) => {
            void message.success(t('volunteers.rejectedMsg', { count: updated }));
            onDone();
          },
          (error) => void message.error(errorMessage(error)),
        ),
    });

  return (
    <div className="decision-bar">
      <span className="decision-count" aria-live="polite">
        {t('volunteers.selected', { count })}
      </span>
      <div className="form-buttons">
        <Button
          type="primary"
          icon={<CheckOutlined aria-hidden />}
          disabled={count === 0}
          onClick={() => {
            decide.reset();
            setApproving(true);
          }}
        >
          {status === 'rejected' ? t('volunteers.approveAgain') : t('volunteers.approve')}
        </Button>
        {status === 'pending' && (
          <Button danger icon={<CloseOutlined aria-hidden />} disabled={count === 0} onClick={reject}>
            {t('volunteers.reject')}
          </Button>
        )}
        {count > 0 ? (
          <Button onClick={onClear}>{t('volunteers.clearSelection')}</Button>
        ) : (
          onSelectPage && <Button onClick={onSelectPage}>{t('volunteers.selectPage')}</Button>
        )}
      </div>
      {approving && (
        <ApproveModal
          count={count}
          groups={groups}
          saving={decide.isPending}
          error={decide.error}
          onApprove={approve}
          onCancel={() => setApproving(false)}
        />
      )}
    </div>
  );
}
