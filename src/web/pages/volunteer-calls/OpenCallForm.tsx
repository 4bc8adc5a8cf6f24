import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { useOpenCall } from '../../api/volunteers.ts';

export function OpenCallForm({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string }>();
  const open = useOpenCall(communityId);
  const onFinish = ({ title }: { title: string }) =>
    open.mutate(title.trim(), {
      onSuccess: (call) => {
        void message.success(t('volunteerCalls.opened', { title: call.title }));
        form.resetFields();
      },
    });
  return (
    <section className="panel" aria-labelledby="open-call-title">
      <h2 id="open-call-title">{t('volunteerCalls.openTitle')}</h2>
      {open.error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(open.error)} className="form-alert" />
      ) : null}
      <Form form={form} name="open-call" layout="vertical" requiredMark={false} onFinish={onFinish}>
        <div className="inline-form">
          <Form.Item
            label={t('volunteerCalls.callTitle')}
            name="title"
            rules={[{ required: true, whitespace: true, message: t('volunteerCalls.titleRequired') }]}
          >
            <Input maxLength={100} placeholder={t('volunteerCalls.titlePlaceholder')} autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={open.isPending}>
            {t('volunteerCalls.open')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
