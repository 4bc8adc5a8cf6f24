import { Alert, App, Drawer, Form, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroup } from '../../../shared/api/volunteers.ts';
import { errorMessage, fieldErrors } from '../../api/client.ts';
import { useCreateShiftTemplate } from '../../api/shift-templates.ts';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';
import { templateTitle } from './TemplateCard.tsx';
import { TemplateForm } from './TemplateForm.tsx';
import {
  formField,
  initialTemplateValues,
  type TemplateFormValues,
  toCreateTemplate,
} from './template-form-values.ts';

// Paths like ['roles', 1, 'role'] are built at run time, beyond what antd's path types can check.
type FieldData = Parameters<FormInstance<TemplateFormValues>['setFields']>[0][number];

interface Props {
  communityId: string;
  timeZone: string;
  groups: TGroup[];
  /** the group chosen on the page, preselected */
  groupId?: string;
  open: boolean;
  onClose: () => void;
}

export function TemplateDrawer({ communityId, timeZone, groups, groupId, open, onClose }: Props) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateFormValues>();
  const create = useCreateShiftTemplate(communityId);

  useEffect(() => {
    if (!create.error) return;
    const fields = [...fieldErrors(create.error)].map(([path, errors]) => ({
      name: formField(path),
      errors,
    }));
    form.setFields(fields as FieldData[]);
  }, [create.error, form]);

  const close = () => {
    create.reset();
    onClose();
  };

  const onFinish = (values: TemplateFormValues) => {
    const result = toCreateTemplate(values);
    if ('problems' in result) {
      form.setFields(
        result.problems.map((p) => ({
          name: p.field,
          errors: [t(`shiftTemplates.${p.key}`)],
        })) as FieldData[],
      );
      return;
    }
    create.mutate(result.template, {
      onSuccess: (template) => {
        void message.success(t('shiftTemplates.created', { title: templateTitle(template) }));
        close();
      },
    });
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('shiftTemplates.formTitle')}
      size={desktop ? 560 : '100%'}
      destroyOnHidden
    >
      {create.error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(create.error)} className="form-alert" />
      ) : null}
      <TemplateForm
        form={form}
        initial={{
          ...initialTemplateValues(),
          groupId: groupId ?? (groups.length === 1 ? groups[0]!.id : undefined),
        }}
        groups={groups}
        timeZone={timeZone}
        saving={create.isPending}
        onFinish={onFinish}
        onCancel={close}
      />
    </Drawer>
  );
}
