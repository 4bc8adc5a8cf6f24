import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionLabel } from './labels.ts';

/** The filter as typed: calendar days ("YYYY-MM-DD") in the community's time zone. */
export interface AuditFilterValues {
  action?: string;
  from?: string;
  to?: string;
}

interface Props {
  actions: readonly string[];
  onApply: (values: AuditFilterValues) => void;
}

export function AuditFilterForm({ actions, onApply }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
  const reset = () => {
    form.resetFields();
    onApply({});
  };
  return (
    <section className="panel" aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title" className="panel-title-small">
        {t('audit.filtersTitle')}
      </h2>
      <Form<AuditFilterValues> form={form} name="audit-filters" layout="vertical" onFinish={onApply}>
        <div className="filter-grid">
          <Form.Item label={t('audit.action')} name="action">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('audit.actionPlaceholder')}
              options={actions.map((action) => ({ value: action, label: actionLabel(t, action) }))}
            />
          </Form.Item>
          <Form.Item label={t('audit.from')} name="from">
            <Input type="date" />
          </Form.Item>
          <Form.Item
            label={t('audit.to')}
            name="to"
            dependencies={['from']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, to?: string) => {
                  const from: string | undefined = getFieldValue('from');
                  return !to || !from || to >= from
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('audit.rangeInvalid')));
                },
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
          <div className="filter-buttons">
            <Button type="primary" htmlType="submit">
              {t('audit.search')}
            </Button>
            <Button onClick={reset}>{t('audit.reset')}</Button>
          </div>
        </div>
      </Form>
    </section>
  );
}
