import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TGroup } from '../../../shared/api/volunteers.ts';
import { currentLocale } from '../../i18n/index.ts';
import { groupName } from '../../lib/format.ts';
import type { ShiftFormValues } from './shift-form-values.ts';

interface Props {
  form: FormInstance<ShiftFormValues>;
  initial: ShiftFormValues;
  groups: TGroup[];
  timeZone: string;
  saving: boolean;
  onFinish: (values: ShiftFormValues) => void;
  onCancel: () => void;
}

/** Native date and time inputs: a phone shows its own wheel pickers, which gloved thumbs manage. */
export function ShiftForm({ form, initial, groups, timeZone, saving, onFinish, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const required = (message: string) => [{ required: true, message }];
  const start = Form.useWatch('start', form);
  const end = Form.useWatch('end', form);
  const mode = Form.useWatch('mode', form);
  return (
    <Form<ShiftFormValues>
      form={form}
      name="create-shift"
      layout="vertical"
      requiredMark={false}
      initialValues={initial}
      onFinish={onFinish}
      scrollToFirstError
    >
      <p className="page-note form-note">{t('shiftForm.timezoneNote', { timezone: timeZone })}</p>
      <Form.Item label={t('shiftForm.group')} name="groupId" rules={required(t('shiftForm.groupRequired'))}>
        <Select
          placeholder={t('shiftForm.groupPlaceholder')}
          options={groups.map((g) => ({ value: g.id, label: groupName(g, locale) }))}
        />
      </Form.Item>
      <Form.Item label={t('shiftForm.name')} name="title">
        <Input maxLength={60} placeholder={t('shiftForm.namePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('shiftForm.date')} name="date" rules={required(t('shiftForm.dateRequired'))}>
        <Input type="date" />
      </Form.Item>
      <div className="form-row">
        <Form.Item label={t('shiftForm.start')} name="start" rules={required(t('shiftForm.timeRequired'))}>
          <Input type="time" />
        </Form.Item>
        <Form.Item
          label={t('shiftForm.end')}
          name="end"
          rules={required(t('shiftForm.timeRequired'))}
          extra={start && end && end < start ? t('shiftForm.overnight') : undefined}
        >
          <Input type="time" />
        </Form.Item>
      </div>
      <fieldset className="plain-fieldset">
        <legend className="field-label-block">{t('shiftForm.roles')}</legend>
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <div key={field.key} className="role-row">
                  <Form.Item name={[field.name, 'role']} label={t('shiftForm.role')}>
                    <Input maxLength={30} placeholder={t('shiftForm.rolePlaceholder')} autoComplete="off" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'capacity']}
                    label={t('shiftForm.capacity')}
                    rules={[
                      {
                        required: true,
                        type: 'integer',
                        min: 1,
                        max: 1000,
                        message: t('shiftForm.capacityRange'),
                      },
                    ]}
                  >
                    <InputNumber
                      min={1}
                      max={1000}
                      precision={0}
                      inputMode="numeric"
                      className="full-width"
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      className="role-remove"
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={`${t('shiftForm.removeRole')} ${index + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </div>
              ))}
              <p className="page-note form-note">{t('shiftForm.rolesHelp')}</p>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ role: '', capacity: 2 })}>
                {t('shiftForm.addRole')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>
      <Form.Item
        label={t('draw.modeLabel')}
        name="mode"
        extra={mode === 'draw' ? t('draw.modeDrawHelp') : undefined}
      >
        <Radio.Group
          className="mode-choice"
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'first_come', label: t('draw.modeFirstCome') },
            { value: 'draw', label: t('draw.modeDraw') },
          ]}
        />
      </Form.Item>
      {/* One label over a day and a time; antd shows the errors of both under it. */}
      <Form.Item label={t('shiftForm.opens')} htmlFor="create-shift_opensDate" required>
        <div className="date-time">
          <Form.Item name="opensDate" noStyle rules={required(t('shiftForm.dateRequired'))}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="opensTime" noStyle rules={required(t('shiftForm.timeRequired'))}>
            <Input type="time" aria-label={t('shiftForm.opensTime')} />
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item
        label={t('shiftForm.closes')}
        htmlFor="create-shift_closesDate"
        extra={t('shiftForm.closesHelp')}
      >
        <div className="date-time">
          <Form.Item name="closesDate" noStyle>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="closesTime" noStyle>
            <Input type="time" aria-label={t('shiftForm.closesTime')} />
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item label={t('shiftForm.cutoff')} name="cancelCutoffMinutes">
        <InputNumber min={0} max={10080} precision={0} inputMode="numeric" suffix={t('shiftForm.minutes')} />
      </Form.Item>
      <div className="form-buttons">
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('shiftForm.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
