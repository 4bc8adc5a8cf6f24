import { Alert, App, Form, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TShift } from '../../../shared/api/shifts.ts';
import { errorMessage } from '../../api/client.ts';
import { useSetCapacity } from '../../api/shifts.ts';
import { useRoleName } from './ShiftLines.tsx';

interface Values {
  role: string;
  capacity: number;
}

/** More places move the waitlist up at once; fewer than those signed up the server refuses. */
export function CapacityModal({
  communityId,
  shift,
  onClose,
}: {
  communityId: string;
  shift: TShift;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetCapacity(communityId);
  const roleName = useRoleName(shift.roles.length);
  const chosen = Form.useWatch('role', form) ?? shift.roles[0]!.role;
  const taken = shift.roles.find((r) => r.role === chosen)?.taken ?? 0;

  const onFinish = (values: Values) =>
    save.mutate(
      // With a single role there is no role field, so the form leaves it out.
      { shiftId: shift.id, role: values.role ?? shift.roles[0]!.role, capacity: values.capacity },
      {
        onSuccess: () => {
          void message.success(t('shifts.capacitySaved'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('shifts.capacityTitle', { title: shift.title })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      {save.error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} className="form-alert" />
      ) : null}
      <Form<Values>
        form={form}
        name="shift-capacity"
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: shift.roles[0]!.role, capacity: shift.roles[0]!.capacity }}
        onValuesChange={(changed: Partial<Values>) => {
          // Picking another role shows that role's places, not the previous role's.
          const role = shift.roles.find((r) => r.role === changed.role);
          if (role) form.setFieldValue('capacity', role.capacity);
        }}
        onFinish={onFinish}
      >
        {shift.roles.length > 1 && (
          <Form.Item label={t('shifts.capacityRole')} name="role">
            <Select options={shift.roles.map((r) => ({ value: r.role, label: roleName(r.role) }))} />
          </Form.Item>
        )}
        <Form.Item
          label={t('shifts.capacity')}
          name="capacity"
          extra={t('shifts.capacityHelp', { taken })}
          rules={[{ required: true, type: 'integer', min: 0, max: 1000, message: t('shifts.capacityRange') }]}
        >
          <InputNumber min={0} max={1000} precision={0} inputMode="numeric" className="full-width" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
