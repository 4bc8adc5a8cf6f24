import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TGroup } from '../../../shared/api/volunteers.ts';
import { errorMessage } from '../../api/client.ts';
import { useCreateGroup, useRenameGroup } from '../../api/groups.ts';
import { currentLocale } from '../../i18n/index.ts';
import { groupName } from '../../lib/format.ts';

interface Props {
  communityId: string;
  /** The group to rename; null for a new group. */
  group: TGroup | null;
  onClose: () => void;
}

export function GroupNameModal({ communityId, group, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateGroup(communityId);
  const rename = useRenameGroup(communityId);
  const saving = create.isPending || rename.isPending;
  const error = create.error ?? rename.error;
  const onFinish = ({ name }: { name: string }) => {
    const trimmed = name.trim();
    const done = () => {
      void message.success(
        group ? t('groups.renamed', { name: trimmed }) : t('groups.created', { name: trimmed }),
      );
      onClose();
    };
    if (group) rename.mutate({ id: group.id, name: trimmed }, { onSuccess: done });
    else create.mutate(trimmed, { onSuccess: done });
  };
  return (
    <Modal
      open
      title={
        group ? t('groups.renameTitle', { name: groupName(group, currentLocale()) }) : t('groups.create')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
    >
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(error)} className="form-alert" />
      ) : null}
      <Form
        form={form}
        name="group-name"
        layout="vertical"
        requiredMark={false}
        initialValues={{ name: group?.name ?? '' }}
        onFinish={onFinish}
      >
        <Form.Item
          label={t('groups.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('groups.nameRequired') }]}
        >
          <Input maxLength={30} placeholder={t('groups.namePlaceholder')} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
