import { Alert, App, Checkbox, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroup, TVolunteer } from '../../../shared/api/volunteers.ts';
import { errorMessage } from '../../api/client.ts';
import { useSetVolunteerGroups } from '../../api/volunteers.ts';
import { currentLocale } from '../../i18n/index.ts';
import { groupName } from '../../lib/format.ts';

interface Props {
  communityId: string;
  volunteer: TVolunteer;
  groups: TGroup[];
  onClose: () => void;
}

type Choice = Map<string, { leader: boolean }>;

/** A volunteer's groups and leaderships in one list: tick the group, then optionally "leader". */
export function GroupsModal({ communityId, volunteer, groups, onClose }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const save = useSetVolunteerGroups(communityId);
  const [choice, setChoice] = useState<Choice>(
    () => new Map(volunteer.groups.map((g) => [g.groupId, { leader: g.leader }])),
  );
  const set = (groupId: string, value: { leader: boolean } | null) =>
    setChoice((current) => {
      const next = new Map(current);
      if (value) next.set(groupId, value);
      else next.delete(groupId);
      return next;
    });
  const onOk = () =>
    save.mutate(
      { id: volunteer.id, groups: [...choice].map(([groupId, { leader }]) => ({ groupId, leader })) },
      {
        onSuccess: () => {
          void message.success(t('volunteers.groupsSaved', { name: volunteer.name }));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('volunteers.groupsTitle', { name: volunteer.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      {save.error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} className="form-alert" />
      ) : null}
      <p className="page-note">{t('volunteers.groupsHelp')}</p>
      <ul className="group-choices">
        {groups.map((g) => {
          const name = groupName(g, locale);
          const picked = choice.get(g.id);
          return (
            <li key={g.id} className="group-choice">
              <Checkbox
                checked={!!picked}
                onChange={(e) => set(g.id, e.target.checked ? { leader: false } : null)}
              >
                {name}
              </Checkbox>
              <Checkbox
                checked={picked?.leader ?? false}
                disabled={!picked}
                aria-label={t('volunteers.leaderOf', { group: name })}
                onChange={(e) => set(g.id, { leader: e.target.checked })}
              >
                {t('volunteers.leader')}
              </Checkbox>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
