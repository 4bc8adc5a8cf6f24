import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TGroup } from '../../../shared/api/volunteers.ts';
import { currentLocale } from '../../i18n/index.ts';
import { groupName } from '../../lib/format.ts';
import { formatDay } from '../../lib/shift-time.ts';
import { addDays, wallClock } from '../../lib/time.ts';
import { type TemplateFormValues, windowExample } from './template-form-values.ts';

interface Props {
  form: FormInstance<TemplateFormValues>;
  initial: TemplateFormValues;
  groups: TGroup[];
  timeZone: string;
  saving: boolean;
  onFinish: (values: TemplateFormValues) => void;
  onCancel: () => void;
}

/** Times of day, roles added row by row, the sign-up window, and how places are given out. */
export function TemplateForm({ form, initial, groups, timeZone, saving, onFinish, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const required = (message: string) => [{ required: true, message }];
  const values = Form.useWatch([], form) as TemplateFormValues | undefined;
  const current = { ...initial, ...values };
  const tomorrow = addDays(wallClock(new Date(), timeZone).day, 1);
  const example = windowExample(current, tomorrow);
  const moment = (m: { day: string; time: string }) => `${formatDay(m.day, locale)} ${m.time}`;

  return (
    <Form<TemplateFormValues>
      form={form}
      name="shift-template"
      layout="vertical"
      requiredMark={false}
      initialValues={initial}
      onFinish={onFinish}
      scrollToFirstError
    >
      <p className="page-note form-note">{t('shiftForm.timezoneNote', { timezone: timeZone })}</p>
      <Form.Item
        label={t('shiftTemplates.group')}
        name="groupId"
        rules={required(t('shiftForm.groupRequired'))}
      >
        <Select
          placeholder={t('shiftTemplates.groupPlaceholder')}
          options={groups.map((g) => ({ value: g.id, label: groupName(g, locale) }))}
        />
      </Form.Item>
      <Form.Item label={t('shiftTemplates.name')} name="title">
        <Input maxLength={60} placeholder={t('shiftTemplates.namePlaceholder')} autoComplete="off" />
      </Form.Item>
      <div className="form-row">
        <Form.Item
          label={t('shiftTemplates.start')}
          name="start"
          rules={required(t('shiftTemplates.timeRequired'))}
        >
          <Input type="time" />
        </Form.Item>
        <Form.Item
          label={t('shiftTemplates.end')}
          name="end"
          rules={required(t('shiftTemplates.timeRequired'))}
          extra={current.end && current.end < current.start ? t('shiftTemplates.overnight') : undefined}
        >
          <Input type="time" />
        </Form.Item>
      </div>
      <fieldset className="plain-fieldset">
        <legend className="field-label-block">{t('shiftTemplates.roles')}</legend>
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <div key={field.key} className="role-row">
                  <Form.Item name={[field.name, 'role']} label={`${t('shiftTemplates.role')} ${index + 1}`}>
                    <Input
                      maxLength={30}
                      placeholder={t('shiftTemplates.rolePlaceholder')}
                      autoComplete="off"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'capacity']}
                    label={t('shiftTemplates.capacity')}
                    rules={[
                      {
                        required: true,
                        type: 'integer',
                        min: 1,
                        max: 500,
                        message: t('shiftTemplates.capacityRange'),
                      },
                    ]}
                  >
                    <InputNumber min={1} max={500} precision={0} inputMode="numeric" className="full-width" />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      className="role-remove"
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={`${t('shiftTemplates.removeRole')} ${index + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </div>
              ))}
              <p className="page-note form-note">{t('shiftTemplates.rolesHelp')}</p>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ role: '', capacity: 2 })}>
                {t('shiftTemplates.addRole')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>
      <fieldset className="plain-fieldset">
        <legend className="field-label-block">{t('shiftTemplates.window')}</legend>
        <div className="form-row">
          <Form.Item
            label={t('shiftTemplates.opensDaysBeforeLabel')}
            name="opensDaysBefore"
            extra={t('shiftTemplates.opensDaysBeforeHelp')}
          >
            <InputNumber
              min={0}
              max={14}
              precision={0}
              inputMode="numeric"
              suffix={t('shiftTemplates.days')}
            />
          </Form.Item>
          <Form.Item
            label={t('shiftTemplates.opensAtLabel')}
            name="opensAt"
            rules={required(t('shiftTemplates.timeRequired'))}
          >
            <Input type="time" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item label={t('shiftTemplates.closesLabel')} name="closesMinutesBefore">
            <InputNumber
              min={0}
              max={1440}
              precision={0}
              inputMode="numeric"
              suffix={t('shiftTemplates.minutes')}
            />
          </Form.Item>
          <Form.Item label={t('shiftTemplates.cutoffLabel')} name="cancelCutoffMinutes">
            <InputNumber
              min={0}
              max={10080}
              precision={0}
              inputMode="numeric"
              suffix={t('shiftTemplates.minutes')}
            />
          </Form.Item>
        </div>
        <p
          className={example.valid ? 'page-note form-note' : 'form-note template-warning'}
          aria-live="polite"
        >
          {example.valid
            ? t('shiftTemplates.windowExample', {
                day: formatDay(tomorrow, locale),
                opens: moment(example.opens),
                closes: moment(example.closes),
              })
            : t('shiftTemplates.windowInvalid')}
        </p>
      </fieldset>
      <Form.Item label={t('shiftTemplates.mode')} name="mode">
        <Radio.Group className="template-mode">
          <Radio value="first_come">
            <strong>{t('shiftTemplates.modeFirstCome')}</strong>
            <span className="muted">{t('shiftTemplates.modeFirstComeHelp')}</span>
          </Radio>
          <Radio value="draw">
            <strong>{t('shiftTemplates.modeDraw')}</strong>
            <span className="muted">{t('shiftTemplates.modeDrawHelp')}</span>
          </Radio>
        </Radio.Group>
      </Form.Item>
      <div className="form-buttons">
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('shiftTemplates.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
