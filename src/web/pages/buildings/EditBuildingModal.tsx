import { Alert, App, Form, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBuilding } from '../../../shared/api/registry.ts';
import { errorMessage } from '../../api/client.ts';
import { useUpdateBuilding } from '../../api/registry.ts';
import { ZoneSelect } from '../../components/registry/FilterFields.tsx';

interface Values {
  floors: number;
  zoneId?: string;
}

export function EditBuildingModal({
  communityId,
  building,
  onClose,
}: {
  communityId: string;
  building: TBuilding;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateBuilding(communityId);
  const onFinish = (values: Values) =>
    update.mutate(
      { id: building.id, changes: { floors: values.floors, zoneId: values.zoneId ?? null } },
      {
        onSuccess: () => {
          void message.success(t('buildings.saved'));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('buildings.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
    >
      {update.error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(update.error)} className="form-alert" />
      ) : null}
      <Form<Values>
        form={form}
        name="edit-building"
        layout="vertical"
        requiredMark={false}
        initialValues={{ floors: building.floors, zoneId: building.zoneId ?? undefined }}
        onFinish={onFinish}
      >
        <Form.Item
          label={t('registry.floors')}
          name="floors"
          rules={[{ required: true, type: 'integer', min: 1, max: 100, message: t('buildings.floorsRange') }]}
        >
          <InputNumber min={1} max={100} precision={0} inputMode="numeric" className="full-width" />
        </Form.Item>
        <Form.Item label={t('registry.zone')} name="zoneId">
          <ZoneSelect communityId={communityId} placeholder={t('registry.noZone')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
