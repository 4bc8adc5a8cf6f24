import { Alert, App, Drawer, Form, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroup } from '../../../shared/api/volunteers.ts';
import { errorMessage, fieldErrors } from '../../api/client.ts';
import { useCreateShift } from '../../api/shifts.ts';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';
import { ShiftForm } from './ShiftForm.tsx';
import { API_FIELDS, initialShiftValues, type ShiftFormValues, toCreateShift } from './shift-form-values.ts';

// Paths like ['roles', 1, 'role'] are built at run time, beyond what antd's path types can check.
type FieldData = Parameters<FormInstance<ShiftFormValues>['setFields']>[0][number];

interface Props {
  communityId: string;
  timeZone: string;
  groups: TGroup[];
  open: boolean;
  onClose: () => void;
}

export function CreateShiftDrawer({ communityId, timeZone, groups, open, onClose }: Props) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShiftFormValues>();
  const create = useCreateShift(communityId);
  // Fresh defaults each time the drawer opens: "sign-up opens now" means now, not when the page loaded.
  const [initial, setInitial] = useState(() => initialShiftValues(timeZone, Date.now()));
  useEffect(() => {
    if (open) setInitial(initialShiftValues(timeZone, Date.now()));
  }, [open, timeZone]);

  useEffect(() => {
    if (!create.error) return;
    const fields = [...fieldErrors(create.error)].flatMap(([path, errors]) => {
      const name = API_FIELDS[path.split('.')[0]!];
      return name ? [{ name, errors }] : [];
    });
    form.setFields(fields as FieldData[]);
  }, [create.error, form]);

  const close = () => {
    create.reset();
    onClose();
  };

  const onFinish = (values: ShiftFormValues) => {
    const result = toCreateShift(values, timeZone, Date.now());
    if ('problems' in result) {
      form.setFields(
        result.problems.map((p) => ({ name: p.field, errors: [t(`shiftForm.${p.key}`)] })) as FieldData[],
      );
      return;
    }
    create.mutate(result.shift, {
      onSuccess: (shift) => {
        void message.success(t('shiftForm.created', { title: shift.title }));
        close();
      },
    });
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('shiftForm.title')}
      size={desktop ? 560 : '100%'}
      destroyOnHidden
    >
      {create.error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(create.error)} className="form-alert" />
      ) : null}
      <ShiftForm
        key={`${initial.opensDate} ${initial.opensTime}`}
        form={form}
        initial={{ ...initial, groupId: groups.length === 1 ? groups[0]!.id : undefined }}
        groups={groups}
        timeZone={timeZone}
        saving={create.isPending}
        onFinish={onFinish}
        onCancel={close}
      />
    </Drawer>
  );
}
